using System.Diagnostics.CodeAnalysis;

namespace Cherry;

/// <summary>
/// Ends the request with an error status (400–599) and CherryPy's error page, as <c>cherrypy.HTTPError</c> does.
/// </summary>
public class HttpError : Exception
{
    // Why RS0026 (overloads with optional parameters) is suppressed on this type's overloads:
    private const string OverloadsByDesign =
        "CherryPy's HTTPError(status=500, message=None), and the form with a reason phrase, which has no " +
        "defaults for its first three.";

    // Headers that describe an entity the error page replaces (CherryPy's clean_headers).
    private static readonly string[] EntityHeaders =
    [
        "Accept-Ranges", "Age", "ETag", "Location", "Retry-After", "Vary", "Content-Encoding", "Content-Length",
        "Expires", "Content-Location", "Content-MD5", "Last-Modified",
    ];

    [SuppressMessage("ApiDesign", "RS0026", Justification = OverloadsByDesign)]
    public HttpError(int status = 500, string? message = null)
        : this(status, null, message)
    {
    }

    /// <param name="reason">A reason phrase for a code without a standard one (<c>418</c> has "I'm a Teapot").</param>
    [SuppressMessage("ApiDesign", "RS0026", Justification = OverloadsByDesign)]
    public HttpError(int status, string? reason, string? message, Exception? innerException = null)
        : base(message ?? StatusLine.DefaultMessage(status), innerException)
    {
        if (status is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "HttpError status must be between 400 and 599.");
        }
        StatusCode = status;
        Reason = reason;
    }

    public int StatusCode { get; }

    public string? Reason { get; }

    /// <summary>
    /// The <c>type</c> URI of the problem document a JSON client gets (RFC 9457); null writes <c>about:blank</c>.
    /// </summary>
    public string? ProblemType { get; init; }

    /// <summary>The errors of a failed validation by member, which a problem document lists as <c>errors</c> (ASP.NET Core's <c>ValidationProblemDetails</c>).</summary>
    internal IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>False for errors whose stack says nothing about the app (a store's outage, a busy session).</summary>
    internal bool ShowsTraceback { get; init; } = true;

    /// <summary>Puts this error on the response: status, cleaned headers and the error page.</summary>
    public virtual void SetResponse(Request request)
    {
        var response = request.Response;
        response.Status = Reason is null ? StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{StatusCode} {Reason}";
        foreach (var name in EntityHeaders)
        {
            response.Headers.Remove(name);
        }
        if (StatusCode != 416)
        {
            response.Headers.Remove("Content-Range");
        }
        ErrorPage.Render(request, StatusCode, Message, request.ShowTracebacks && ShowsTraceback ? (InnerException ?? this).ToString() : null, ProblemType, Errors);
    }
}

/// <summary>404 for a path that matches nothing: CherryPy's <c>cherrypy.NotFound</c>.</summary>
public sealed class NotFound(string? path = null) : HttpError(404, path is null ? null : $"The path '{path}' was not found.")
{
    public override void SetResponse(Request request)
    {
        if (Message == StatusLine.DefaultMessage(404))
        {
            new NotFound(request.ScriptName + request.PathInfo).SetResponse(request);
            return;
        }
        base.SetResponse(request);
    }
}
