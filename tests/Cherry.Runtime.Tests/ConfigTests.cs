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

    private static readonly string[] StringPieces =
        ["a", "text/html", " ", ",", ":", "[", "}", "\\n", "\\t", "\\\\", "\\'", "\\\"", "\\x41", "\\u00e9", "\\0", "\\q", "\u00e9"];

    private static readonly string[] OddIntegers = ["+5", "1_000", "0x1F", "0o17", "007", "-0", "9223372036854775807"];
    private static readonly string[] OddReals = ["1e3", ".5", "5.", "-2.5e-3", "1.25"];
    private static readonly string[] Constants = ["True", "False", "None"];
    private static readonly string[] Prefixes = ["r", "u", ""];

    private static string Atom(Random random) => random.Next(9) switch
    {
        0 => random.Next(-100_000, 100_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        1 => OddIntegers[random.Next(OddIntegers.Length)],
        2 => (random.Next(1, 1_000_000) / 1000.0).ToString(System.Globalization.CultureInfo.InvariantCulture),
        3 => OddReals[random.Next(OddReals.Length)],
        4 => Constants[random.Next(Constants.Length)],
        5 => Prefixes[random.Next(Prefixes.Length)] + Quoted(random),
        _ => Quoted(random),
    };

    private static string Quoted(Random random)
    {
        var quote = random.Next(2) == 0 ? "'" : "\"";
        var text = string.Concat(Enumerable.Range(0, random.Next(0, 5)).Select(_ => StringPieces[random.Next(StringPieces.Length)]));
        return quote + text.Replace(quote, "\\" + quote, StringComparison.Ordinal) + quote;
    }

    private static string Literal(Random random, int depth)
    {
        if (depth >= 2 || random.Next(3) > 0)
        {
            return Atom(random);
        }
        var items = Enumerable.Range(0, random.Next(0, 4)).Select(_ => Literal(random, depth + 1)).ToList();
        var gap = random.Next(2) == 0 ? " " : "";
        return random.Next(3) switch
        {
            0 => "[" + string.Join("," + gap, items) + "]",
            1 => "(" + string.Join("," + gap, items) + (items.Count == 1 ? "," : "") + ")",
            _ => "{" + string.Join("," + gap, items.Select(item => Quoted(random) + ":" + gap + item)) + "}",
        };
    }

    /// <summary>
    /// Python's own reader (<c>ast.literal_eval</c>, the literal part of CherryPy's <c>unrepr</c>) as the oracle:
    /// generated literals read alike, flattened as Cherry holds them, or Cherry refuses one Python also refuses. Cherry
    /// may refuse what Python reads (a start-up error that names the value); it may never read it otherwise.
    /// </summary>
    [Fact]
    public async Task Generated_literals_read_as_python_reads_them_or_are_refused()
    {
        var random = new Random(1127);
        var literals = Enumerable.Range(0, 3_000).Select(_ => Literal(random, 0)).ToList();
        var expected = await Integration.Tests.Python.RunLinesAsync("""
                import ast, base64, sys
                def flat(v, top):
                    if v is None: return '<null>' if top else ''
                    if isinstance(v, bool): return 'true' if v else 'false'
                    if isinstance(v, int): return str(v)
                    if isinstance(v, float): return str(int(v)) if v.is_integer() else repr(v)
                    if isinstance(v, str): return v
                    if isinstance(v, (list, tuple)): return ','.join(flat(x, False) for x in v)
                    if isinstance(v, dict): return ','.join(flat(k, False) + ',' + flat(x, False) for k, x in v.items())
                    raise TypeError(type(v))
                for line in open(sys.argv[1]).read().splitlines():
                    try:
                        value = ast.literal_eval(base64.b64decode(line).decode('utf-8'))
                        print('read ' + base64.b64encode(flat(value, True).encode('utf-8', 'surrogatepass')).decode())
                    except Exception:
                        print('refused')
                """, literals.Select(l => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(l))));
        Assert.Equal(literals.Count, expected.Length);
        var (same, refusedOnlyHere, wrong) = (0, 0, new List<string>());
        for (var i = 0; i < literals.Count; i++)
        {
            var python = expected[i] == "refused" ? null : System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(expected[i][5..]));
            if (!PythonLiteral.TryParse(literals[i], out var value))
            {
                if (python is null)
                {
                    same++;
                }
                else
                {
                    refusedOnlyHere++;
                }
                continue;
            }
            var cherry = value ?? "<null>";
            if (cherry == python)
            {
                same++;
            }
            else
            {
                wrong.Add($"{literals[i]}\n  Python: {python ?? "refused"}\n  Cherry: {cherry}");
            }
        }
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {literals.Count} read otherwise:\n" + string.Join("\n", wrong.Take(12)));
        Assert.InRange(same, literals.Count * 3 / 4, literals.Count);
        Assert.InRange(refusedOnlyHere, 0, literals.Count / 10);
    }
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
