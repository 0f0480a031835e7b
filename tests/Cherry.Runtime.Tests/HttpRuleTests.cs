using System.Text;
using Cherry.Http;

namespace Cherry.Runtime.Tests;

/// <summary>
/// Header, path and query rules at their edges, each with the answer CherryPy's rule gives (a position 0, an empty
/// name, a message the client reads): the cases mutation testing showed no test pinned down.
/// </summary>
public sealed class HttpRuleTests
{
    [Theory]
    [InlineData("Basic", "no credentials follow the scheme")]
    [InlineData("Digest   ", "no credentials follow the scheme")]
    [InlineData("Basic !!!", "the Basic credentials are not base64")]
    [InlineData("Basic YWxpY2U=", "the Basic credentials have no colon")]
    [InlineData("Digest =x", "'=x' is not a name=value pair")]
    [InlineData("Digest realm", "'realm' is not a name=value pair")]
    [InlineData("Digest username=\"a\"", "the Digest answer has no realm")]
    [InlineData("Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"/\", response=\"x\", algorithm=SHA-1", "the algorithm 'SHA-1' is not supported")]
    [InlineData("Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"/\", response=\"x\", qop=auth-conf, cnonce=\"c\", nc=1", "the qop 'auth-conf' is not supported")]
    [InlineData("Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"/\", response=\"x\", nc=00000001", "cnonce and nc come only with a qop")]
    [InlineData("Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"/\", response=\"x\", cnonce=\"c\"", "cnonce and nc come only with a qop")]
    public void A_malformed_authorization_names_its_problem(string header, string problem)
    {
        var error = Assert.Throws<HeaderFormatException>(() => AuthorizationHeader.Parse(header));
        Assert.Equal("Malformed HTTP header: `Authorization`: " + problem, error.Message);
    }

    [Theory]
    [InlineData("Basic OmVtcHR5", "", "empty")]
    [InlineData("Basic YTpiOmM=", "a", "b:c")]
    [InlineData("  basic   YTpi  ", "a", "b")]
    public void Basic_credentials_split_at_the_first_colon(string header, string user, string password)
    {
        var credentials = AuthorizationHeader.Parse(header)!;
        Assert.Equal((user, password), (credentials.UserName, credentials.Password));
    }

    [Fact]
    public void A_digest_answer_keeps_its_fields_and_skips_empty_items()
    {
        var credentials = AuthorizationHeader.Parse("Digest username=\"a\",, realm=\"r\", nonce=\"n\", uri=\"/x\", response=\"x\", algorithm=MD5-sess, qop=auth, cnonce=\"c\", nc=00000001")!;
        Assert.Equal(("a", "/x", "MD5"), (credentials.UserName, credentials.Uri, credentials.HashAlgorithm));
        Assert.Null(AuthorizationHeader.Parse("Bearer abc"));
        Assert.Null(AuthorizationHeader.SchemeOf("Basicx y"));
        Assert.Equal(AuthorizationScheme.Digest, AuthorizationHeader.SchemeOf("Digest\tx"));
    }

    [Theory]
    [InlineData("Accept-Charset", "iso-8859-5;q=0.2, utf-8", "utf-8,iso-8859-5")]
    [InlineData("Accept-Encoding", "gzip;q=0.5, br", "br,gzip")]
    [InlineData("Accept-Language", "en;q=0.1, de", "de,en")]
    [InlineData("TE", "trailers;q=0.3, deflate", "deflate,trailers")]
    [InlineData("Accept", "text/html;q=0.5, ;q=0.9", ",text/html")]
    public void Every_accept_header_sorts_by_quality(string name, string value, string order)
    {
        var elements = HeaderElements.Parse(name, value);
        Assert.All(elements, e => Assert.IsType<AcceptElement>(e));
        Assert.Equal(order, string.Join(",", elements.Select(e => e.Value)));
        Assert.True(HeaderElements.IsAcceptHeader(name.ToLowerInvariant()));
    }

    [Fact]
    public void A_plain_header_keeps_its_elements_as_written_and_sorts_them_by_text()
    {
        var elements = HeaderElements.Parse("Content-Type", "b;x=1, , a;q=0.1, c");
        Assert.Equal(["c", "b", "a"], elements.Select(e => e.Value));
        // Not an Accept header: q is a parameter like any other, not a quality.
        Assert.Equal("0.1", elements[2].Parameter("Q"));
        Assert.IsNotType<AcceptElement>(elements[2]);
        // A name that is no Accept header is read as Accept by ParseAccept.
        Assert.Equal(["b", "a"], HeaderElements.ParseAccept("X-Other", "a;q=0.1, b").Select(e => e.Value));
    }

    [Fact]
    public void A_bad_quality_names_the_value()
    {
        var error = Assert.Throws<HeaderFormatException>(() => HeaderElements.Parse("Accept", "text/html;q=abc"));
        Assert.Contains("'abc'", error.Message);
    }

