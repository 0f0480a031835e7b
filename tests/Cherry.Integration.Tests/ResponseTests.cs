using System.Net;
using Cherry.Integration.Tests.App;
using Microsoft.AspNetCore.Builder;

namespace Cherry.Integration.Tests;

public sealed class ResponseFixture : IAsyncLifetime
{
    public CherryServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await CherryServer.StartAsync(app => app.MapCherry<ResponseRoot>("/", o => o
        .Set("/streamed", "response.stream", "True")
        .Set("/latin", "request.query_string_encoding", "latin1")
        .Set("/quiet", "request.show_tracebacks", "False")
        .Set("/dav", "request.methods_with_bodies", "POST, PROPFIND")));

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>The request and response facades, through a real socket: header encoding, sequence bodies, URLs, ids.</summary>
public sealed class ResponseTests(ResponseFixture fixture) : IClassFixture<ResponseFixture>
{
    private readonly HttpClient _client = fixture.Server.Client;

    private Task<string> RawAsync(string target, string headers = "") =>
        Http.RawAsync(fixture.Server.Address, $"GET {target} HTTP/1.1\r\nHost: localhost\r\n{headers}Connection: close\r\n\r\n");

    [Fact]
    public async Task Non_ascii_header_values_go_out_as_rfc_2047_words_and_controls_are_dropped()
    {
        var raw = await RawAsync("/headers");
        Assert.StartsWith("HTTP/1.1 200 OK", raw);
        // "My dög has fleas" and "Ångström" as UTF-8 B-words, as CherryPy writes what ISO-8859-1 cannot carry.
        Assert.Contains("\r\nX-Latin: =?utf-8?b?TXkgZMO2ZyBoYXMgZmxlYXM=?=\r\n", raw);
        Assert.Contains("\r\nETag: =?utf-8?b?4oSrbmdzdHLDtm0=?=\r\n", raw);
        Assert.Equal("My d\u00f6g has fleas", Cherry.Http.Rfc2047.Decode("=?utf-8?b?TXkgZMO2ZyBoYXMgZmxlYXM=?="));
        Assert.Contains("\r\nX-Split: aSet-Cookie: evil=1\r\n", raw);
        Assert.DoesNotContain("\r\nSet-Cookie:", raw);
        Assert.Contains("\r\nX-Plain: plain\tascii\r\n", raw);
    }

    [Fact]
    public async Task A_sequence_is_collected_with_a_content_length_unless_streaming_is_on()
    {
        var collected = await RawAsync("/chunks");
        Assert.Contains("\r\nContent-Length: 7\r\n", collected);
        Assert.DoesNotContain("Transfer-Encoding", collected);
        Assert.EndsWith("\r\n\r\none two", collected);

        var streamed = await RawAsync("/streamed/");
        Assert.Contains("\r\nTransfer-Encoding: chunked\r\n", streamed);
        Assert.DoesNotContain("Content-Length", streamed);

        var (itself, itselfBody) = await _client.FetchAsync("/streams_itself");
        Assert.Equal("one two", itselfBody);
        Assert.True(itself.Headers.TransferEncodingChunked);
    }

    [Fact]
    public async Task An_exception_inside_a_collected_sequence_is_a_500_page()
    {
        var (response, body) = await _client.FetchAsync("/fails_later");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("the sequence failed", body);
        Assert.DoesNotContain("partial", body);

        // gzip on, the sequence fails before its first item: an uncompressed error page (CherryPy's ticket #147).
        var (gzipped, gzippedBody) = await _client.FetchAsync("/fails_first", ("Accept-Encoding", "gzip"));
        Assert.Equal(HttpStatusCode.InternalServerError, gzipped.StatusCode);
        Assert.Empty(gzipped.Content.Headers.ContentEncoding);
        Assert.Contains("before the first item", gzippedBody);
    }

    [Fact]
    public async Task A_request_header_reads_as_cherrypys_joined_and_decoded()
    {
        var raw = await RawAsync("/request_header?name=If-Match", "If-Match: =?utf-8?q?=E2=84=ABngstr=C3=B6m?=\r\n");
        Assert.EndsWith("\r\n\r\n\u212bngstr\u00f6m", System.Text.Encoding.UTF8.GetString(System.Text.Encoding.Latin1.GetBytes(raw)));
        var joined = await RawAsync("/request_header?name=Accept-Charset", "Accept-Charset: iso-8859-5\r\nAccept-Charset: unicode-1-1;q=0.8\r\n");
        Assert.EndsWith("\r\n\r\niso-8859-5, unicode-1-1;q=0.8", joined);
        Assert.EndsWith("\r\n\r\nabsent", await RawAsync("/request_header?name=X-None"));
    }

