using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace Cherry.Http;

/// <summary>Status codes, reasons and CherryPy's validation of a handler-set status (<c>httputil.valid_status</c>).</summary>
public static class StatusLine
{
    /// <summary>Parses a status such as <c>"404"</c> or <c>"299 Custom"</c>; null or empty means 200.</summary>
    /// <returns>False with <paramref name="error"/> set for a status CherryPy calls illegal.</returns>
    public static bool TryParse(string? status, out int code, out string reason, out string? error)
    {
        code = 200;
        reason = "OK";
        error = null;
        if (string.IsNullOrWhiteSpace(status))
        {
            return true;
        }
        var text = status.Trim();
        var space = text.IndexOf(' ');
        var codeText = space < 0 ? text : text[..space];
        var customReason = space < 0 ? null : text[(space + 1)..].Trim();
        if (!int.TryParse(codeText, NumberStyles.None, CultureInfo.InvariantCulture, out code))
        {
            error = $"Illegal response status from server ('{codeText}' is non-numeric).";
            return false;
        }
        if (code is < 100 or > 599)
        {
            error = $"Illegal response status from server ({code} is out of range).";
            return false;
        }
        // A reason that could end the status line (CR, LF, any control or non-ASCII character) would let a value the
        // handler took from the client inject headers; the standard phrase replaces it (RFC 9112 §4: reason-phrase).
        reason = string.IsNullOrEmpty(customReason) || !IsSafeReason(customReason) ? Reason(code) : customReason;
        return true;
    }

    /// <summary>True when every character is a tab, a space or visible ASCII.</summary>
    public static bool IsSafeReason(ReadOnlySpan<char> reason) => !reason.ContainsAnyExcept(ReasonCharacters);

    private static readonly System.Buffers.SearchValues<char> ReasonCharacters =
        System.Buffers.SearchValues.Create("\t" + string.Concat(Enumerable.Range(' ', '~' - ' ' + 1).Select(c => (char)c)));

    /// <summary>The standard reason phrase, or "Unknown" for an unregistered code.</summary>
    public static string Reason(int code)
    {
        var index = code - 100;
        return (uint)index < (uint)Reasons.Length ? Reasons[index] : "Unknown";
    }

    // Codes 100..599, read from a table: every response asks, and ASP.NET Core's lookup is a dictionary's.
    private static readonly string[] Reasons = Enumerable.Range(100, 500)
        .Select(code => ReasonPhrases.GetReasonPhrase(code) is { Length: > 0 } phrase ? phrase : "Unknown")
        .ToArray();

    private static readonly string[] StandardLines = Enumerable.Range(100, 500)
        .Select(code => code.ToString(CultureInfo.InvariantCulture) + " " + Reasons[code - 100])
        .ToArray();

    /// <summary>
    /// <c>"200 OK"</c>: the code and reason as one status line, the same string each time for a standard reason, so
    /// that finalizing an ordinary response allocates nothing.
    /// </summary>
    internal static string Line(int code, string reason)
    {
        var index = code - 100;
        return (uint)index < (uint)Reasons.Length && Reasons[index] == reason
            ? StandardLines[index]
            : code.ToString(CultureInfo.InvariantCulture) + " " + reason;
    }

    /// <summary>"404 Not Found", keeping a custom reason already on the response.</summary>
    internal static string Format(int code, string? status) =>
        Line(code, TryParse(status, out var parsed, out var reason, out _) && parsed == code ? reason : Reason(code));

    /// <summary>
    /// The longer explanation CherryPy shows on an error page when the error gives none: CherryPy's
    /// <c>httputil.response_codes</c>, which are Python's <c>http.HTTPStatus</c> descriptions with its own texts for 500 and
    /// 503; empty for a code Python describes with nothing (422, 425) or does not know, as CherryPy's page shows it.
    /// </summary>
    public static string DefaultMessage(int code) => code switch
    {
        400 => "Bad request syntax or unsupported method",
        401 => "No permission -- see authorization schemes",
        402 => "No payment -- see charging schemes",
        403 => "Request forbidden -- authorization will not help",
        404 => "Nothing matches the given URI",
        405 => "Specified method is invalid for this resource",
        406 => "URI not available in preferred format",
        407 => "You must authenticate with this proxy before proceeding",
        408 => "Request timed out; try again later",
        409 => "Request conflict",
        410 => "URI no longer exists and has been permanently removed",
        411 => "Client must specify Content-Length",
        412 => "Precondition in headers is false",
        413 => "Entity is too large",
        414 => "URI is too long",
        415 => "Entity body in unsupported format",
        416 => "Cannot satisfy request range",
        417 => "Expect condition could not be satisfied",
        418 => "Server refuses to brew coffee because it is a teapot.",
        421 => "Server is not able to produce a response",
        428 => "The origin server requires the request to be conditional",
        429 => "The user has sent too many requests in a given amount of time (\"rate limiting\")",
        431 => "The server is unwilling to process the request because its header fields are too large",
        451 => "The server is denying access to the resource as a consequence of a legal demand",
        500 => "The server encountered an unexpected condition which prevented it from fulfilling the request.",
        501 => "Server does not support this operation",
        502 => "Invalid responses from another server/proxy",
        503 => "The server is currently unable to handle the request due to a temporary overloading or maintenance of the server.",
        504 => "The gateway server did not receive a timely response",
        505 => "Cannot fulfill request",
        511 => "The client needs to authenticate to gain network access",
        _ => "",
    };
}
