using System.Text;

namespace Cherry;

/// <summary>
/// CherryPy's <c>encode</c> (on by default, before_handler 70): picks the charset of a handler's text response
/// from Accept-Charset, encodes it, and appends <c>;charset=...</c> to the Content-Type. Without an explicit
/// <see cref="EncodeOptions.Encoding"/>, it tries the client's charsets in preference order (<c>*</c> means the default), then
/// ISO-8859-1 if the client did not exclude it; a response no acceptable charset can carry is a 406 with
/// CherryPy's message. Responses served by a handler tool and error pages are left alone, as in CherryPy.
/// </summary>
public sealed class EncodeTool : Tool
{
    public const string ToolName = ToolCatalog.Encode.Name;

    private static readonly object Marked = new();

    /// <summary>The last Content-Type this tool completed with a charset: most responses of an app share one, so the joined text is kept.</summary>
    private TypeWithCharset? _lastJoined;

    public override string Name => ToolName;

    public EncodeOptions Options { get; set; } = new();

    public override void Configure(ToolArguments arguments) => Options = Options.Bind(arguments);

    public override void Attach(ToolChainBuilder chain)
    {
        var slot = chain.ReserveSlot();
        chain.Add(Name, HookPoint.BeforeHandler, 70, false, request =>
        {
            if (!request.Handled)
            {
                request.SetToolState(slot, Marked);
            }
            return ValueTask.CompletedTask;
        });
        // Before etags (75) and gzip (80), which need the final bytes.
        chain.Add(Name, HookPoint.BeforeFinalize, 10, false, request =>
        {
            if (!request.IsErrorResponse && request.GetToolState(slot) is not null)
            {
                Apply(request);
            }
            return ValueTask.CompletedTask;
        });
    }

    private void Apply(Request request)
    {
        var response = request.Response;
        var contentType = response.ContentType;
        if (contentType is null || (Options.TextOnly && !contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }
        // A type without parameters (the usual text/html) declares no charset: no need to parse it.
        var declared = contentType.Contains(';') ? Http.HeaderElement.Parse(contentType).Parameter("charset") : null;
        var encoding = declared is not null ? Http.Charsets.Find(declared) : Negotiate(request);
        if (encoding is null)
        {
            return;
        }
        response.TextEncoding = encoding;
        if (declared is null)
        {
            response.ContentType = Joined(contentType, encoding.WebName);
        }
    }

    private string Joined(string contentType, string charset)
    {
        if (_lastJoined is { } last && last.Type == contentType && last.Charset == charset)
        {
            return last.Value;
        }
        var joined = new TypeWithCharset(contentType, charset, contentType + ";charset=" + charset);
        _lastJoined = joined;
        return joined.Value;
    }

    private sealed record TypeWithCharset(string Type, string Charset, string Value);

    private System.Text.Encoding? Negotiate(Request request)
    {
        var header = request.Headers.AcceptCharset.ToString();
        var text = request.Response.PendingText;
        // The usual request names no charset and the default carries the text: nothing to record for a 406.
        if (header.Length == 0 && Options.Encoding is null && TryEncode(Options.DefaultEncoding, text, attempted: null) is { } usual)
        {
            return usual;
        }
        var attempted = new List<string>();
        if (Options.Encoding is { } forced)
        {
            if (header.Length == 0 || Names(Accepted(header), forced))
            {
                return TryEncode(forced, text, attempted) ?? throw NotAcceptable(header, attempted);
            }
            throw NotAcceptable(header, attempted);
        }
        if (header.Length == 0)
        {
            return TryEncode(Options.DefaultEncoding, text, attempted) ?? throw NotAcceptable(header, attempted);
        }
        var elements = Accepted(header);
        foreach (var element in elements)
        {
            if (element.Quality <= 0)
            {
                continue;
            }
            var name = element.Value == "*" ? Options.DefaultEncoding : element.Value;
            if (TryEncode(name, text, attempted) is { } chosen)
            {
                return chosen;
            }
        }
        // ISO-8859-1 is acceptable unless the client named it with q=0 or used *.
        if (!Names(elements, "iso-8859-1") && TryEncode("iso-8859-1", text, attempted) is { } latin1)
        {
            return latin1;
        }
        throw NotAcceptable(header, attempted);
    }

    private static IReadOnlyList<Http.AcceptElement> Accepted(string header)
    {
        try
        {
            return Http.HeaderElements.ParseAccept("Accept-Charset", header);
        }
        catch (Http.HeaderFormatException ex)
        {
            throw ex.ToHttpError();
        }
    }

    /// <summary>The encoding if it exists here and can carry the text without loss.</summary>
    /// <param name="attempted">The charsets tried so far, for the 406's message; null when no message can follow.</param>
    private static System.Text.Encoding? TryEncode(string name, string? text, List<string>? attempted)
    {
        if (attempted is not null && !attempted.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            attempted.Add(name);
        }
        var encoding = Http.Charsets.Find(name);
        if (encoding is null || text is null)
        {
            return encoding;
        }
        try
        {
            encoding.GetByteCount(text);
            return encoding;
        }
        catch (EncoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>
    /// True when the header names <paramref name="charset"/> or <c>*</c>. A loop, not a lambda: a lambda capturing the
    /// charset would cost every negotiation a closure, even the usual one that never reaches it.
    /// </summary>
    private static bool Names(IReadOnlyList<Http.AcceptElement> elements, string charset)
    {
        foreach (var element in elements)
        {
            if (element.Value == "*" || Same(element.Value, charset))
            {
                return true;
            }
        }
        return false;
    }

    private static bool Same(string a, string b) => Http.Charsets.Find(a) is { } x && Http.Charsets.Find(b) is { } y ? x.CodePage == y.CodePage : string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>CherryPy's 406, the tried charsets sorted as Python sorts strings (ordinal: capitals first).</summary>
    private static HttpError NotAcceptable(string header, List<string> attempted)
    {
        var tried = string.Join(", ", attempted.Order(StringComparer.Ordinal));
        return header.Length == 0
            ? new HttpError(406, "Your client did not send an Accept-Charset header. We tried these charsets: " + tried + ".")
            : new HttpError(406, $"Your client sent this Accept-Charset header: {header}. We tried these charsets: {tried}.");
    }
}
