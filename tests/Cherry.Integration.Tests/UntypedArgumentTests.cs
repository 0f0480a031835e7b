using System.Net;
using Cherry.Integration.Tests.App;

namespace Cherry.Integration.Tests;

/// <summary>
/// A <c>StringValues</c> parameter is as untyped as a Python one: it binds from a path segment, by name, or as a list when
/// the name repeats; given both by a segment and by name it is CherryPy's "multiple values" (404 from the query string,
/// 400 from the body), and missing it is a 404. Found missing by CherryPy's own test_request_obj (params.index(thing)).
/// </summary>
public sealed class UntypedArgumentTests : IAsyncLifetime
{
    private CherryServer _server = null!;

    public async Task InitializeAsync() => _server = await CherryServer.StartAsync(app => app.MapCherry<UntypedRoot>("/"));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("/thing/a", HttpStatusCode.OK, "1:a")]
    [InlineData("/thing?thing=a", HttpStatusCode.OK, "1:a")]
    [InlineData("/thing?thing=a&thing=b&thing=c", HttpStatusCode.OK, "3:a,b,c")]
    [InlineData("/thing?thing=", HttpStatusCode.OK, "1:")]
    [InlineData("/thing/a?thing=b", HttpStatusCode.NotFound, "Multiple values for parameters: thing")]
    [InlineData("/thing", HttpStatusCode.NotFound, "Missing parameters: thing")]
    [InlineData("/thing/a/b", HttpStatusCode.NotFound, null)]
    [InlineData("/pair/x/y", HttpStatusCode.OK, "1:x 1:y")]
    [InlineData("/pair/x?second=y&second=z", HttpStatusCode.OK, "1:x 2:y,z")]
    [InlineData("/pair/x", HttpStatusCode.OK, "1:x 0:")]
    [InlineData("/tags", HttpStatusCode.OK, "0:")]
    [InlineData("/tags?tag=x&tag=y", HttpStatusCode.OK, "2:x,y")]
    [InlineData("/tags/x", HttpStatusCode.NotFound, null)]
    public async Task An_untyped_parameter_binds_as_a_python_one(string url, HttpStatusCode status, string? expected)
    {
        var (response, body) = await _server.Client.FetchAsync(url);
        Assert.Equal(status, response.StatusCode);
        if (expected is not null)
        {
            Assert.Contains(expected, body);
        }
    }

    [Fact]
    public async Task Form_values_gather_with_the_query_strings_and_a_body_value_beside_a_segment_is_a_400()
    {
        var (gathered, body) = await _server.Client.FetchAsync(HttpMethod.Post, "/thing?thing=a", "thing=b&thing=c", "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.OK, gathered.StatusCode);
        Assert.Equal("3:a,b,c", body);

        var (twice, message) = await _server.Client.FetchAsync(HttpMethod.Post, "/thing/a", "thing=b", "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("Multiple values for parameters: thing", message);
    }
}
