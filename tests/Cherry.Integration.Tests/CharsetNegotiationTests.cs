using Cherry.Integration.Tests.App;
using Microsoft.AspNetCore.Builder;

namespace Cherry.Integration.Tests;

/// <summary>
/// The encode tool's charset negotiation against CherryPy's own <c>ResponseEncoder.find_acceptable_charset</c>, run in
/// Python on the same text ("café €", which Latin-1 and ASCII cannot carry) for generated Accept-Charset headers: the
/// charset chosen, or the 406 and its message, must be CherryPy's.
/// </summary>
public sealed class CharsetNegotiationTests
{
    private static readonly string[] Charsets = ["utf-8", "UTF-8", "iso-8859-1", "utf-16", "us-ascii", "x-unknown", "*"];
    private static readonly string[] Qualities = ["", "", ";q=1", ";q=0.5", ";q=0"];

    private const string Oracle = """
        import sys
        import cherrypy
        from cherrypy._cprequest import Request, Response
        from cherrypy.lib import httputil
        from cherrypy.lib.encoding import ResponseEncoder
        for line in open(sys.argv[1], encoding='utf-8').read().split('\n')[:-1]:
            default, header = line.split('\t')
            request = Request(httputil.Host('127.0.0.1', 80), httputil.Host('127.0.0.1', 1234))
            request.headers = httputil.HeaderMap()
            response = Response()
            cherrypy.serving.load(request, response)
            if header:
                request.headers['Accept-Charset'] = header
            encoder = ResponseEncoder(default_encoding=default)
            encoder.body = ['caf\u00e9 \u20ac']
            try:
                print('200 ' + encoder.find_acceptable_charset().lower())
            except cherrypy.HTTPError as error:
                print(str(error.status) + ' ' + error._message)
        """;

    /// <summary>
    /// Where Cherry answers otherwise on purpose: the default encoding cannot carry the text and the client named no
    /// charset. CherryPy answers 500 (its <c>failmsg</c>); a server's error page for a client that did nothing wrong
    /// would hide what is the matter, so Cherry answers the 406 its forced-encoding path gives, naming what it tried.
    /// </summary>
    private const string DefaultCannotCarry = "Default encoding that cannot carry the text, no Accept-Charset";

    [Fact]
    public async Task Generated_accept_charset_headers_get_the_charset_cherrypy_chooses()
    {
        var random = new Random(20261207);
        var headers = Enumerable.Range(0, 250)
            .Select(i => i == 0 ? "" : string.Join(", ", Enumerable.Range(0, random.Next(1, 4)).Select(_ => Charsets[random.Next(Charsets.Length)] + Qualities[random.Next(Qualities.Length)])))
            .ToList();
        // The default that carries the text, and one that cannot (then * and an empty header find no default).
        string[] defaults = ["utf-8", "us-ascii"];
        var expected = await Python.RunLinesAsync(Oracle, defaults.SelectMany(d => headers.Select(h => d + "\t" + h)));
        Assert.Equal(defaults.Length * headers.Count, expected.Length);
        var wrong = new List<string>();
        var chosen = new HashSet<string>();
        var deviations = 0;
        for (var d = 0; d < defaults.Length; d++)
        {
            // The generic chain, where the encode tool itself runs (PlainChainTests holds the planned one to its bytes).
            await using var server = await CherryServer.StartAsync(
                app => app.MapCherry<PlainRoot>("/", o => o.Set("/", "tools.encode.default_encoding", defaults[d]).PlanChains = false), o => o.ShowTracebacks = false);
            for (var i = 0; i < headers.Count; i++)
            {
                var (response, body) = headers[i].Length == 0
                    ? await server.Client.FetchAsync("/cafe")
                    : await server.Client.FetchAsync("/cafe", ("Accept-Charset", headers[i]));
                var answer = (int)response.StatusCode == 200
                    ? "200 " + response.Content.Headers.ContentType?.CharSet?.ToLowerInvariant()
                    : $"{(int)response.StatusCode} {Http.ErrorMessage(body)}";
                chosen.Add(answer[..3] + (answer.StartsWith("200", StringComparison.Ordinal) ? answer[3..] : ""));
                var oracle = expected[d * headers.Count + i];
                if (headers[i].Length == 0 && oracle.StartsWith("500 ", StringComparison.Ordinal)
                    && answer == $"406 Your client did not send an Accept-Charset header. We tried these charsets: {defaults[d]}.")
                {
                    deviations++;
                }
                else if (answer != oracle)
                {
                    wrong.Add($"default {defaults[d]}, Accept-Charset: {headers[i]}\n  CherryPy: {oracle}\n  Cherry:   {answer}");
                }
            }
        }
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {expected.Length} differ:\n" + string.Join("\n", wrong.Take(10)));
        // The generator reaches every outcome: each charset that carries the text, and the 406; the deviation occurs and has its row.
        Assert.Superset(new HashSet<string> { "200 utf-8", "200 utf-16", "406" }, chosen);
        Assert.Equal(1, deviations);
        var conformance = File.ReadAllText(Path.Combine(Analyzers.Tests.Documents.Root(), "docs", "conformance.md"));
        Assert.Contains("| " + DefaultCannotCarry + " |", conformance, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_declared_charset_is_kept_and_each_type_gets_the_negotiated_one()
    {
        await using var server = await CherryServer.StartAsync(app => app.MapCherry<PlainRoot>("/", o => o.PlanChains = false), o => o.ShowTracebacks = false);
        using var declared = await server.Client.GetAsync("/declared");
        Assert.Equal("text/csv; charset=iso-8859-1", declared.Content.Headers.ContentType!.ToString());
        Assert.Equal([(byte)'c', (byte)'a', (byte)'f', 0xE9], await declared.Content.ReadAsByteArrayAsync());

        foreach (var type in new[] { "text/html", "text/plain", "text/html", "text/csv" })
        {
            using var response = await server.Client.GetAsync("/shaped?type=" + Uri.EscapeDataString(type));
            Assert.Equal(type + "; charset=utf-8", response.Content.Headers.ContentType!.ToString());
            Assert.Equal("caf\u00e9"u8.ToArray(), await response.Content.ReadAsByteArrayAsync());
        }
    }

    /// <summary>
    /// ISO-8859-1 stays acceptable unless the client refuses it (RFC 2616 §14.2, CherryPy's rule), and a refusal under
    /// one of its names (<c>latin1</c>, <c>l1</c>) refuses it: Cherry compares charsets, where CherryPy compares texts.
    /// </summary>
    [Fact]
    public async Task Latin1_refused_under_any_of_its_names_is_not_tried()
    {
        await using var server = await CherryServer.StartAsync(app => app.MapCherry<PlainRoot>("/", o => o.PlanChains = false), o => o.ShowTracebacks = false);
        foreach (var refusal in new[] { "iso-8859-1;q=0", "latin1;q=0", "L1;q=0", "ISO_8859-1;q=0" })
        {
            var (refused, body) = await server.Client.FetchAsync("/shaped?type=text/plain", ("Accept-Charset", refusal + ", us-ascii"));
            Assert.True((int)refused.StatusCode == 406, refusal);
            Assert.StartsWith($"Your client sent this Accept-Charset header: {refusal}, us-ascii.", Http.ErrorMessage(body));
        }
        var (tried, _) = await server.Client.FetchAsync("/shaped?type=text/plain", ("Accept-Charset", "us-ascii"));
        Assert.Equal("iso-8859-1", tried.Content.Headers.ContentType!.CharSet);
    }
}
