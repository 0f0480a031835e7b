using Cherry.Integration.Tests;
using Microsoft.AspNetCore.Http;

namespace Cherry.Runtime.Tests;

/// <summary>
/// The expires tool against CherryPy's own <c>cherrypy.lib.caching.expires</c>, run in Python on the same response:
/// every combination of the headers it looks at, forced or not, zero or positive seconds, HTTP/1.0 or 1.1.
/// </summary>
public sealed class ExpiresToolTests
{
    private static readonly string[] Watched = ["ETag", "Last-Modified", "Age", "Expires", "Pragma", "Cache-Control"];

    private static readonly string[] Preset = ["\"t\"", "Thu, 01 Jan 2026 00:00:00 GMT", "5", "Fri, 02 Jan 2026 00:00:00 GMT", "x-pragma", "max-age=5"];

    private const long Now = 1_765_000_000;

    private const string Oracle = """
        import itertools, sys
        import cherrypy
        from cherrypy._cprequest import Request, Response
        from cherrypy.lib import caching, httputil
        watched = sys.argv[1].split('|')
        preset = sys.argv[2].split('|')
        for mask, force, secs, minor in itertools.product(range(64), (False, True), (0, 60), (0, 1)):
            request = Request(httputil.Host('127.0.0.1', 80), httputil.Host('127.0.0.1', 1234))
            request.protocol = (1, minor)
            response = Response()
            response.time = float(sys.argv[3])
            cherrypy.serving.load(request, response)
            for i, name in enumerate(watched):
                if mask & (1 << i):
                    response.headers[name] = preset[i]
            caching.expires(secs=secs, force=force)
            print(mask, force, secs, minor, '|'.join(str(response.headers.get(name, '-')) for name in watched), sep='\t')
        """;

    [Fact]
    public async Task Every_combination_sets_the_headers_cherrypys_expires_sets()
    {
        var expected = (await Python.RunAsync(Oracle, [string.Join('|', Watched), string.Join('|', Preset), Now.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(64 * 2 * 2 * 2, expected.Length);
        var wrong = new List<string>();
        foreach (var line in expected)
        {
            var fields = line.Split('\t');
            var (mask, force, secs, minor) = (int.Parse(fields[0]), fields[1] == "True", int.Parse(fields[2]), fields[3]);
            var request = NewRequest($"HTTP/1.{minor}");
            for (var i = 0; i < Watched.Length; i++)
            {
                if ((mask & (1 << i)) != 0)
                {
                    request.Response.Headers[Watched[i]] = Preset[i];
                }
            }
            ExpiresTool.Apply(request, TimeSpan.FromSeconds(secs), force);
            var actual = string.Join('|', Watched.Select(name => request.HttpContext.Response.Headers.TryGetValue(name, out var value) ? value.ToString() : "-"));
            if (actual != fields[4])
            {
                wrong.Add($"{line}\n  Cherry: {actual}");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong.Take(10)));
    }

    private static Request NewRequest(string protocol)
    {
        var http = new DefaultHttpContext();
        http.Request.Protocol = protocol;
        return TestRequests.Create(http, time: new ManualTime { Now = DateTimeOffset.FromUnixTimeSeconds(Now) });
    }
}
