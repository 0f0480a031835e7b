using Cherry.Integration.Tests;
using Microsoft.AspNetCore.Http;

namespace Cherry.Runtime.Tests;

/// <summary>
/// <see cref="AcceptTool.Select"/> against CherryPy's own <c>cptools.accept</c>, run in Python: generated Accept headers
/// (exact types, <c>type/*</c>, <c>*/*</c>, parameters, q-values, ties) against three media lists; the type chosen, or
/// the 406 and its message, must be CherryPy's.
/// </summary>
public sealed class AcceptToolTests
{
    private static readonly string[] Ranges = ["text/html", "text/plain", "application/json", "text/*", "*/*", "image/*", "application/xml", "text/html;level=1"];
    private static readonly string[] Qualities = ["", "", ";q=1", ";q=0.5", ";q=0.3", ";q=0"];
    private static readonly string[][] MediaLists = [["text/html", "application/json"], ["application/json"], ["text/plain", "text/html"]];

    private const string Oracle = """
        import sys
        import cherrypy
        from cherrypy._cprequest import Request, Response
        from cherrypy.lib import cptools, httputil
        lines = open(sys.argv[1], encoding='utf-8').read().split('\n')[:-1]
        for line in lines:
            media, header = line.split('\t')
            request = Request(httputil.Host('127.0.0.1', 80), httputil.Host('127.0.0.1', 1234))
            request.headers = httputil.HeaderMap()
            cherrypy.serving.load(request, Response())
            if header:
                request.headers['Accept'] = header
            try:
                print('200 ' + cptools.accept(media.split(',')))
            except cherrypy.HTTPError as error:
                print(str(error.status) + ' ' + error._message)
        """;

    [Fact]
    public async Task Generated_accept_headers_choose_the_type_cherrypy_chooses()
    {
        var random = new Random(1127);
        var cases = Enumerable.Range(0, 600).Select(i => (
            Media: MediaLists[i % MediaLists.Length],
            Header: i < MediaLists.Length ? "" : string.Join(", ", Enumerable.Range(0, random.Next(1, 4)).Select(_ => Ranges[random.Next(Ranges.Length)] + Qualities[random.Next(Qualities.Length)]))))
            .ToList();
        var expected = await Python.RunLinesAsync(Oracle, cases.Select(c => string.Join(',', c.Media) + "\t" + c.Header));
        Assert.Equal(cases.Count, expected.Length);
        var wrong = new List<string>();
        var outcomes = new HashSet<string>();
        for (var i = 0; i < cases.Count; i++)
        {
            var http = new DefaultHttpContext();
            if (cases[i].Header.Length > 0)
            {
                http.Request.Headers.Accept = cases[i].Header;
            }
            string answer;
            try
            {
                answer = "200 " + AcceptTool.Select(TestRequests.Create(http), cases[i].Media);
            }
            catch (HttpError error)
            {
                answer = $"{error.StatusCode} {error.Message}";
            }
            outcomes.Add(answer.Length > 3 && answer.StartsWith("406", StringComparison.Ordinal) ? "406" : answer);
            if (answer != expected[i])
            {
                wrong.Add($"media {string.Join(',', cases[i].Media)}, Accept: {cases[i].Header}\n  CherryPy: {expected[i]}\n  Cherry:   {answer}");
            }
        }
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {cases.Count} differ:\n" + string.Join("\n", wrong.Take(10)));
        Assert.Superset(new HashSet<string> { "200 text/html", "200 application/json", "200 text/plain", "406" }, outcomes);
    }
}
