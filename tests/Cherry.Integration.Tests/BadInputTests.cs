using System.Net;

namespace Cherry.Integration.Tests;

/// <summary>Malformed requests get a 4xx with a message, never a 500.</summary>
public sealed class BadInputTests(ReferenceAppFixture fixture) : IClassFixture<ReferenceAppFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task Undecodable_query_string_is_400()
    {
        // CherryPy answers 404 here; the query is the client's mistake, so Cherry answers 400.
        var (response, body) = await _client.FetchAsync("/?name=%A3");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The given query string could not be processed. Query strings for this resource must be encoded with 'utf8'.", Http.ErrorMessage(body));
    }

    [Fact]
    public async Task Undecodable_form_body_is_400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/one") { Content = new ByteArrayContent([(byte)'p', (byte)'1', (byte)'=', 0xFF, 0xFE]) };
        request.Content.Headers.ContentType = new("application/x-www-form-urlencoded");
        var (response, body) = await _client.FetchAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The request entity could not be decoded. The following charsets were attempted: ['utf-8']", Http.ErrorMessage(body));
    }

    [Fact]
    public async Task Missing_host_on_HTTP_1_1_is_400()
    {
        var raw = await Http.RawAsync(fixture.Server.Address, "GET / HTTP/1.1\r\nConnection: close\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 400", raw);
    }

    [Fact]
    public async Task Post_without_length_is_411()
    {
        var raw = await Http.RawAsync(fixture.Server.Address, "POST /one HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nConnection: close\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 411", raw);
        Assert.Contains("Client must specify Content-Length", raw);
    }

    [Fact]
    public async Task Huge_headers_are_431()
    {
        var (response, _) = await _client.FetchAsync("/", ("X-Huge", new string('a', 40_000)));
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Malformed_request_line_is_400()
    {
        var raw = await Http.RawAsync(fixture.Server.Address, "G@T / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 400", raw);
    }

    [Fact]
    public async Task Segment_longer_than_any_member_name_is_a_clean_miss()
    {
        var (response, body) = await _client.FetchAsync("/" + new string('x', 500));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("root default args=('xxx", body);
    }

    [Fact]
    public async Task Truncated_multipart_body_is_400()
    {
        var raw = await Http.RawAsync(fixture.Server.Address,
            "POST /one HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=XX\r\nContent-Length: 19\r\nConnection: close\r\n\r\n--XX\r\nbroken-part\r\n");
        Assert.StartsWith("HTTP/1.1 400", raw);
    }

    private async Task<(HttpResponseMessage Response, string Body)> PostFormAsync(string path, string form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(form, System.Text.Encoding.ASCII, "application/x-www-form-urlencoded") };
        return await _client.FetchAsync(request);
    }

    [Fact]
    public async Task More_parameters_than_the_cap_are_400()
    {
        // 50,000 unexpected names cost seconds of CPU when each was looked up in a list of the ones before it.
        var form = "p1=a&" + string.Join("&", Enumerable.Range(0, 50_000).Select(i => $"n{i}=1"));
        var (response, body) = await PostFormAsync("/one", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal($"Too many parameters: a request may carry at most {new CherryOptions().MaxParameters}.", Http.ErrorMessage(body));

        var query = string.Join("&", Enumerable.Range(0, 1_100).Select(i => $"q{i}"));
        var (fromQuery, _) = await _client.FetchAsync("/one?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, fromQuery.StatusCode);
    }

    [Fact]
    public async Task Unexpected_names_below_the_cap_are_each_named_once_in_order()
    {
        var names = Enumerable.Range(0, 500).Select(i => $"n{i}").ToArray();
        var form = "p1=a&" + string.Join("&", names.Concat(names).Select(n => n + "=1"));
        var (response, body) = await PostFormAsync("/one", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Unexpected body parameters: " + string.Join(", ", names), Http.ErrorMessage(body));
    }

    private static string Raw(string method, string target, string headers, string body = "") =>
        $"{method} {target} HTTP/1.1\r\n{headers}Content-Length: {System.Text.Encoding.Latin1.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}";

    /// <summary>Inputs that each answered 500; every one is the client's to fix, so each is a 4xx or is ignored.</summary>
    [Theory]
    [InlineData("GET", "/", "Host: x\r\nAccept-Charset: utf-7\r\n", "", 200)]
    [InlineData("POST", "/one", "Host: x\r\nContent-Type: application/x-www-form-urlencoded; charset=utf-7\r\n", "p1=a", 200)]
    [InlineData("POST", "/one", "Host: x\r\nContent-Type: multipart/form-data; boundary=AAA\r\n", "--BBB\r\nContent-Disposition: form-data; name=\"p1\"\r\n\r\nx\r\n--BBB--\r\n", 400)]
    [InlineData("GET", "/servefile", "Host: x\r\nRange: bytes=0-9223372036854775807\r\n", "", 206)]
    [InlineData("GET", "/servefile", "Host: x\r\nRange: bytes=-9223372036854775808\r\n", "", 200)]
    [InlineData("GET", "/dir1", "Host: a..b\r\n", "", 400)]
    [InlineData("GET", "/dir1", "Host: a:65536\r\n", "", 400)]
    [InlineData("GET", "/dir1", "Host: a~b\r\n", "", 400)]
    [InlineData("GET", "/dir1", "Host: [::1]:99999\r\n", "", 400)]
    [InlineData("GET", "/tools/proxy", "Host: x\r\nX-Forwarded-Host: a..b\r\n", "", 400)]
    [InlineData("GET", "/tools/proxy", "Host: x\r\nX-Forwarded-Proto: java script\r\n", "", 400)]
    [InlineData("POST", "/json/echo", "Host: x\r\nContent-Type: application/json\r\n", "\"\\ud800\"", 400)]
    [InlineData("POST", "/json/echo", "Host: x\r\nContent-Type: application/json\r\n", "{\"\\udc00x\": 1}", 400)]
    public async Task Client_input_that_answered_500_is_a_4xx_or_ignored(string method, string target, string headers, string body, int status)
    {
        var raw = await Http.RawAsync(fixture.Server.Address, Raw(method, target, headers, body));
        Assert.StartsWith($"HTTP/1.1 {status} ", raw);
    }

    [Theory]
    [InlineData("/one", "application/x-www-form-urlencoded", "HTTP/1.1 400 ")]
    [InlineData("/xmlrpc/", "text/xml", "HTTP/1.1 200 ")]
    public async Task A_chunk_size_that_overflows_is_a_client_error(string path, string contentType, string statusLine)
    {
        var raw = await Http.RawAsync(fixture.Server.Address,
            $"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: {contentType}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nFFFFFFFFFFFFFFFFFFFF\r\nab\r\n0\r\n\r\n");
        // XML-RPC answers every error as a fault with 200, as CherryPy does.
        Assert.StartsWith(statusLine, raw);
        Assert.Contains("The request body could not be read", raw);
    }

    [Theory]
    [InlineData("GET /dir1 HTTP/1.0\r\n\r\n")]
    [InlineData("GET /dir1 HTTP/1.1\r\nHost: \r\nConnection: close\r\n\r\n")]
    public async Task A_request_without_a_host_redirects_to_the_address_it_came_in_on(string request)
    {
        var raw = await Http.RawAsync(fixture.Server.Address, request);
        Assert.StartsWith("HTTP/1.1 301 ", raw);
        Assert.Contains($"Location: http://127.0.0.1:{fixture.Server.Address.Port}/dir1/\r\n", raw);
    }
}
