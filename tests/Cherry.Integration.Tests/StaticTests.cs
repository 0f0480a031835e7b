using System.Net;
using Cherry.Integration.Tests.App;
using Microsoft.AspNetCore.Builder;

namespace Cherry.Integration.Tests;

public sealed class StaticFixture : IAsyncLifetime
{
    public CherryServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await CherryServer.StartAsync(app => app.MapCherry<StaticRoot>("/", o => ReferenceAppFixture.WithSessions(o)
        .Set("/static", "tools.staticdir.on", "True")
        .Set("/static", "tools.staticdir.dir", StaticRoot.Fixtures)
        .Set("/static", "tools.staticdir.index", "index.html")
        .Set("/static_noindex", "tools.staticdir.on", "True")
        .Set("/static_noindex", "tools.staticdir.root", AppContext.BaseDirectory)
        .Set("/static_noindex", "tools.staticdir.dir", "Fixtures/static")
        .Set("/static_noindex", "tools.staticdir.content_types", "txt,text/x-digits")
        .Set("/style.css", "tools.staticfile.on", "True")
        .Set("/style.css", "tools.staticfile.filename", Path.Combine(StaticRoot.Fixtures, "style.css"))));

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>cases.md §13: static content, against the mirror over a real socket, plus traversal and range safety.</summary>
public sealed class StaticTests(StaticFixture fixture) : IClassFixture<StaticFixture>
{
    private readonly HttpClient _client = fixture.Server.Client;

    private string Absolute(string path) => new Uri(fixture.Server.Address, path).ToString();

    [Fact]
    public async Task A_file_is_served_with_validators_and_ranges_offered()
    {
        var (response, body) = await _client.FetchAsync("/static/digits.txt");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("bytes", response.Headers.AcceptRanges.Single());
        Assert.Equal(20, response.Content.Headers.ContentLength);
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal("0123456789abcdefghij", body);
    }

    [Theory]
    [InlineData("/static/", "text/html")]
    [InlineData("/static/sub/", "text/html")]
    [InlineData("/static/data.json", "application/json")]
    [InlineData("/static_noindex/digits.txt", "text/x-digits")]
    [InlineData("/style.css", "text/css")]
    public async Task Content_types_come_from_the_extension_or_the_configured_map(string url, string type)
    {
        var (response, _) = await _client.FetchAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("/static", "/static/")]
    [InlineData("/static/sub", "/static/sub/")]
    public async Task Directory_urls_without_a_slash_redirect_consistently(string url, string location)
    {
        var (response, _) = await _client.FetchAsync(url);
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(Absolute(location), response.Headers.Location!.ToString());
    }

    [Theory]
    [InlineData("/static_noindex/", "root default args=('static_noindex',)")]
    [InlineData("/static_noindex/nope.txt", "root default args=('static_noindex', 'nope.txt')")]
    public async Task Misses_fall_through_to_the_dynamic_handlers(string url, string expected) =>
        Assert.Equal(expected, (await _client.FetchAsync(url)).Body);

    /// <summary>
    /// A file name followed by '/' names no file: the status check passed on 'digits.txt' while the send opened
    /// 'digits.txt/' and failed with a 500 at write time. Every form and every method falls through, as in CherryPy.
    /// </summary>
    [Theory]
    [InlineData("GET /static/digits.txt/ HTTP/1.1", "")]
    [InlineData("GET /static/digits.txt// HTTP/1.1", "")]
    [InlineData("GET /static/digits.txt/. HTTP/1.1", "")]
    [InlineData("GET /static/digits.txt/%2E HTTP/1.1", "")]
    [InlineData("GET /static/digits.txt%2F HTTP/1.1", "")]
    [InlineData("GET /static/sub/index.html/ HTTP/1.1", "")]
    [InlineData("HEAD /static/digits.txt/ HTTP/1.1", "")]
    [InlineData("GET /static/digits.txt/ HTTP/1.1", "If-None-Match: *\r\n")]
    [InlineData("GET /static/digits.txt/ HTTP/1.1", "Range: bytes=0-3\r\n")]
    [InlineData("GET /static_noindex/digits.txt/ HTTP/1.1", "Range: bytes=0-3\r\n")]
    public async Task A_file_name_followed_by_a_slash_falls_through_to_the_handler(string requestLine, string headers)
    {
        var raw = await Http.RawAsync(fixture.Server.Address, $"{requestLine}\r\nHost: x\r\n{headers}Connection: close\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 200 ", raw);
        if (!requestLine.StartsWith("HEAD"))
        {
            Assert.Contains("root default args=(", raw);
            Assert.DoesNotContain("0123", raw);
        }
        Assert.DoesNotContain("Content-Range", raw);
    }

