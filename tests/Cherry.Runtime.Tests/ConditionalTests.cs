using System.Text;
using Cherry.Integration.Tests;
using Microsoft.AspNetCore.Http;

namespace Cherry.Runtime.Tests;

/// <summary>
/// <see cref="Conditional.ValidateEtags"/> and <see cref="Conditional.ValidateSince"/> against CherryPy's own
/// <c>validate_etags</c> and <c>validate_since</c>, run in Python on the same request and response: a grid over the
/// status, the method, the response's validators and the request's conditions. Where Cherry answers otherwise on
/// purpose (RFC 9110's comparisons instead of CherryPy's string ones), the case must fall under a listed deviation.
/// </summary>
public sealed class ConditionalTests
{
    private static readonly string[] Statuses = ["200", "201", "299", "300", "304", "404", "412"];
    private static readonly string[] Methods = ["GET", "HEAD", "POST"];
    private static readonly string[] Etags = ["", "\"a\"", "W/\"a\""];
    private static readonly string[] IfMatches = ["", "*", "\"a\"", "\"b\"", "\"b\", \"a\"", "W/\"a\""];
    private static readonly string[] IfNoneMatches = ["", "*", "\"a\"", "\"b\"", "\"b\", \"a\"", "W/\"a\""];
    private const string LastModified = "Sun, 28 Jan 2007 00:00:00 GMT";
    private static readonly string[] Dates = ["", LastModified, "Sat, 27 Jan 2007 00:00:00 GMT", "Mon, 29 Jan 2007 00:00:00 GMT"];
    private const string Body = "body";

    private const string Oracle = """
        import itertools, json, sys
        import cherrypy
        from cherrypy._cprequest import Request, Response
        from cherrypy.lib import cptools, httputil
        grid = json.loads(open(sys.argv[1]).read())
        for case in grid:
            status, method, etag, if_match, if_none_match, autotags, lastmod, ims, ius = case
            request = Request(httputil.Host('127.0.0.1', 80), httputil.Host('127.0.0.1', 1234))
            request.method = method
            request.headers = httputil.HeaderMap()
            response = Response()
            response.status = status
            response.body = [b'body']
            cherrypy.serving.load(request, response)
            for name, value in (('If-Match', if_match), ('If-None-Match', if_none_match), ('If-Modified-Since', ims), ('If-Unmodified-Since', ius)):
                if value:
                    request.headers[name] = value
            if etag:
                response.headers['ETag'] = etag
            if lastmod:
                response.headers['Last-Modified'] = lastmod
            try:
                cptools.validate_etags(autotags=autotags)
                cptools.validate_since()
                outcome = 'pass'
            except cherrypy.HTTPRedirect as redirect:
                outcome = str(redirect.status)
            except cherrypy.HTTPError as error:
                outcome = str(error.status)
            print(outcome + ' ' + str(response.headers.get('ETag', '-')))
        """;

    private static IEnumerable<object[]> Grid() =>
        (from status in Statuses
         from method in Methods
         from etag in Etags
         from ifMatch in IfMatches
         from ifNoneMatch in IfNoneMatches
         from autoTags in new[] { false, true }
         select new object[] { status, method, etag, ifMatch, ifNoneMatch, autoTags, "", "", "" })
        .Concat(
         from status in Statuses
         from method in Methods
         from lastModified in new[] { "", LastModified }
         from modifiedSince in Dates
         from unmodifiedSince in Dates
         select new object[] { status, method, "", "", "", false, lastModified, modifiedSince, unmodifiedSince });

    /// <summary>The row of docs/conformance.md that explains why Cherry answers a case otherwise; null when it must answer the same.</summary>
    private static string? Deviation(object[] c)
    {
        var (etag, ifMatch, ifNoneMatch, lastModified, modifiedSince, unmodifiedSince) =
            ((string)c[2], (string)c[3], (string)c[4], (string)c[6], (string)c[7], (string)c[8]);
        if (etag.StartsWith("W/") || ifMatch.Contains("W/") || ifNoneMatch.Contains("W/"))
        {
            return "Weak ETags in If-None-Match";
        }
        if (ifMatch == "\"b\", \"a\"" || ifNoneMatch == "\"b\", \"a\"")
        {
            return null;
        }
        if (lastModified.Length > 0 && (modifiedSince.Length > 0 && modifiedSince != lastModified || unmodifiedSince.Length > 0 && unmodifiedSince != lastModified))
        {
            return DateComparison;
        }
        return null;
    }

