using System.Text;
using Cherry.Http;
using Cherry.Integration.Tests;

namespace Cherry.Runtime.Tests;

/// <summary>
/// <see cref="QueryStringParser"/> against CherryPy's own <c>httputil.parse_query_string</c>, run in Python on generated
/// query strings as clients send them, in ASCII (separators, blanks, <c>+</c>, percent escapes good, short and bad, of
/// UTF-8 and not): the same names with the same values in the same order, or both refuse.
/// </summary>
public sealed class QueryStringDifferentialTests
{
    private static readonly string[] Tokens =
        ["a", "b", "name", "=", "=", "&", "&", ";", "+", "%20", "%2B", "%3D", "%26", "%", "%2", "%zz", "%C3%A9", "%FF", "%e2%98%83", "x", "1"];

    [Fact]
    public async Task Generated_query_strings_parse_as_cherrypy_parses_them()
    {
        var random = new Random(1127);
        var queries = Enumerable.Range(0, 3_000).Select(_ => string.Concat(Enumerable.Range(0, random.Next(0, 12)).Select(_ => Tokens[random.Next(Tokens.Length)]))).ToList();
        var expected = await Python.RunLinesAsync("""
                import base64, sys
                from cherrypy.lib import httputil
                def b(text): return base64.b64encode(text.encode('utf-8', 'surrogatepass')).decode()
                for line in open(sys.argv[1]).read().splitlines():
                    try:
                        parsed = httputil.parse_query_string(base64.b64decode(line).decode('utf-8'))
                        print(' '.join(b(name) + ':' + ','.join(b(v) for v in (value if isinstance(value, list) else [value])) for name, value in parsed.items()) or '-')
                    except Exception:
                        print('refused')
                """, queries.Select(q => Convert.ToBase64String(Encoding.UTF8.GetBytes(q))));
        Assert.Equal(queries.Count, expected.Length);
        static string B(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
        var (parsed, wrong) = (0, new List<string>());
        for (var i = 0; i < queries.Count; i++)
        {
            string cherry;
            try
            {
                var result = QueryStringParser.Parse(queries[i]);
                cherry = result.Count == 0 ? "-" : string.Join(' ', result.Select(p => B(p.Key) + ":" + string.Join(',', p.Value.Select(v => B(v!)))));
                parsed++;
            }
            catch (FormatException)
            {
                cherry = "refused";
            }
            if (cherry != expected[i])
            {
                wrong.Add($"?{queries[i]}\n  CherryPy: {expected[i]}\n  Cherry:   {cherry}");
            }
        }
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {queries.Count} differ:\n" + string.Join("\n", wrong.Take(10)));
        Assert.InRange(parsed, queries.Count / 2, queries.Count);
    }
}