    [Theory]
    [InlineData(";=x;flag;k=\"a\\\\b\\\"c\\\"\"", "", "=x|flag=|k=a\\b\"c\"")]
    [InlineData("v;k=\"tail\\\"", "v", "k=tail\\")]
    [InlineData("v;k=\"\"", "v", "k=")]
    public void Header_element_parameters_unquote_and_unescape(string text, string value, string parameters)
    {
        var element = HeaderElement.Parse(text);
        Assert.Equal(value, element.Value);
        Assert.Equal(parameters, string.Join("|", element.Parameters.Select(p => p.Key + "=" + p.Value)));
        Assert.Empty(new HeaderElement("x").Parameters);
        Assert.Equal("x;a=1", new HeaderElement("x", [new("a", "1")]).ToString());
    }

    [Theory]
    [InlineData("/a/b", "c", "/a/c")]
    [InlineData("page", "c", "/c")]
    [InlineData("/a/b", "", "/a/b")]
    [InlineData("/", "c", "/c")]
    public void A_relative_url_joins_the_current_directory(string current, string relative, string joined) =>
        Assert.Equal(joined, UrlPath.Join(current, relative));

    [Theory]
    [InlineData(new[] { "/a/", "/b" }, "/a/b")]
    [InlineData(new[] { "", "a", "", "b" }, "a/b")]
    [InlineData(new[] { "", "" }, "/")]
    [InlineData(new[] { "a///b" }, "a/b")]
    [InlineData(new[] { "a/", "b" }, "a/b")]
    public void Urljoin_collapses_slashes(string[] atoms, string joined) => Assert.Equal(joined, UrlPath.UrlJoin(atoms));

    [Theory]
    [InlineData("/a/./b/../c", "/a/c")]
    [InlineData("/a/b/..", "/a/")]
    [InlineData("/a/.", "/a/")]
    [InlineData("/..", "/")]
    [InlineData("/../..", "/")]
    [InlineData("/a/b/", "/a/b/")]
    [InlineData("", "/")]
    [InlineData("/a/.hidden", "/a/.hidden")]
    [InlineData("/x/./", "/x/")]
    public void Paths_normalise_never_above_the_root(string path, string normal) => Assert.Equal(normal, UrlPath.Normalize(path));

    [Theory]
    [InlineData(1000L, 0L, 10L, 10L)]
    [InlineData(1000L, 990L, 1000L, 10L)]
    public void A_range_s_length_is_its_stop_less_its_start(long length, long start, long stop, long count)
    {
        var range = Assert.Single(ByteRanges.Parse($"bytes={start}-{stop - 1}", length)!);
        Assert.Equal((start, stop, count), (range.Start, range.Stop, range.Length));
    }

    [Theory]
    [InlineData("=1-2")]
    [InlineData("bytes=")]
    [InlineData("bytes 1-2")]
    [InlineData("items=1-2")]
    public void A_range_header_of_no_bytes_unit_is_ignored(string header) => Assert.Null(ByteRanges.Parse(header, 100));

    [Fact]
    public void A_range_ending_at_the_last_byte_is_not_clamped_further() =>
        Assert.Equal(new ByteRange(5, 10), Assert.Single(ByteRanges.Parse("bytes=5-9", 10)!));

    [Theory]
    [InlineData("=?utf-8?b?w6k=?=", "é")]
    [InlineData("=?utf-8?B?w6k=?= =?utf-8?q?=C3=A9?=", "éé")]
    [InlineData("plain =? text", "plain =? text")]
    [InlineData("=?utf-8?b?!!!?=", "=?utf-8?b?!!!?=")]
    public void Encoded_words_decode(string text, string decoded) => Assert.Equal(decoded, Rfc2047.Decode(text));

    [Fact]
    public void Latin1_text_is_sent_as_it_is_and_other_text_as_an_encoded_word()
    {
        Assert.Equal("\u00ff", Rfc2047.EncodeIfNeeded("\u00ff"));
        Assert.Equal("=?utf-8?b?xIA=?=", Rfc2047.EncodeIfNeeded("\u0100"));
    }

    [Fact]
    public void After_eight_words_that_fail_to_decode_the_rest_stay_as_they_are()
    {
        // 0xFF is no UTF-8: each word fails; a valid word after eight failures is left undecoded too.
        var bad = string.Concat(Enumerable.Repeat("=?utf-8?b?/w==?= x ", 8));
        Assert.EndsWith("=?utf-8?b?w6k=?=", Rfc2047.Decode(bad + "=?utf-8?b?w6k=?="));
        Assert.EndsWith("é", Rfc2047.Decode(string.Concat(Enumerable.Repeat("=?utf-8?b?/w==?= x ", 7)) + "=?utf-8?b?w6k=?="));
    }