    private const string DateComparison = "If-Modified-Since / If-Unmodified-Since";

    /// <summary>
    /// The case with its condition dates rewritten so that CherryPy's string comparison makes RFC 9110's date comparison:
    /// a date the resource was not modified after becomes the Last-Modified text itself, a date it was modified after
    /// becomes a text that differs from it. CherryPy's answer to that is what Cherry must answer to the case.
    /// </summary>
    private static object[] DatesAsCherryPyCompares(object[] c)
    {
        var lastModified = (string)c[6];
        if (lastModified.Length == 0)
        {
            return c;
        }
        var modified = DateTimeOffset.Parse(lastModified, System.Globalization.CultureInfo.InvariantCulture);
        string Compared(string since) =>
            since.Length == 0 ? "" : modified > DateTimeOffset.Parse(since, System.Globalization.CultureInfo.InvariantCulture) ? "modified after" : lastModified;
        var mapped = (object[])c.Clone();
        (mapped[7], mapped[8]) = (Compared((string)c[7]), Compared((string)c[8]));
        return mapped;
    }

    private static string Cherry(object[] c)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = (string)c[1];
        var headers = http.Request.Headers;
        foreach (var (name, value) in new[] { ("If-Match", c[3]), ("If-None-Match", c[4]), ("If-Modified-Since", c[7]), ("If-Unmodified-Since", c[8]) })
        {
            if (((string)value).Length > 0)
            {
                headers[name] = (string)value;
            }
        }
        var request = TestRequests.Create(http);
        request.Response.Status = (string)c[0];
        request.Response.Body = Encoding.UTF8.GetBytes(Body);
        if (((string)c[2]).Length > 0)
        {
            request.Response.Headers.ETag = (string)c[2];
        }
        if (((string)c[6]).Length > 0)
        {
            request.Response.Headers.LastModified = (string)c[6];
        }
        string outcome;
        try
        {
            Conditional.ValidateEtags(request, (bool)c[5]);
            Conditional.ValidateSince(request);
            outcome = "pass";
        }
        catch (HttpRedirect redirect)
        {
            outcome = redirect.Status.ToString()!;
        }
        catch (HttpError error)
        {
            outcome = error.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        var etag = http.Response.Headers.ETag.ToString();
        return outcome + " " + (etag.Length == 0 ? "-" : etag);
    }

    [Fact]
    public async Task Conditions_are_answered_as_cherrypy_answers_them_except_where_listed()
    {
        var grid = Grid().ToList();
        // The same cases with the dates put in CherryPy's terms: the oracle for the date comparisons Cherry makes instead.
        var expected = await Python.RunLinesAsync(Oracle, [System.Text.Json.JsonSerializer.Serialize(grid.Concat(grid.Select(DatesAsCherryPyCompares)))]);
        Assert.Equal(2 * grid.Count, expected.Length);
        var (same, deviating, wrong) = (0, new Dictionary<string, int>(), new List<string>());
        for (var i = 0; i < grid.Count; i++)
        {
            var cherry = Cherry(grid[i]);
            var why = Deviation(grid[i]);
            if (cherry == expected[i])
            {
                same++;
            }
            else if (why == DateComparison && cherry != expected[grid.Count + i])
            {
                wrong.Add($"[{string.Join(" | ", grid[i])}] Cherry {cherry}, CherryPy with RFC 9110's date comparison {expected[grid.Count + i]}");
            }
            else if (why is not null)
            {
                deviating[why] = deviating.GetValueOrDefault(why) + 1;
            }
            else
            {
                wrong.Add($"[{string.Join(" | ", grid[i])}] Cherry {cherry}, CherryPy {expected[i]}");
            }
        }
        Assert.True(wrong.Count == 0, $"{wrong.Count} differ:\n" + string.Join("\n", wrong.Take(15)));
        // Every listed deviation occurs, so none outlives its cause, and each has its row.
        Assert.Equal(2, deviating.Count);
        var conformance = File.ReadAllText(Path.Combine(Analyzers.Tests.Documents.Root(), "docs", "conformance.md"));
        Assert.All(deviating.Keys, row => Assert.Contains("| " + row + " |", conformance, StringComparison.Ordinal));
        Assert.InRange(same, grid.Count * 3 / 4, grid.Count);
    }

