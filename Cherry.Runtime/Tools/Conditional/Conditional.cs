using System.Security.Cryptography;
using Cherry.Http;

namespace Cherry;

/// <summary>
/// Conditional-request checks (CherryPy's <c>validate_etags</c> and <c>validate_since</c>), callable from a
/// handler or run by tools. Dates are compared as dates, not as strings (CherryPy's bug), and If-None-Match uses
/// RFC 9110's weak comparison while If-Match and If-Range use the strong one.
/// </summary>
public static class Conditional
{
    /// <summary>
    /// With <paramref name="autoTags"/>, gives a 200 response without an ETag a strong one from a hash of its body;
    /// then answers If-Match (412) and If-None-Match (304 for GET/HEAD, 412 otherwise).
    /// </summary>
    public static void ValidateEtags(Request request, bool autoTags = false)
    {
        var response = request.Response;
        var status = StatusOf(response);
        var etag = response.Headers.ETag.ToString();
        if (autoTags && etag.Length == 0 && status == 200 && !response.IsStreamed)
        {
            etag = "\"" + Convert.ToHexStringLower(MD5.HashData(response.Body.Span)) + "\"";
            response.Headers.ETag = etag;
        }
        var ifMatchHeader = request.Headers.IfMatch.ToString();
        var ifNoneMatchHeader = request.Headers.IfNoneMatch.ToString();
        // Without an ETag the conditions still apply, as in CherryPy and RFC 9110 §13.1.1–2: a tag list matches
        // nothing (If-Match fails) and "*" matches the representation there is (If-None-Match fails).
        if (status is < 200 or > 299 || (ifMatchHeader.Length == 0 && ifNoneMatchHeader.Length == 0))
        {
            return;
        }
        var ifMatch = Tags(ifMatchHeader);
        if (ifMatch.Count > 0 && !ifMatch.Contains("*") && !AnyMatches(ifMatch, etag, strong: true))
        {
            throw new HttpError(412, $"If-Match failed: ETag {Repr(etag)} did not match {ReprList(ifMatch)}");
        }
        var ifNoneMatch = Tags(ifNoneMatchHeader);
        if (ifNoneMatch.Contains("*") || AnyMatches(ifNoneMatch, etag, strong: false))
        {
            if (IsSafe(request))
            {
                throw new HttpRedirect([], 304);
            }
            throw new HttpError(412, $"If-None-Match failed: ETag {Repr(etag)} matched {ReprList(ifNoneMatch)}");
        }
    }

    /// <summary>
    /// Compares Last-Modified with If-Unmodified-Since (412 when modified since) and If-Modified-Since (304 for
    /// GET/HEAD, 412 otherwise, when not modified since). Unparseable dates are ignored, as RFC 9110 requires.
    /// </summary>
    public static void ValidateSince(Request request)
    {
        var response = request.Response;
        var ifUnmodifiedSinceHeader = request.Headers.IfUnmodifiedSince.ToString();
        var ifModifiedSinceHeader = request.Headers.IfModifiedSince.ToString();
        // Most requests carry neither header: then the response's own date need not be parsed back.
        if ((ifUnmodifiedSinceHeader.Length == 0 && ifModifiedSinceHeader.Length == 0)
            || !HttpDate.TryParse(response.Headers.LastModified.ToString(), out var lastModified))
        {
            return;
        }
        var status = StatusOf(response);
        if (HttpDate.TryParse(ifUnmodifiedSinceHeader, out var unmodifiedSince)
            && lastModified > unmodifiedSince && (status is >= 200 and <= 299 || status == 412))
        {
            throw new HttpError(412);
        }
        if (HttpDate.TryParse(ifModifiedSinceHeader, out var modifiedSince)
            && lastModified <= modifiedSince && (status is >= 200 and <= 299 || status == 304))
        {
            if (IsSafe(request))
            {
                throw new HttpRedirect([], 304);
            }
            throw new HttpError(412);
        }
    }

    /// <summary>
    /// True when a Range request may be answered partially: there is no If-Range, or it names the current strong
    /// ETag, or exactly the current Last-Modified date. Otherwise the whole entity must be sent.
    /// </summary>
    public static bool IfRangeAllowsPartial(Request request)
    {
        var ifRange = request.Headers.IfRange.ToString().Trim();
        if (ifRange.Length == 0)
        {
            return true;
        }
        if (ifRange.StartsWith('"') || ifRange.StartsWith("W/", StringComparison.Ordinal))
        {
            return StrongMatch(ifRange, request.Response.Headers.ETag.ToString());
        }
        return HttpDate.TryParse(ifRange, out var date)
            && HttpDate.TryParse(request.Response.Headers.LastModified.ToString(), out var lastModified)
            && date == lastModified;
    }

    /// <summary>
    /// True when a GET or HEAD request's validators (If-None-Match, else If-Modified-Since) match the response:
    /// the check a cache makes before answering 304 itself.
    /// </summary>
    public static bool IsNotModified(Request request)
    {
        if (!IsSafe(request))
        {
            return false;
        }
        var ifNoneMatch = Tags(request.Headers.IfNoneMatch.ToString());
        if (ifNoneMatch.Count > 0)
        {
            var etag = request.Response.Headers.ETag.ToString();
            return ifNoneMatch.Contains("*") || (etag.Length > 0 && AnyMatches(ifNoneMatch, etag, strong: false));
        }
        return HttpDate.TryParse(request.Headers.IfModifiedSince.ToString(), out var since)
            && HttpDate.TryParse(request.Response.Headers.LastModified.ToString(), out var lastModified)
            && lastModified <= since;
    }

    /// <summary>The entity headers a 304 does not carry: CherryPy's list (RFC 2616 §10.3.5's "other entity-headers").</summary>
    private static readonly string[] NotModifiedDrops =
        ["Allow", "Content-Encoding", "Content-Language", "Content-Length", "Content-Location", "Content-MD5", "Content-Range", "Content-Type", "Expires", "Last-Modified"];

    /// <summary>Turns the response into a 304: no body and no entity headers, validators kept.</summary>
    public static void SetNotModified(Response response)
    {
        response.Status = "304";
        foreach (var name in NotModifiedDrops)
        {
            response.Headers.Remove(name);
        }
        response.Body = ReadOnlyMemory<byte>.Empty;
    }

    private static bool IsSafe(Request request) => request.Method is "GET" or "HEAD";

    private static int StatusOf(Response response) =>
        StatusLine.TryParse(response.Status, out var code, out _, out _) ? code : 500;

    private static List<string> Tags(string header) =>
        header.Length == 0 ? [] : HeaderElement.SplitOutsideQuotes(header, ',').Select(t => t.Trim()).Where(t => t.Length > 0).ToList();

    /// <summary>A loop rather than a lambda, whose closure over the tag would be made on every call, matched or not.</summary>
    private static bool AnyMatches(List<string> tags, string etag, bool strong)
    {
        foreach (var tag in tags)
        {
            if (strong ? StrongMatch(tag, etag) : WeakMatch(tag, etag))
            {
                return true;
            }
        }
        return false;
    }

    private static bool StrongMatch(string a, string b) =>
        !a.StartsWith("W/", StringComparison.Ordinal) && !b.StartsWith("W/", StringComparison.Ordinal) && a == b;

    private static bool WeakMatch(string a, string b) => Opaque(a) == Opaque(b);

    private static string Opaque(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;

    private static string Repr(string value) => "'" + value.Replace("'", "\\'") + "'";

    private static string ReprList(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Repr)) + "]";
}