    [Fact]
    public void Utf16_with_a_byte_order_mark_writes_it_and_reads_either_order()
    {
        var encoding = Utf16WithByteOrderMark.Instance;
        var bytes = encoding.GetBytes("hi");
        Assert.Equal(new byte[] { 0xFF, 0xFE, (byte)'h', 0, (byte)'i', 0 }, bytes);
        Assert.Equal("hi", encoding.GetString(bytes));
        Assert.Equal("hi", encoding.GetString([0xFE, 0xFF, 0, (byte)'h', 0, (byte)'i']));
        Assert.Equal("h", encoding.GetString([0xFF, 0xFE, (byte)'h', 0]));
        Assert.Throws<DecoderFallbackException>(() => encoding.GetString([(byte)'h', 0, 0]));
        Assert.True(Utf16WithByteOrderMark.IsPythonName("utf-16"));
        Assert.True(Utf16WithByteOrderMark.IsPythonName("UTF-16"));
        Assert.False(Utf16WithByteOrderMark.IsPythonName("utf-16le"));
    }

    [Fact]
    public void Utf16_refuses_an_odd_length_in_its_own_words_and_reads_a_lone_mark_as_nothing()
    {
        var encoding = Utf16WithByteOrderMark.Instance;
        var odd = Assert.Throws<DecoderFallbackException>(() => encoding.GetString([(byte)'h', 0, 0]));
        Assert.Equal("An odd number of bytes is not UTF-16.", odd.Message);
        Assert.Equal("", encoding.GetString([0xFF, 0xFE]));
        Assert.Equal("", encoding.GetString([0xFE, 0xFF]));
        Assert.Equal(0, encoding.GetCharCount([0xFE, 0xFF]));
    }

    [Fact]
    public void Utf16_counts_the_mark_in_what_it_writes_and_in_its_maximum()
    {
        var encoding = Utf16WithByteOrderMark.Instance;
        var buffer = new byte[8];
        Assert.Equal(6, encoding.GetBytes("hi".ToCharArray(), 0, 2, buffer, 1));
        Assert.Equal(new byte[] { 0, 0xFF, 0xFE, (byte)'h', 0, (byte)'i', 0, 0 }, buffer);
        foreach (var text in new[] { "", "a", "hi", "\U0001F600" })
        {
            Assert.True(encoding.GetBytes(text).Length <= encoding.GetMaxByteCount(text.Length), text);
        }
        var tooSmall = Assert.Throws<ArgumentException>(() => encoding.GetBytes([], 0, 0, new byte[3], 2));
        Assert.StartsWith("The output buffer is too small for the byte-order mark.", tooSmall.Message);
    }

    [Theory]
    [InlineData(";q=0.5", "", 0.5)]
    [InlineData("text/html;Q=0.3", "text/html", 0.3)]
    [InlineData("text/html;level=1; q = 0.2", "text/html;level=1", 0.2)]
    [InlineData("text/html;level=1", "text/html;level=1", 1.0)]
    public void An_accept_quality_is_found_at_any_position_in_either_case(string element, string text, double quality)
    {
        var parsed = AcceptElement.Parse(element, element);
        Assert.Equal((text, quality), (parsed.Text, parsed.Quality));
    }

    [Theory]
    [InlineData("\"a\\\"b\"", "a\"b")]
    [InlineData("\"a\\\\b\"", "a\\b")]
    [InlineData("\"plain\"", "plain")]
    [InlineData("\"", "\"")]
    public void A_quoted_parameter_loses_its_quotes_and_escapes(string raw, string value)
    {
        Assert.Equal(value, HeaderElement.Unquote(raw));
        Assert.Equal(value, HeaderElement.Parse("x; p=" + raw).Parameter("p"));
    }

    [Fact]
    public void A_header_of_several_fresh_charset_names_spends_its_lookup_budget_one_each()
    {
        var budget = 2;
        Assert.Null(Charsets.Find("made-up-" + Guid.NewGuid(), ref budget));
        Assert.Equal(1, budget);
        Assert.Null(Charsets.Find("made-up-" + Guid.NewGuid(), ref budget));
        Assert.Equal(0, budget);
    }

    [Fact]
    public void A_query_that_is_not_utf_8_says_so()
    {
        var error = Assert.Throws<FormatException>(() => QueryStringParser.Parse("a=%FF"));
        Assert.Equal("The query string is not valid percent-encoded UTF-8.", error.Message);
    }

    [Fact]
    public void Setting_a_header_to_null_removes_it()
    {
        var headers = new HeaderMap { ["X-One"] = "1", ["X-Two"] = "2" };
        headers["x-one"] = null;
        Assert.Null(headers["X-One"]);
        Assert.Equal(["X-Two"], headers.Select(h => h.Key));
    }

    [Fact]
    public void A_client_pattern_that_runs_out_of_time_is_no_match()
    {
        // Nested quantifiers on a near miss backtrack exponentially; the match gives up at its time limit.
        var pattern = ClientPattern.Create("^(a+)+$");
        Assert.False(ClientPattern.IsMatch(pattern, new string('a', 64) + "!"));
        Assert.True(ClientPattern.IsMatch(pattern, "aaa"));
    }
}
