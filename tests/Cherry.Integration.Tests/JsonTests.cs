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

    [Theory]
    [InlineData("null")]
    [InlineData(" null ")]
    public async Task The_document_null_is_a_400_naming_a_parameter_that_takes_no_null(string document)
    {
        foreach (var path in new[] { "/json/typed", "/json/implicit" })
        {
            var (response, body) = await _client.FetchAsync(HttpMethod.Post, path, document, "application/json");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("Parameter 'payload' needs a JSON value, not null.", Http.ErrorMessage(body));
        }
        var (optional, answer) = await _client.FetchAsync(HttpMethod.Post, "/json/optional", document, "application/json");
        Assert.Equal(HttpStatusCode.OK, optional.StatusCode);
        Assert.Equal("""{"name":"none","count":0}""", answer);
    }

    /// <summary>Ill-formed UTF-8 was read as U+FFFD; like CherryPy's decode('utf-8'), json_in refuses it.</summary>
    [Theory]
    [InlineData(new byte[] { (byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'"', 0xFF, 0xFE, (byte)'"', (byte)'}' })]
    [InlineData(new byte[] { (byte)'"', 0xC0, 0xAF, (byte)'"' })]
    [InlineData(new byte[] { (byte)'{', (byte)'"', 0xED, 0xA0, 0x80, (byte)'"', (byte)':', (byte)'1', (byte)'}' })]
    [InlineData(new byte[] { (byte)'[', (byte)'"', 0xE2, 0x82, (byte)'"', (byte)']' })]
    public async Task Invalid_utf8_is_a_400(byte[] document)
    {
        foreach (var path in new[] { "/json/echo", "/json/typed" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(document) };
            request.Content.Headers.ContentType = new("application/json");
            var (response, body) = await _client.FetchAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("Invalid JSON document: the body is not valid UTF-8", Http.ErrorMessage(body));
        }
    }

    /// <summary>JSON's grammar lets a string escape half a surrogate pair; no UTF-8 (and no JSON writer) can carry it.</summary>
    [Theory]
    [InlineData("[\"\\ud800\"]", 400)]
    [InlineData("{\"\\udc00\": 1}", 400)]
    [InlineData("[\"a\\ud83d\"]", 400)]
    [InlineData("[\"\\ud83d\\ude00\"]", 200)]
    [InlineData("[\"\\u00e9\", \"\\ud83d\\ude00\"]", 200)]
    [InlineData("[\"\\\\ud800\"]", 200)]
    public async Task An_escaped_unpaired_surrogate_is_a_400_and_a_pair_is_read(string document, int status)
    {
        var (response, body) = await _client.FetchAsync(HttpMethod.Post, "/json/echo", document, "application/json");
        Assert.Equal(status, (int)response.StatusCode);
        if (status == 400)
        {
            Assert.Equal("Invalid JSON document: a string escapes an unpaired UTF-16 surrogate", Http.ErrorMessage(body));
        }
        else
        {
            Assert.Equal(System.Text.Json.JsonDocument.Parse(document).RootElement.EnumerateArray().Select(e => e.GetString()),
                System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("received").EnumerateArray().Select(e => e.GetString()));
        }
    }

    [Fact]
    public async Task Valid_multibyte_utf8_is_read()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/json/echo") { Content = new ByteArrayContent("[\"\u00e9\"]"u8.ToArray()) };
        request.Content.Headers.ContentType = new("application/json");
        var (response, body) = await _client.FetchAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\u00e9", System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("received")[0].GetString());
    }

    /// <summary>
    /// What json_in reads, a handler can write back inside its own objects: 64 levels was read and then failed at
    /// json_out with a 500 when echoed one level down; 65 is refused where it enters.
    /// </summary>
    [Theory]
    [InlineData(1, 200)]
    [InlineData(63, 200)]
    [InlineData(64, 200)]
    [InlineData(65, 400)]
    [InlineData(1000, 400)]
    public async Task Json_at_and_around_the_depth_limit_is_echoed_or_refused(int depth, int status)
    {
        foreach (var (open, close) in new[] { ("[", "]"), ("{\"k\":", "}") })
        {
            var document = string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
            var (response, body) = await _client.FetchAsync(HttpMethod.Post, "/json/echo", document, "application/json");
            Assert.Equal(status, (int)response.StatusCode);
            if (status == 200)
            {
                Assert.Equal("{\"received\":" + document + "}", body);
            }
        }
    }

    [Fact]
    public async Task JsonIn_refuses_other_content_types_with_415()
    {
        var (response, body) = await _client.FetchAsync(HttpMethod.Post, "/json/echo", """[13, "c"]""", "text/plain");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("Expected an entity of content type application/json, text/javascript", Http.ErrorMessage(body));
    }

    /// <summary>Media types are case-insensitive (RFC 9110 8.3.1): json_in takes <c>Application/JSON</c> as it takes <c>application/json</c>.</summary>
    [Theory]
    [InlineData("Application/JSON")]
    [InlineData("APPLICATION/json; Charset=UTF-8")]
    [InlineData("Text/JavaScript")]
    public async Task JsonIn_compares_media_types_ignoring_case(string contentType)
    {
        var raw = await Http.RawAsync(fixture.Server.Address,
            $"POST /json/echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: {contentType}\r\nContent-Length: 9\r\nConnection: close\r\n\r\n[13, \"c\"]");
        Assert.StartsWith("HTTP/1.1 200", raw);
        Assert.EndsWith("""{"received":[13,"c"]}""", raw);
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

    [Fact]
    public async Task JsonIn_leaves_a_request_whose_body_is_not_processed_alone_even_with_force()
    {
        // As CherryPy: json_in replaces the body processors, which a GET never runs, so the 415 of force never comes.
        var (response, body) = await _client.FetchAsync(HttpMethod.Get, "/json/echo", "[1]", "text/plain");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"received":null}""", body);
    }

    [Fact]
    public async Task JsonIn_with_force_refuses_a_body_without_a_content_type_with_415()
    {
        var raw = await Http.RawAsync(fixture.Server.Address,
            "POST /json/echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 3\r\nConnection: close\r\n\r\n[1]");
        Assert.StartsWith("HTTP/1.1 415", raw);
        Assert.Contains("Expected an entity of content type application/json", raw);
    }
}
