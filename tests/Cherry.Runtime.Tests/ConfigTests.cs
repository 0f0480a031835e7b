namespace Cherry.Runtime.Tests;

public sealed class PythonLiteralTests
{
    [Theory]
    [InlineData("True", "true")]
    [InlineData("False", "false")]
    [InlineData("[None, 'a']", ",a")]
    [InlineData("3600", "3600")]
    [InlineData("-5", "-5")]
    [InlineData("0.25", "0.25")]
    [InlineData("'text'", "text")]
    [InlineData("\"True\"", "True")]
    [InlineData("'it\\'s'", "it's")]
    [InlineData("['text/html', 'text/plain']", "text/html,text/plain")]
    [InlineData("[('X-A', '1')]", "X-A,1")]
    [InlineData("{'txt': 'text/x-digits', 'md': 'text/markdown'}", "txt,text/x-digits,md,text/markdown")]
    [InlineData("{'url': 'http://a:1/'}", "url,http://a:1/")]
    public void Reads_literals(string literal, string expected)
    {
        Assert.True(PythonLiteral.TryParse(literal, out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void None_is_null()
    {
        Assert.True(PythonLiteral.TryParse(" None ", out var value));
        Assert.Null(value);
    }

    [Theory]
    [InlineData("os.system('rm')")]
    [InlineData("bare")]
    [InlineData("'unterminated")]
    [InlineData("[1, bare]")]
    [InlineData("{'a'}")]
    [InlineData("{'a': bare}")]
    public void Refuses_code_and_malformed_values(string literal) => Assert.False(PythonLiteral.TryParse(literal, out _));
}

public sealed class CherryConfigTests
{
    [Fact]
    public void Ini_sections_apply_outside_in_with_continuation_and_comments()
    {
        const string ini = """
            ; a comment
            [global]
            response.headers.X-A = 'global'

            [/]
            tools.trailing_slash.on: True
            # another comment
            [/blog]
            response.headers.X-A = 'blog'
            tools.json_in.content_type = ['application/json',
                'text/javascript']
            [/blog/drafts/]
            tools.trailing_slash.extra = True
            """;
        var config = CherryConfig.FromIni(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(ini)));
        var forDrafts = config.ForPath("/blog/drafts/today").ToList();
        Assert.Equal(
            [("global", "response.headers.X-A", "global"), ("/", "tools.trailing_slash.on", "true"), ("/blog", "response.headers.X-A", "blog"),
             ("/blog", "tools.json_in.content_type", "application/json,text/javascript"), ("/blog/drafts", "tools.trailing_slash.extra", "true")],
            forDrafts);
        Assert.DoesNotContain(config.ForPath("/blogger"), e => e.Section == "/blog");
    }

    [Fact]
    public void A_key_outside_any_section_is_refused()
    {
        var error = Assert.Throws<CherryConfigurationException>(() => CherryConfig.FromIni(new MemoryStream("orphan = 1\n"u8.ToArray())));
        Assert.Equal("orphan", error.Key);
    }

    [Fact]
    public void A_section_must_be_global_or_a_path() =>
        Assert.Throws<CherryConfigurationException>(() => new CherryConfig().Set("blog", "tools.x.on", "true"));

    [Fact]
    public void Tool_arguments_report_untaken_keys_with_their_section()
    {
        var arguments = new ToolArguments("gzip");
        arguments.Set("level", "5", "/static");
        var error = Assert.Throws<CherryConfigurationException>(() => arguments.ThrowIfUntaken(new GzipTool().ArgumentKeys));
        Assert.Equal("/static", error.Section);
        Assert.Equal("tools.gzip.level", error.Key);
    }
}
