using System.Net;
using Cherry.Integration.Tests.App;

namespace Cherry.Integration.Tests;

/// <summary>
/// <c>[KeywordOnly]</c>: Python's keyword-only parameters, bound from the query or the body by name, never from a path
/// segment. Found missing by CherryPy's own test_objectmapping (testKeywords).
/// </summary>
public sealed class KeywordOnlyTests : IAsyncLifetime
{
    private CherryServer _server = null!;

    public async Task InitializeAsync() => _server = await CherryServer.StartAsync(app => app.MapCherry<KeywordRoot>("/"));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("/hello", HttpStatusCode.OK, "Hello world!")]
    [InlineData("/hello?name=Ada", HttpStatusCode.OK, "Hello Ada!")]
    [InlineData("/hello/extra", HttpStatusCode.NotFound, null)]
    [InlineData("/page?size=3", HttpStatusCode.OK, "top 3")]
    [InlineData("/page/left?size=3", HttpStatusCode.OK, "left 3")]
    [InlineData("/page/left", HttpStatusCode.NotFound, null)]
    [InlineData("/page/3/left", HttpStatusCode.NotFound, null)]
    public async Task Keyword_only_parameters_never_take_a_path_segment(string url, HttpStatusCode status, string? expected)
    {
        var (response, body) = await _server.Client.FetchAsync(url);
        Assert.Equal(status, response.StatusCode);
        if (expected is not null)
        {
            Assert.Equal(expected, body);
        }
    }

    [Fact]
    public async Task A_keyword_only_parameter_binds_from_the_form_body()
    {
        var (response, body) = await _server.Client.FetchAsync(HttpMethod.Post, "/hello", "name=Grace", "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hello Grace!", body);
    }
}
