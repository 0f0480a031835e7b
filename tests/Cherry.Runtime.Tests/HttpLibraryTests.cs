using Cherry.Http;
using Cherry.Infrastructure;

namespace Cherry.Runtime.Tests;

public sealed class QueryStringParserTests
{
    private static List<(string, string)> Parse(string query)
    {
        var list = new ParameterList();
        Assert.True(QueryStringParser.TryParse(query, ParameterSource.QueryString, list));
        return list.AsSpan().ToArray().Select(p => (p.Name, p.Value)).ToList();
    }

    [Fact]
    public void Splits_on_ampersand_and_semicolon_and_keeps_blank_values_and_repeats() =>
        Assert.Equal([("a", "1"), ("b", ""), ("c", "x y"), ("a", "2")], Parse("a=1&b=;c=x+y&a=2"));

    [Fact]
    public void Decodes_percent_escapes_as_utf8() => Assert.Equal([("name", "Zoë/€")], Parse("name=Zo%C3%AB%2F%E2%82%AC"));

    [Fact]
    public void A_name_without_value_is_blank() => Assert.Equal([("flag", "")], Parse("flag"));

    [Theory]
    [InlineData("name=%A3")]
    [InlineData("%FF=1")]
    [InlineData("x=%E2%82")]
    public void Rejects_bytes_that_are_not_utf8(string query) =>
        Assert.False(QueryStringParser.TryParse(query, ParameterSource.QueryString, new ParameterList()));

    /// <summary>CherryPy's answers (<c>httputil.parse_query_string</c>): empty pairs anywhere are skipped, only the first <c>=</c> splits.</summary>
    [Theory]
    [InlineData("&a=1", "a=1")]
    [InlineData(";a=1", "a=1")]
    [InlineData("a=1&&b=2", "a=1,b=2")]
    [InlineData("a=1&", "a=1")]
    [InlineData("&&", "")]
    [InlineData("=x", "=x")]
    [InlineData("a==1", "a==1")]
    public void Empty_pairs_are_skipped_wherever_they_stand(string query, string pairs) =>
        Assert.Equal(pairs, string.Join(",", Parse(query).Select(p => p.Item1 + "=" + p.Item2)));

    [Fact]
    public void Leaves_a_stray_percent_as_it_is() => Assert.Equal([("p", "100%")], Parse("p=100%"));
}

public sealed class StatusLineTests
{
    [Theory]
    [InlineData(null, 200, "OK")]
    [InlineData("", 200, "OK")]
    [InlineData("201", 201, "Created")]
    [InlineData("299 Custom", 299, "Custom")]
    [InlineData(" 404 ", 404, "Not Found")]
    public void Parses_valid_statuses(string? status, int code, string reason)
    {
        Assert.True(StatusLine.TryParse(status, out var parsed, out var parsedReason, out var error));
        Assert.Equal((code, reason, null), (parsed, parsedReason, error));
    }

    [Theory]
    [InlineData("999", "Illegal response status from server (999 is out of range).")]
    [InlineData("99", "Illegal response status from server (99 is out of range).")]
    [InlineData("abc", "Illegal response status from server ('abc' is non-numeric).")]
    public void Rejects_illegal_statuses_with_CherryPys_message(string status, string message)
    {
        Assert.False(StatusLine.TryParse(status, out _, out _, out var error));
        Assert.Equal(message, error);
    }

    [Theory]
    [InlineData(200, "OK", "200 OK")]
    [InlineData(404, "Not Found", "404 Not Found")]
    [InlineData(200, "Fine", "200 Fine")]
    [InlineData(299, "Custom", "299 Custom")]
    [InlineData(599, "Unknown", "599 Unknown")]
    public void Status_lines_join_code_and_reason(int code, string reason, string expected) =>
        Assert.Equal(expected, StatusLine.Line(code, reason));

    [Fact]
    public void A_standard_status_line_is_the_same_string_each_time() =>
        Assert.Same(StatusLine.Line(200, "OK"), StatusLine.Line(200, "OK"));

    [Fact]
    public void Default_messages_are_CherryPys() =>
        Assert.Equal("Nothing matches the given URI", StatusLine.DefaultMessage(404));
}

public sealed class UrlPathTests
{
    [Theory]
    [InlineData("/a/b", "c", "/a/c")]
    [InlineData("/a/b/", "c", "/a/b/c")]
    [InlineData("/a", "", "/a")]
    public void Joins_relative_paths_against_the_current_directory(string current, string relative, string expected) =>
        Assert.Equal(expected, UrlPath.Join(current, relative));

    [Theory]
    [InlineData("/a/./b", "/a/b")]
    [InlineData("/a/../b", "/b")]
    [InlineData("/../../x", "/x")]
    [InlineData("/a/b/..", "/a/")]
    [InlineData("", "/")]
    public void Normalises_dots_never_above_the_root(string path, string expected) => Assert.Equal(expected, UrlPath.Normalize(path));
}

public sealed class SegmentTests
{
    [Theory]
    [InlineData("TranslateHtml", "translate_html")]
    [InlineData("GetHTMLPage", "get_html_page")]
    [InlineData("Dir1", "dir1")]
    [InlineData("Index", "index")]
    [InlineData("Already_Snake", "already_snake")]
    [InlineData("Posparam", "posparam")]
    public void Member_names_become_segments(string member, string segment) =>
        Assert.Equal(segment, Cherry.Shared.SegmentNaming.FromMemberName(member));

    [Theory]
    [InlineData("translate.html")]
    [InlineData("translate-html")]
    [InlineData("translate_html")]
    [InlineData("translate~html")]
    public void Request_segments_map_punctuation_to_underscore(string segment)
    {
        Span<char> buffer = stackalloc char[Segment.MaxMemberLength];
        Assert.Equal("translate_html", Segment.Normalize(segment, buffer).ToString());
    }

    [Fact]
    public void Over_long_segments_match_nothing()
    {
        Span<char> buffer = stackalloc char[Segment.MaxMemberLength];
        Assert.True(Segment.Normalize(new string('a', Segment.MaxMemberLength + 1), buffer).IsEmpty);
    }

    [Fact]
    public void Walker_skips_empty_segments_and_decodes_slashes_in_leftovers()
    {
        var walker = new PathWalker("//a///b%2Fc/");
        Assert.True(walker.TryNext(out var first));
        Assert.Equal("a", first.ToString());
        var start = walker.NextSegmentStart;
        Assert.Equal(["b/c"], PathWalker.Remaining("//a///b%2Fc/", start));
        Assert.True(walker.EndsWithSlash);
    }
}