    [Fact]
    public async Task A_304_drops_the_entity_headers_cherrypys_304_drops()
    {
        string[] names = ["Allow", "Content-Encoding", "Content-Language", "Content-Length", "Content-Location", "Content-MD5", "Content-Range",
            "Content-Type", "Expires", "Last-Modified", "ETag", "Vary", "Cache-Control", "X-Custom"];
        var kept = (await Python.RunAsync("""
            import sys
            import cherrypy
            from cherrypy._cprequest import Request, Response
            from cherrypy.lib import httputil
            request = Request(httputil.Host('127.0.0.1', 80), httputil.Host('127.0.0.1', 1234))
            response = Response()
            cherrypy.serving.load(request, response)
            for name in sys.argv[1:]:
                response.headers[name] = 'x'
            try:
                raise cherrypy.HTTPRedirect([], 304)
            except cherrypy.HTTPRedirect as redirect:
                redirect.set_response()
            print(' '.join(name for name in sys.argv[1:] if name in response.headers), response.status)
            """, names)).Trim();
        var http = new DefaultHttpContext();
        var request = TestRequests.Create(http);
        foreach (var name in names)
        {
            request.Response.Headers[name] = "x";
        }
        request.Response.Body = Encoding.UTF8.GetBytes(Body);
        Conditional.SetNotModified(request.Response);
        Assert.Equal(kept, string.Join(' ', names.Where(http.Response.Headers.ContainsKey)) + " " + request.Response.Status);
        Assert.True(request.Response.Body.IsEmpty);
    }

    private const string Earlier = "Sat, 27 Jan 2007 00:00:00 GMT";
    private const string Later = "Mon, 29 Jan 2007 00:00:00 GMT";

    /// <summary>
    /// A cache's own 304 (<see cref="Conditional.IsNotModified"/>), by RFC 9110 §13.2.2: only GET and HEAD; If-None-Match
    /// by the weak comparison, <c>*</c> matching any current entity; If-Modified-Since only without If-None-Match.
    /// </summary>
    [Theory]
    [InlineData("POST", "\"a\"", "", "\"a\"", "", false)]
    [InlineData("POST", "", LastModified, "", LastModified, false)]
    [InlineData("GET", "\"a\"", "", "*", "", true)]
    [InlineData("GET", "", "", "*", "", true)]
    [InlineData("GET", "\"a\"", "", "\"a\"", "", true)]
    [InlineData("HEAD", "\"a\"", "", "W/\"a\"", "", true)]
    [InlineData("GET", "W/\"a\"", "", "\"b\", \"a\"", "", true)]
    [InlineData("GET", "\"a\"", "", "\"b\"", "", false)]
    [InlineData("GET", "", "", "\"a\"", "", false)]
    [InlineData("GET", "\"a\"", LastModified, "\"b\"", LastModified, false)]
    [InlineData("GET", "", LastModified, "", LastModified, true)]
    // A list of blank elements names no tag: as if absent, so If-Modified-Since decides.
    [InlineData("GET", "", LastModified, " , ,", LastModified, true)]
    [InlineData("HEAD", "", LastModified, "", Later, true)]
    [InlineData("GET", "", LastModified, "", Earlier, false)]
    [InlineData("GET", "", "", "", LastModified, false)]
    [InlineData("GET", "", LastModified, "", "", false)]
    public void A_cache_answers_304_for_the_validators_rfc_9110_matches(string method, string etag, string lastModified, string ifNoneMatch, string ifModifiedSince, bool notModified)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = method;
        if (ifNoneMatch.Length > 0)
        {
            http.Request.Headers.IfNoneMatch = ifNoneMatch;
        }
        if (ifModifiedSince.Length > 0)
        {
            http.Request.Headers.IfModifiedSince = ifModifiedSince;
        }
        var request = TestRequests.Create(http);
        if (etag.Length > 0)
        {
            request.Response.Headers.ETag = etag;
        }
        if (lastModified.Length > 0)
        {
            request.Response.Headers.LastModified = lastModified;
        }
        Assert.Equal(notModified, Conditional.IsNotModified(request));
    }
}