    [Fact]
    public async Task Other_methods_fall_through()
    {
        var (response, body) = await _client.FetchAsync(HttpMethod.Post, "/static/digits.txt", "", "text/plain");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("root default args=('static', 'digits.txt')", body);
    }

    [Fact]
    public async Task Conditional_requests_use_real_dates()
    {
        var (first, _) = await _client.FetchAsync("/static/digits.txt");
        var lastModified = first.Content.Headers.GetValues("Last-Modified").Single();
        var (notModified, body) = await _client.FetchAsync("/static/digits.txt", ("If-Modified-Since", lastModified));
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Null(notModified.Content.Headers.ContentType);
        Assert.Equal("", body);
        var (failed, page) = await _client.FetchAsync("/static/digits.txt", ("If-Unmodified-Since", "Sun, 28 Jan 2007 00:00:00 GMT"));
        Assert.Equal(HttpStatusCode.PreconditionFailed, failed.StatusCode);
        Assert.Equal("Precondition in headers is false", Http.ErrorMessage(page));
        Assert.Equal(HttpStatusCode.NotModified, (await _client.FetchAsync("/static/digits.txt", ("If-None-Match", first.Headers.ETag!.ToString()))).Response.StatusCode);
    }

    [Theory]
    [InlineData("bytes=2-5", "bytes 2-5/20", "2345")]
    [InlineData("bytes=-3", "bytes 17-19/20", "hij")]
    [InlineData("bytes=15-", "bytes 15-19/20", "fghij")]
    public async Task Single_ranges_are_206(string range, string contentRange, string body) => await AssertOneRangeAsync(range, contentRange, body);

    private async Task AssertOneRangeAsync(string range, string contentRange, string body)
    {
        var (response, text) = await _client.FetchAsync("/static/digits.txt", ("Range", range));
        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(contentRange, response.Content.Headers.ContentRange!.ToString());
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.Equal(body, text);
    }

    [Theory]
    [InlineData("bytes=0-1,4-5", "0-1:01 4-5:45")]
    [InlineData("bytes=4-6,2-5", "4-6:456 2-5:2345")]
    [InlineData("bytes=0-3,2-5,-2", "0-3:0123 2-5:2345 18-19:ij")]
    public async Task Several_ranges_are_multipart_parts_as_asked_when_they_do_not_amplify_the_output(string range, string expected)
    {
        // Overlapping and out of order, as CherryPy serves them: no more bytes in all than the 20-byte file holds.
        var (response, body) = await _client.FetchAsync("/static/digits.txt", ("Range", range));
        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.StartsWith("multipart/byteranges; boundary=", response.Content.Headers.GetValues("Content-Type").Single());
        var boundary = response.Content.Headers.ContentType!.Parameters.Single(p => p.Name == "boundary").Value!;
        Assert.DoesNotContain("\"", boundary);
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        var parts = expected.Split(' ').Select(p => p.Split(':')).Select(p => $"\r\n--{boundary}\r\nContent-type: text/plain\r\nContent-range: bytes {p[0]}/20\r\n\r\n{p[1]}");
        Assert.Equal(string.Concat(parts) + $"\r\n--{boundary}--\r\n", body);
    }

    [Theory]
    [InlineData("bytes=5-2")]
    [InlineData("bytes=abc")]
    [InlineData("pages=1-2")]
    public async Task Malformed_ranges_are_ignored(string range)
    {
        // CherryPy answers 500 to "bytes=abc".
        var (response, body) = await _client.FetchAsync("/static/digits.txt", ("Range", range));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("0123456789abcdefghij", body);
    }

    [Theory]
    [InlineData("bytes=0-14,1-15", "bytes 0-15/20", "0123456789abcdef")]
    [InlineData("bytes=0-,0-,0-", "bytes 0-19/20", "0123456789abcdefghij")]
    // A range inside another keeps the outer one's end: nothing of 0-10 is lost to 2-3.
    [InlineData("bytes=0-10,2-3,0-10", "bytes 0-10/20", "0123456789a")]
    public async Task Ranges_totalling_more_bytes_than_the_entity_are_coalesced(string range, string contentRange, string body) =>
        // Served as asked they would send more than the file holds (an amplification): coalesced, no byte goes twice.
        await AssertOneRangeAsync(range, contentRange, body);

    [Fact]
    public async Task More_ranges_than_the_cap_are_coalesced()
    {
        var many = "bytes=" + string.Join(",", Enumerable.Range(0, 40).Select(i => $"{i % 20}-{i % 20}"));
        var (coalesced, body) = await _client.FetchAsync("/static/digits.txt", ("Range", many));
        Assert.Equal(HttpStatusCode.PartialContent, coalesced.StatusCode);
        Assert.Equal("bytes 0-19/20", coalesced.Content.Headers.ContentRange!.ToString());
        Assert.Equal("0123456789abcdefghij", body);
    }

