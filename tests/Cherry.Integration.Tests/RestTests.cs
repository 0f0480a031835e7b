using System.Net;

namespace Cherry.Integration.Tests;

/// <summary>cases.md §2: method dispatch on a [Rest] resource.</summary>
public sealed class RestTests(ReferenceAppFixture fixture) : IClassFixture<ReferenceAppFixture>
{
    private const string Allow = "DELETE, GET, HEAD, POST, PUT";
    private readonly HttpClient _client = fixture.Client;

    [Theory]
    [InlineData("/rest/")]
    [InlineData("/rest")]
    public async Task Get_lists_without_a_trailing_slash_redirect(string url)
    {
        var (response, body) = await _client.FetchAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Allow, string.Join(", ", response.Content.Headers.Allow));
        Assert.StartsWith("a,b", body);
    }

    [Fact]
    public async Task Head_falls_back_to_Get()
    {
        var (response, body) = await _client.FetchAsync(HttpMethod.Head, "/rest/1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, response.Content.Headers.ContentLength);
        Assert.Equal("", body);
        Assert.Equal(Allow, string.Join(", ", response.Content.Headers.Allow));
    }

    [Fact]
    public async Task Positional_segments_reach_the_verb_method()
    {
        Assert.Equal("b", (await _client.FetchAsync("/rest/1")).Body);
    }

    [Fact]
    public async Task Post_creates_then_delete_removes()
    {
        var (created, body) = await _client.FetchAsync(HttpMethod.Post, "/rest/", "value=c", "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.StartsWith("created ", body);
        var index = body["created ".Length..];
        var (deleted, text) = await _client.FetchAsync(HttpMethod.Delete, "/rest/" + index);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal("deleted c", text);
    }

    [Fact]
    public async Task Handler_NotFound_keeps_Allow()
    {
        var (response, body) = await _client.FetchAsync(HttpMethod.Delete, "/rest/99");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(Allow, string.Join(", ", response.Content.Headers.Allow));
        Assert.Equal("The path '/rest/99' was not found.", Http.ErrorMessage(body));
    }

    [Fact]
    public async Task Unknown_method_is_405_with_Allow()
    {
        var (response, body) = await _client.FetchAsync(HttpMethod.Options, "/rest/");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(Allow, string.Join(", ", response.Content.Headers.Allow));
        Assert.Equal("Specified method is invalid for this resource", Http.ErrorMessage(body));
    }

    [Fact]
    public async Task Method_check_comes_before_the_body_so_PATCH_without_length_is_405_not_411()
    {
        // CherryPy reads the body first and answers 411 here; the method is the client's first mistake.
        var raw = await Http.RawAsync(fixture.Server.Address, "PATCH /rest/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 405", raw);
        Assert.Contains("Allow: " + Allow, raw);
    }

    [Fact]
    public async Task Put_without_length_is_411()
    {
        var raw = await Http.RawAsync(fixture.Server.Address, "PUT /rest/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 411", raw);
        Assert.Contains("Client must specify Content-Length", raw);
    }
}
