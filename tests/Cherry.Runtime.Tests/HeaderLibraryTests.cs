using Cherry.Http;
using CsCheck;

namespace Cherry.Runtime.Tests;

public sealed class HeaderElementTests
{
    [Fact]
    public void Accept_elements_come_most_preferred_first_with_CherryPys_tie_break() =>
        Assert.Equal(
            ["text/html;level=1", "text/html", "text/*", "*/*"],
            HeaderElements.Parse("Accept", "text/*, text/html, text/html;level=1, */*").Select(e => e.ToString()));

    [Fact]
    public void An_accept_element_prints_the_q_value_the_client_wrote() =>
        Assert.Equal(
            ["gzip;q=1.0", "identity;q=0.5", "*;q=0"],
            HeaderElements.Parse("Accept-Encoding", "gzip;q=1.0, identity; q=0.5, *;q=0").Select(e => e.ToString()));

    [Fact]
    public void Quality_orders_before_text()
    {
        var elements = HeaderElements.ParseAccept("Accept", "text/plain;q=0.5, application/json, text/html;q=0.9");
        Assert.Equal(["application/json", "text/html", "text/plain"], elements.Select(e => e.Value));
        Assert.Equal([1.0, 0.9, 0.5], elements.Select(e => e.Quality));
    }

    [Fact]
    public void The_first_q_separates_media_parameters_from_accept_parameters()
    {
        var element = HeaderElements.ParseAccept("Accept", "text/html;level=2;q=0.4;ext=1").Single();
        Assert.Equal("text/html", element.Value);
        Assert.Equal("2", element.Parameter("level"));
        Assert.Equal(0.4, element.Quality);
        Assert.Equal("text/html;level=2", element.Text);
    }

    [Fact]
    public void Quoted_commas_and_semicolons_do_not_split()
    {
        var element = HeaderElements.Parse("Content-Disposition", "attachment; filename=\"a, b; c.txt\"").Single();
        Assert.Equal("attachment", element.Value);
        Assert.Equal("a, b; c.txt", element.Parameter("filename"));
    }

    [Fact]
    public void Trailing_semicolons_are_tolerated() =>
        Assert.Equal("text/html", HeaderElement.Parse("text/html;").ToString());

    [Theory]
    [InlineData("text/html;q=abc")]
    [InlineData("text/html;q=2")]
    [InlineData("text/html;q=-1")]
    public void Malformed_quality_is_a_header_format_error(string value)
    {
        var error = Assert.Throws<HeaderFormatException>(() => HeaderElements.Parse("Accept", value));
        Assert.Equal(400, error.ToHttpError().StatusCode);
        Assert.Equal($"Malformed HTTP header: `{value}`", error.ToHttpError().Message);
    }

    [Fact]
    public void Any_header_text_parses_or_fails_with_a_format_error_only() =>
        Gen.String.Sample(text =>
        {
            try
            {
                HeaderElements.Parse("Accept", text);
                HeaderElements.Parse("Content-Type", text);
            }
            catch (HeaderFormatException)
            {
            }
        }, iter: 5000);

    [Fact]
    public void Parsed_qualities_are_in_order() =>
        Gen.Double[0, 1].Array[1, 6].Sample(qualities =>
        {
            var header = string.Join(", ", qualities.Select((q, i) => $"type/s{i};q={q.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}"));
            var parsed = HeaderElements.ParseAccept("Accept", header).Select(e => e.Quality).ToList();
            Assert.Equal(parsed.OrderByDescending(q => q), parsed);
        });
}

public sealed class ByteRangesTests
{
    [Theory]
    [InlineData("bytes=0-4", 10, "0-5")]
    [InlineData("bytes=2-", 10, "2-10")]
    [InlineData("bytes=-3", 10, "7-10")]
    [InlineData("bytes=-30", 10, "0-10")]
    [InlineData("bytes=5-100", 10, "5-10")]
    [InlineData("bytes=0-0,-1", 10, "0-1 9-10")]
    [InlineData("bytes=20-30,2-3", 10, "2-4")]
    public void Satisfiable_ranges_are_clamped(string header, long length, string expected) =>
        Assert.Equal(expected, string.Join(" ", ByteRanges.Parse(header, length)!.Select(r => $"{r.Start}-{r.Stop}")));

    [Theory]
    [InlineData("bytes=10-20")]
    [InlineData("bytes=10-")]
    public void Unsatisfiable_ranges_give_an_empty_list_for_a_416(string header) => Assert.Empty(ByteRanges.Parse(header, 10)!);

