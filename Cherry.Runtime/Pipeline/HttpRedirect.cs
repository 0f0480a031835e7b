using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text;

namespace Cherry;

/// <summary>
/// Redirects the client (300–399; 303 by default, 302 for an HTTP/1.0 client), as <c>cherrypy.HTTPRedirect</c>
/// does. Relative URLs are resolved against the current URL when the redirect is answered, and stay on the site
/// whatever separators they use (<c>\\evil.example\x</c> and <c>//evil.example</c> are paths here, not other hosts).
/// </summary>
public sealed class HttpRedirect : Exception
{
    // Why RS0026 (overloads with optional parameters) is suppressed on this type's overloads:
    private const string OverloadsByDesign =
        "CherryPy's HTTPRedirect(urls, status=None) takes one URL or a list: the first argument's type picks " +
        "one overload.";

    [SuppressMessage("ApiDesign", "RS0026", Justification = OverloadsByDesign)]
    public HttpRedirect(string url, int? status = null)
        : this([url], status)
    {
    }

    [SuppressMessage("ApiDesign", "RS0026", Justification = OverloadsByDesign)]
    public HttpRedirect(IReadOnlyList<string> urls, int? status = null)
        : base("Redirect to " + string.Join(", ", urls))
    {
        if (status is { } s && (s < 300 || s > 399))
        {
            throw new ArgumentOutOfRangeException(nameof(status), s, "status must be between 300 and 399.");
        }
        Urls = urls;
        Status = status;
    }

    public IReadOnlyList<string> Urls { get; }

    public int? Status { get; }

    public void SetResponse(Request request)
    {
        var status = Status ?? (request.HttpContext.Request.Protocol == "HTTP/1.0" ? 302 : 303);
        var resolved = Urls.Select(u => Resolve(request, u)).ToArray();
        var urls = resolved.Select(u => u.Uri).ToArray();
        var response = request.Response;
        response.StatusCode = status;
        switch (status)
        {
            case 300 or 301 or 302 or 303 or 307 or 308:
                response.ContentType = "text/html;charset=utf-8";
                response.Headers.Location = SafeHeader(urls[0]);
                response.SetText(Body(status, urls, resolved.Select(u => u.AsGiven).ToArray()));
                break;
            case 304:
                Conditional.SetNotModified(response);
                break;
            default:
                response.Headers.Location = SafeHeader(urls[0]);
                response.Body = ReadOnlyMemory<byte>.Empty;
                break;
        }
    }

    /// <summary>
    /// CherryPy's redirect body: one link per URL, in the wording of the status. The link goes to the URI (percent-encoded
    /// as in Location); its text is the target as the handler wrote it, resolved against the current URL (what CherryPy's
    /// page shows: <c>/a&lt;b&gt;</c> stays so, <c>somewhere%20else</c> too). Both are HTML-escaped, so no markup reaches
    /// the page.
    /// </summary>
    internal static string Body(int status, IReadOnlyList<string> urls, IReadOnlyList<string>? asGiven = null)
    {
        var template = status switch
        {
            300 => "This resource can be found at ",
            301 => "This resource has permanently moved to ",
            302 => "This resource resides temporarily at ",
            303 => "This resource can be found at ",
            307 => "This resource has moved temporarily to ",
            _ => "This resource has been moved to ",
        };
        var body = new StringBuilder();
        for (var i = 0; i < urls.Count; i++)
        {
            body.Append(i == 0 ? "" : "<br />\n").Append(template).Append("<a href=\"").Append(WebUtility.HtmlEncode(urls[i]))
                .Append("\">").Append(WebUtility.HtmlEncode((asGiven ?? urls)[i])).Append("</a>.");
        }
        return body.ToString();
    }

    /// <summary>
    /// The target as a URI, and as written (a resolved Uri's original string keeps the handler's characters and escapes).
    /// A target without a scheme stays on this site whatever separators it uses (<see cref="RedirectTarget"/>).
    /// </summary>
    private static (string Uri, string AsGiven) Resolve(Request request, string url)
    {
        // An absolute path is the app's: behind a path base (UsePathBase, X-Forwarded-Prefix) it starts there, not at the
        // host's root, as the browser sees it.
        if (request.HttpContext.Request.PathBase is { HasValue: true } pathBase && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal))
        {
            url = pathBase.Value + url;
        }
        return Uri.TryCreate(request.BaseUrl, UriKind.Absolute, out var current) && RedirectTarget.Resolve(current, url) is { } absolute
            ? (absolute.AbsoluteUri, absolute.OriginalString)
            : (url, url);
    }

    // CR and LF never reach the header: a redirect cannot inject one.
    private static string SafeHeader(string url) => url.Replace("\r", "%0D").Replace("\n", "%0A");
}