    [Fact]
    public async Task Unsatisfiable_range_is_416_with_the_length()
    {
        var (response, body) = await _client.FetchAsync("/static/digits.txt", ("Range", "bytes=100-200"));
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
        Assert.Equal("bytes */20", response.Content.Headers.ContentRange!.ToString());
        Assert.Equal("Invalid Range (first-byte-pos greater than Content-Length)", Http.ErrorMessage(body));
    }

    [Fact]
    public async Task Http_1_0_ignores_range_and_gets_no_accept_ranges()
    {
        var raw = await Http.RawAsync(fixture.Server.Address, "GET /static/digits.txt HTTP/1.0\r\nHost: localhost\r\nRange: bytes=2-5\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 200", raw);
        Assert.DoesNotContain("Accept-Ranges", raw);
        Assert.EndsWith("0123456789abcdefghij", raw);
    }

    [Fact]
    public async Task If_range_with_another_validator_gets_the_whole_file()
    {
        var (response, body) = await _client.FetchAsync("/static/digits.txt", ("Range", "bytes=2-5"), ("If-Range", "\"old\""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(20, body.Length);
        var etag = (await _client.FetchAsync("/static/digits.txt")).Response.Headers.ETag!.ToString();
        Assert.Equal(HttpStatusCode.PartialContent, (await _client.FetchAsync("/static/digits.txt", ("Range", "bytes=2-5"), ("If-Range", etag))).Response.StatusCode);
    }

    [Fact]
    public async Task Head_has_the_length_and_no_body()
    {
        var (response, body) = await _client.FetchAsync(HttpMethod.Head, "/static/digits.txt");
        Assert.Equal(20, response.Content.Headers.ContentLength);
        Assert.Equal("", body);
    }

    [Fact]
    public async Task Helpers_serve_files_downloads_and_streams()
    {
        var (file, text) = await _client.FetchAsync("/servefile");
        Assert.Equal("text/plain; charset=utf-8", file.Content.Headers.ContentType!.ToString());
        Assert.Equal("0123456789abcdefghij", text);
        var (download, _) = await _client.FetchAsync("/download");
        Assert.Equal("application/x-download", download.Content.Headers.ContentType!.ToString());
        Assert.Equal("attachment; filename=\"digits.txt\"", download.Content.Headers.ContentDisposition!.ToString());
        var (utf8, _) = await _client.FetchAsync("/download_utf8");
        Assert.Equal("attachment; filename=\"dgits .txt\"; filename*=UTF-8''d%C3%ADgits%20%E2%98%83.txt", string.Join("", utf8.Content.Headers.GetValues("Content-Disposition")));
        var (stream, streamed) = await _client.FetchAsync("/fileobj", ("Range", "bytes=4-6"));
        Assert.Equal(HttpStatusCode.PartialContent, stream.StatusCode);
        Assert.Equal("fie", streamed);
        var (whole, wholeBody) = await _client.FetchAsync("/fileobj");
        Assert.Equal(14, whole.Content.Headers.ContentLength);
        Assert.Null(whole.Content.Headers.LastModified);
        Assert.Equal("Fee\nfie\nfo\nfum", wholeBody);
    }

    [Fact]
    public async Task A_relative_path_in_serve_file_is_a_server_error()
    {
        Assert.Equal(HttpStatusCode.InternalServerError, (await _client.FetchAsync("/relative")).Response.StatusCode);
    }

    [Fact]
    public async Task Curl_fetches_a_range()
    {
        var output = await Curl.RunAsync("-s", "-r", "2-5", Absolute("/static/digits.txt"));
        Assert.Equal("2345", output);
    }
}

/// <summary>Every way out of a static directory is closed (issue 5's traversal vectors).</summary>
public sealed class StaticTraversalTests : IAsyncLifetime
{
    private string _base = null!;
    private CherryServer _server = null!;

    public async Task InitializeAsync()
    {
        _base = Directory.CreateTempSubdirectory("cherry-static-").FullName;
        Directory.CreateDirectory(Path.Combine(_base, "static"));
        Directory.CreateDirectory(Path.Combine(_base, "static-secret"));
        await File.WriteAllTextAsync(Path.Combine(_base, "static", "ok.txt"), "ok");
        await File.WriteAllTextAsync(Path.Combine(_base, "static-secret", "key.txt"), "secret");
        await File.WriteAllTextAsync(Path.Combine(_base, "outside.txt"), "outside");
        await File.WriteAllTextAsync(Path.Combine(_base, "static", "big.txt"), new string('x', 100));
        File.CreateSymbolicLink(Path.Combine(_base, "static", "escape.txt"), Path.Combine(_base, "outside.txt"));
        Directory.CreateSymbolicLink(Path.Combine(_base, "static", "linked"), Path.Combine(_base, "static-secret"));
        _server = await CherryServer.StartAsync(app => app.MapCherry<StaticRoot>("/", o => ReferenceAppFixture.WithSessions(o)
            .Set("/static", "tools.staticdir.on", "True")
            .Set("/static", "tools.staticdir.dir", Path.Combine(_base, "static"))));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_base, recursive: true);
    }

    /// <summary>A GET with the request-target exactly as written (HttpClient would remove its dot segments).</summary>
    private Task<string> GetAsSentAsync(string target) =>
        Http.RawAsync(_server.Address, $"GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

    [Fact]
    public async Task A_file_inside_is_served() => Assert.Equal("ok", (await _server.Client.FetchAsync("/static/ok.txt")).Body);

    [Theory]
    [InlineData("/static/..%2Fstatic-secret/key.txt")]
    [InlineData("/static/..%2foutside.txt")]
    [InlineData("/static/%2e%2e%2Foutside.txt")]
    [InlineData("/static/escape.txt")]
    [InlineData("/static/linked/key.txt")]
    // Dot segments Kestrel removes before routing (these arrive as /outside.txt or /static/ok.txt): the raw target is
    // what CherryPy's staticdir sees and refuses, so Cherry refuses it too.
    [InlineData("/static/../outside.txt")]
    [InlineData("/static/%2e%2e/outside.txt")]
    [InlineData("/static/./ok.txt/../../outside.txt")]
    [InlineData("/static//../outside.txt")]
    [InlineData("/static/../static/ok.txt")]
    public async Task Escapes_are_forbidden(string url)
    {
        var raw = await GetAsSentAsync(url);
        Assert.StartsWith("HTTP/1.1 403", raw);
        Assert.DoesNotContain("secret", raw.Split("\r\n\r\n", 2)[1]);
        Assert.DoesNotContain("outside\n", raw);
    }

    [Theory]
    [InlineData("/static/sub/../ok.txt", "ok")]
    [InlineData("/static/%2e/ok.txt", "ok")]
    [InlineData("/other/../static/ok.txt", "ok")]
    [InlineData("/other/../outside.txt", "root default")]
    public async Task Dot_segments_that_stay_inside_or_start_outside_a_static_section_are_served_by_the_normalised_path(string url, string body)
    {
        // The file system only ever sees Kestrel's normalised path: dot segments never reach it.
        var raw = await GetAsSentAsync(url);
        Assert.StartsWith("HTTP/1.1 200", raw);
        Assert.Contains(body, raw.Split("\r\n\r\n", 2)[1]);
    }

    [Fact]
    public async Task More_than_sixteen_separate_ranges_get_the_whole_entity()
    {
        var ranges = (int count) => "bytes=" + string.Join(",", Enumerable.Range(0, count).Select(i => $"{i * 4}-{i * 4}"));
        Assert.Equal(HttpStatusCode.PartialContent, (await _server.Client.FetchAsync("/static/big.txt", ("Range", ranges(Static.MaxRanges)))).Response.StatusCode);
        var (response, body) = await _server.Client.FetchAsync("/static/big.txt", ("Range", ranges(Static.MaxRanges + 1)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(100, body.Length);
    }

    [Fact]
    public async Task A_nul_byte_is_refused()
    {
        var raw = await GetAsSentAsync("/static/ok.txt%00.png");
        Assert.StartsWith("HTTP/1.1 400", raw);
    }
}

/// <summary>The attribute form of staticdir.</summary>
public sealed class StaticAttributeTests
{
    [Fact]
    public async Task Staticdir_on_a_class_serves_below_it_and_falls_through_to_its_default()
    {
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = AppContext.BaseDirectory;
        try
        {
            await using var server = await CherryServer.StartAsync(app => app.MapCherry<AttributeStaticRoot>("/"));
            Assert.Equal("0123456789abcdefghij", (await server.Client.FetchAsync("/files/digits.txt")).Body);
            Assert.Equal("dynamic missing.txt", (await server.Client.FetchAsync("/files/missing.txt")).Body);
            var (style, css) = await server.Client.FetchAsync("/style");
            Assert.Equal("text/css", style.Content.Headers.ContentType!.MediaType);
            Assert.StartsWith("body", css);
            Assert.Equal("dynamic style", (await server.Client.FetchAsync(HttpMethod.Post, "/style", "", "text/plain")).Body);
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }
}