    [Theory]
    [InlineData("bytes=5-2")]
    [InlineData("bytes=-")]
    [InlineData("bytes=-0")]
    [InlineData("bytes=a-b")]
    [InlineData("bytes 0-4")]
    [InlineData("items=0-4")]
    [InlineData("")]
    public void Malformed_ranges_are_ignored(string header) => Assert.Null(ByteRanges.Parse(header, 10));

    [Fact]
    public void Ranges_never_throw_and_stay_inside_the_entity() =>
        Gen.Select(Gen.String, Gen.Long[0, 1 << 20]).Sample((header, length) =>
        {
            var ranges = ByteRanges.Parse("bytes=" + header, length);
            Assert.All(ranges ?? [], r => Assert.True(r.Start >= 0 && r.Start < r.Stop && r.Stop <= length));
        }, iter: 5000);
}

public sealed class Rfc2047Tests
{
    [Theory]
    [InlineData("=?utf-8?b?w6lsw6h2ZQ==?=", "élève")]
    [InlineData("=?iso-8859-1?q?caf=E9_au_lait?=", "café au lait")]
    [InlineData("=?utf-8?q?a?= =?utf-8?q?b?=", "ab")]
    [InlineData("plain", "plain")]
    [InlineData("=?unknown-charset?b?YQ==?=", "=?unknown-charset?b?YQ==?=")]
    [InlineData("=?utf-8?b?!!!?=", "=?utf-8?b?!!!?=")]
    public void Decodes_encoded_words(string value, string expected) => Assert.Equal(expected, Rfc2047.Decode(value));

    [Fact]
    public void Encodes_only_what_latin1_cannot_carry()
    {
        Assert.Equal("café", Rfc2047.EncodeIfNeeded("café"));
        Assert.Equal("☃", Rfc2047.Decode(Rfc2047.EncodeIfNeeded("☃")));
    }

    [Fact]
    public void Decoding_never_throws() => Gen.String.Sample(s => Rfc2047.Decode("=?utf-8?q?" + s + "?="), iter: 3000);
}

public sealed class MiscLibraryTests
{
    [Theory]
    [InlineData(new[] { "/sn", "" }, "/sn")]
    [InlineData(new[] { "/sn/", "" }, "/sn/")]
    [InlineData(new[] { "", "" }, "/")]
    [InlineData(new[] { "/a/", "/b" }, "/a/b")]
    public void UrlJoin_matches_CherryPy(string[] atoms, string expected) => Assert.Equal(expected, UrlPath.UrlJoin(atoms));

    [Fact]
    public void Parse_query_string_collects_repeats_and_can_drop_blanks()
    {
        var all = QueryStringParser.Parse("a=1&a=2&b=&c=3");
        Assert.Equal(new[] { "1", "2" }, all["a"].ToArray().Select(v => v!).ToArray());
        Assert.Equal("", all["b"].ToString());
        Assert.False(QueryStringParser.Parse("a=1&b=", keepBlankValues: false).ContainsKey("b"));
        Assert.Throws<FormatException>(() => QueryStringParser.Parse("a=%FF"));
    }

    [Fact]
    public void Query_parsing_never_throws_from_TryParse() =>
        // An Action, not a predicate: TryParse may answer false, it must only never throw.
        Gen.String.Sample(s => { QueryStringParser.TryParse(s, ParameterSource.QueryString, new ParameterList()); }, iter: 5000);

    [Fact]
    public void Header_map_is_case_insensitive_and_writes_safe_title_cased_headers()
    {
        var map = new HeaderMap { ["content-TYPE"] = "text/plain", ["x-snowman"] = "☃", ["x-evil"] = "a\r\nSet-Cookie: b" };
        Assert.Equal("text/plain", map["Content-Type"]);
        var output = map.Output().ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal("text/plain", output["Content-Type"]);
        Assert.Equal("=?utf-8?b?4piD?=", output["X-Snowman"]);
        Assert.Equal("aSet-Cookie: b", output["X-Evil"]);
    }

    [Fact]
    public void Http_dates_round_trip()
    {
        var date = new DateTimeOffset(2007, 1, 28, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal("Sun, 28 Jan 2007 00:00:00 GMT", HttpDate.Format(date));
        Assert.True(HttpDate.TryParse("Sun, 28 Jan 2007 00:00:00 GMT", out var parsed));
        Assert.Equal(date, parsed);
        Assert.False(HttpDate.TryParse("yesterday", out _));
    }
}
