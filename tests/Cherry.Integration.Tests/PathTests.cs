using System.Net;
using Cherry.Integration.Tests.App;

namespace Cherry.Integration.Tests;

/// <summary>
/// Request paths decoded as CherryPy decodes them (UTF-8, else ISO-8859-1), and <see cref="Request.Url"/> resolving a
/// relative path as <c>cherrypy.url</c> does; both found missing by CherryPy's own test_objectmapping.
/// </summary>
public sealed class PathTests : IAsyncLifetime
{
    private CherryServer _server = null!;

    public async Task InitializeAsync() => _server = await CherryServer.StartAsync(app => app.MapCherry<PathRoot>("/"));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("/Von%20B%fclow", "reached by its ISO-8859-1 name")]
    [InlineData("/Von%20B%C3%BClow", "reached by its ISO-8859-1 name")]
    [InlineData("/caf%C3%A9", "reached by its UTF-8 name")]
    [InlineData("/caf%e9", "reached by its UTF-8 name")]
    public async Task A_path_that_is_not_utf8_is_read_as_iso_8859_1(string path, string expected)
    {
        var (response, body) = await _server.Client.FetchAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, body);
    }

    [Theory]
    [InlineData("/a%2Fb%fc")]
    [InlineData("/%zz%fc")]
    [InlineData("/%f")]
    [InlineData("/x%fc%")]
    public async Task Odd_escapes_beside_a_latin1_byte_reach_default_and_never_fail(string path)
    {
        var (response, body) = await _server.Client.FetchAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("default:", body);
    }

    [Theory]
    [InlineData("/back", "/")]
    [InlineData("/back/", "/")]
    [InlineData("/section/", "/section/next")]
    public async Task A_relative_url_resolves_against_an_index_as_a_directory_and_any_other_handler_as_a_file(string path, string expected)
    {
        var (_, body) = await _server.Client.FetchAsync(path);
        Assert.Equal(new Uri(_server.Address, expected).ToString(), body);
    }
}