    /// <summary>RFC 2047 words a header's reader cannot decode stay as they are, at no exception per word.</summary>
    [Fact]
    public async Task Thousands_of_undecodable_encoded_words_are_left_as_they_are()
    {
        const string marker = "zw";
        var words = string.Join(" ", Enumerable.Range(0, 1_500).Select(i => i % 2 == 0 ? $"=?{marker}{i}?B?QUJD?=" : "=?utf-8?B?!!!?="));
        using var thrown = new ExceptionCount(marker);
        var raw = await RawAsync("/request_header?name=X-Words", $"X-Words: {words} =?utf-8?B?w6k=?=\r\n");
        // The undecodable words as sent, and the one good word decoded (the whitespace between words is dropped).
        Assert.EndsWith("\u00e9", System.Text.Encoding.UTF8.GetString(System.Text.Encoding.Latin1.GetBytes(raw)));
        Assert.Contains($"=?{marker}1498?B?QUJD?=", raw);
        Assert.InRange(thrown.Count, 0, 16);
    }

    [Fact]
    public async Task The_unique_id_is_one_per_request()
    {
        var (_, first) = await _client.FetchAsync("/ids");
        var (_, second) = await _client.FetchAsync("/ids");
        var ids = first.Split(' ');
        Assert.Equal(ids[0], ids[1]);
        Assert.Equal(4, Guid.Parse(ids[0]).Version);
        Assert.NotEqual(ids[0], second.Split(' ')[0]);
    }

    [Fact]
    public async Task A_string_array_without_default_is_required_and_a_nullable_one_is_not()
    {
        var (missing, body) = await _client.FetchAsync("/required?other=1");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("Missing parameters: tag", Http.ErrorMessage(body));
        Assert.Equal("a,b", (await _client.FetchAsync("/required?tag=a&tag=b")).Body);
        Assert.Equal("none", (await _client.FetchAsync("/optional")).Body);
        Assert.Equal("a", (await _client.FetchAsync("/optional?tag=a")).Body);
    }

    [Fact]
    public async Task The_query_string_encoding_is_configurable_per_path()
    {
        Assert.Equal("Bulgn\u00e9ville", (await _client.FetchAsync("/latin/?q=Bulgn%e9ville")).Body);
        var (response, body) = await _client.FetchAsync("/required?tag=%e9");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("must be encoded with 'utf8'", body);
    }

    [Fact]
    public async Task The_methods_whose_body_is_read_are_configurable_per_path()
    {
        var form = "application/x-www-form-urlencoded";
        Assert.Equal("PROPFIND on top", (await _client.FetchAsync(new HttpMethod("PROPFIND"), "/dav/", "data=on+top", form)).Body);
        Assert.Equal("PUT no data", (await _client.FetchAsync(HttpMethod.Put, "/dav/", "data=on+top", form)).Body);
        // Elsewhere the default: PUT's body is read, PROPFIND's is not.
        Assert.Equal("a", (await _client.FetchAsync(HttpMethod.Put, "/optional", "tag=a", form)).Body);
        Assert.Equal("none", (await _client.FetchAsync(new HttpMethod("PROPFIND"), "/optional", "tag=a", form)).Body);
    }

    [Fact]
    public async Task Tracebacks_can_be_switched_off_for_a_path()
    {
        var (response, body) = await _client.FetchAsync("/quiet/");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("<pre id=\"traceback\"></pre>", body);
        Assert.Contains("InvalidOperationException", (await _client.FetchAsync("/fails_later")).Body);
    }

    [Theory]
    [InlineData("/url/leaf?path=page1", "http://localhost/url/page1")]
    [InlineData("/url/leaf?path=page1&form=ServerRelative", "/url/page1")]
    [InlineData("/url/?path=/page1&form=ServerRelative", "/page1")]
    [InlineData("/url/leaf?path=/page1&form=Relative", "../page1")]
    [InlineData("/url/leaf?path=leaf/page1&form=Relative", "leaf/page1")]
    [InlineData("/url/?path=other/../page1&form=Relative", "page1")]
    public async Task Urls_come_in_cherrypys_three_forms(string target, string expected)
    {
        var raw = await RawAsync(target);
        Assert.EndsWith("\r\n\r\n" + expected, raw);
    }

    [Theory]
    [InlineData("/ids#fragment")]
    [InlineData("/ids?a=1#fragment")]
    public async Task A_fragment_in_the_request_target_is_400(string target)
    {
        var raw = await RawAsync(target);
        Assert.StartsWith("HTTP/1.1 400 Bad Request", raw);
        Assert.Contains("Illegal #fragment in Request-URI.", raw);
    }

    /// <summary>An escaped '#' is data, though the decoded path holds a '#': only the raw target decides.</summary>
    [Fact]
    public async Task An_escaped_hash_is_no_fragment()
    {
        var raw = await RawAsync("/ids%23x");
        Assert.DoesNotContain("Illegal #fragment", raw);
        Assert.DoesNotContain("HTTP/1.1 400", raw);
    }

    /// <summary>CherryPy refuses the whole request (400) for one malformed pair; Cherry reads the others.</summary>
    [Fact]
    public async Task A_malformed_cookie_pair_is_skipped_and_the_request_served()
    {
        var raw = await RawAsync("/cookie?name=Last", "Cookie: First=Dinsdale; Something-With,Comma=some-value; Last=Piranha\r\n");
        Assert.StartsWith("HTTP/1.1 200 OK", raw);
        Assert.EndsWith("\r\n\r\nPiranha", raw);
    }

