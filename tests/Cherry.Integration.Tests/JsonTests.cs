using System.Net;

namespace Cherry.Integration.Tests;

/// <summary>cases.md §4: json_out and json_in through source-generated System.Text.Json contexts.</summary>
public sealed class JsonTests(ReferenceAppFixture fixture) : IClassFixture<ReferenceAppFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task JsonOut_writes_application_json()
    {
        var (response, body) = await _client.FetchAsync("/json/out");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("""{"answer":42,"list":[1,"two"]}""", body);
    }

    [Fact]
    public async Task JsonIn_echoes_the_parsed_document()
    {
        var (response, body) = await _client.FetchAsync(HttpMethod.Post, "/json/echo", """[13, "c"]""", "application/json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"received":[13,"c"]}""", body);
    }

    [Fact]
    public async Task JsonIn_binds_a_typed_body()
    {
        var (response, body) = await _client.FetchAsync(HttpMethod.Post, "/json/typed", """{"name":"x","count":2}""", "application/json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"name":"x!","count":2}""", body);
    }

    [Fact]
    public async Task JsonBody_without_JsonIn_binds_the_body()
    {
        var (response, body) = await _client.FetchAsync(HttpMethod.Post, "/json/implicit", """{"name":"x","count":2}""", "application/json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"name":"x","count":4}""", body);
    }

    [Fact]
    public async Task JsonIn_rejects_a_body_of_the_wrong_shape_with_400()
    {
        var (response, body) = await _client.FetchAsync(HttpMethod.Post, "/json/typed", """{"name":5}""", "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Invalid JSON document", Http.ErrorMessage(body));
    }

    [Fact]
    public async Task JsonIn_refuses_other_content_types_with_415()
    {
        var (response, body) = await _client.FetchAsync(HttpMethod.Post, "/json/echo", """[13, "c"]""", "text/plain");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("Expected an entity of content type application/json, text/javascript", Http.ErrorMessage(body));
    }

    [Fact]
    public async Task JsonIn_refuses_invalid_json_with_400()
    {
        var (response, body) = await _client.FetchAsync(HttpMethod.Post, "/json/echo", "[13, -]", "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Invalid JSON document", Http.ErrorMessage(body));
    }

    [Fact]
    public async Task JsonIn_refuses_chunked_bodies_with_411()
    {
        var raw = await Http.RawAsync(fixture.Server.Address,
            "POST /json/echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n2\r\n[]\r\n0\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 411", raw);
        Assert.Contains("Client must specify Content-Length", raw);
    }

    [Fact]
    public async Task JsonIn_without_force_lets_form_posts_through()
    {
        var (response, body) = await _client.FetchAsync(HttpMethod.Post, "/json/lenient", "a=1", "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"json":null,"params":{"a":"1"}}""", body);
    }

    [Fact]
    public async Task JsonIn_without_force_still_reads_json()
    {
        var (response, body) = await _client.FetchAsync(HttpMethod.Post, "/json/lenient", """{"x":1}""", "application/json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"json":{"x":1},"params":{}}""", body);
    }
}