    /// <summary>
    /// Cookies round trip: any names (RFC 6265 tokens) and any text values the handler sets come back to it unchanged
    /// from a real client's cookie jar (HttpClient with a CookieContainer), the server formatting Set-Cookie and parsing
    /// Cookie. Seeded; a failure names the input.
    /// </summary>
    [Fact]
    public async Task Cookies_a_handler_sets_come_back_from_a_real_clients_jar_unchanged()
    {
        const string NameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-.^_`|~";
        const string ValueCharacters = "abcxyzXYZ019 ;,\"\\=%&+/?#\u00e9\u20ac\u65e5\t";
        var random = new Random(20261207);
        for (var i = 0; i < 150; i++)
        {
            var cookies = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var count = random.Next(1, 6); cookies.Count < count;)
            {
                var name = Text(random, NameCharacters, 1, 12);
                if (name[0] != '$')
                {
                    // Not empty: ASP.NET Core's Request.Cookies leaves out a cookie whose value is empty (dotnet/aspnetcore
                    // #52580, docs/conformance.md, "Known gap").
                    cookies.TryAdd(name, Text(random, ValueCharacters, 1, 20));
                }
            }
            using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
            using var client = new HttpClient(handler) { BaseAddress = fixture.Server.Address };
            var set = string.Join("&", cookies.Select(c => "name=" + Uri.EscapeDataString(c.Key) + "&value=" + Uri.EscapeDataString(c.Value)));
            Assert.Equal(cookies.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), await client.GetStringAsync("/set_cookies?" + set));
            var echoed = (await client.GetStringAsync("/cookies")).Split('&')
                .Select(pair => pair.Split('='))
                .ToDictionary(pair => Uri.UnescapeDataString(pair[0]), pair => Uri.UnescapeDataString(pair[1]), StringComparer.OrdinalIgnoreCase);
            Assert.True(
                cookies.Count == echoed.Count && cookies.All(c => echoed.TryGetValue(c.Key, out var value) && value == c.Value),
                $"#{i}: set {string.Join(" ", cookies)}, read back {string.Join(" ", echoed)}");
        }

        static string Text(Random random, string alphabet, int minimum, int maximum) =>
            string.Concat(Enumerable.Range(0, random.Next(minimum, maximum + 1)).Select(_ => alphabet[random.Next(alphabet.Length)]));
    }

    /// <summary>
    /// CherryPy puts the text as given in Location (<c>&lt;script&gt;</c> included); Cherry sends a URI there and in the
    /// link, and shows the target as written in the link's text, HTML-escaped, as CherryPy's page does.
    /// </summary>
    [Theory]
    [InlineData("/a<script>\"b", "/a%3Cscript%3E%22b", "/a&lt;script&gt;&quot;b")]
    [InlineData("/somewhere%20else", "/somewhere%20else", "/somewhere%20else")]
    [InlineData("/тест", "/%D1%82%D0%B5%D1%81%D1%82", "/тест")]
    public async Task A_redirect_target_is_percent_encoded_as_a_uri_and_shown_html_escaped(string to, string uri, string shown)
    {
        var (response, body) = await _client.FetchAsync("/redirect?to=" + Uri.EscapeDataString(to));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(uri, response.Headers.Location!.AbsolutePath);
        Assert.DoesNotContain("<script>", body);
        Assert.Contains(uri + "\">", body);
        Assert.Contains(shown + "</a>", body);
    }

    [Theory]
    // Each is //evil.example/x to a browser (WHATWG: backslash is slash, tabs and newlines dropped, leading spaces trimmed).
    [InlineData("\\\\evil.example\\x", "/evil.example/x")]
    [InlineData("//evil.example/x", "/evil.example/x")]
    [InlineData("///evil.example/x", "/evil.example/x")]
    [InlineData("/\\evil.example/x", "/evil.example/x")]
    [InlineData("\\/evil.example/x", "/evil.example/x")]
    [InlineData("\\\\\\evil.example\\x", "/evil.example/x")]
    [InlineData("/\t/evil.example/x", "/evil.example/x")]
    [InlineData("\t//evil.example/x", "/evil.example/x")]
    [InlineData(" //evil.example/x", "/evil.example/x")]
    [InlineData("/\r\n/evil.example/x", "/evil.example/x")]
    [InlineData("\\evil.example", "/evil.example")]
    [InlineData("\\\\evil.example", "/evil.example")]
    public async Task A_redirect_target_without_a_scheme_stays_on_the_site_whatever_its_separators(string to, string path)
    {
        var (response, body) = await _client.FetchAsync("/redirect?to=" + Uri.EscapeDataString(to));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var location = new Uri(fixture.Server.Address, path).AbsoluteUri;
        Assert.Equal(location, response.Headers.Location!.OriginalString);
        Assert.Contains("<a href=\"" + location + "\">", body);
    }

    [Fact]
    public async Task A_redirect_target_with_a_scheme_goes_where_it_says()
    {
        var (response, _) = await _client.FetchAsync("/redirect?to=" + Uri.EscapeDataString("https://elsewhere.example/x"));
        Assert.Equal("https://elsewhere.example/x", response.Headers.Location!.OriginalString);
    }
}
