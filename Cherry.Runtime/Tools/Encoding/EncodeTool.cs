using System.Text;

namespace Cherry;

/// <summary>
/// CherryPy's <c>encode</c> (on by default, before_handler 70): picks the charset of a handler's text response
/// from Accept-Charset, encodes it, and appends <c>;charset=...</c> to the Content-Type. Without an explicit
/// <see cref="EncodeOptions.Encoding"/>, it tries the client's charsets in preference order (<c>*</c> means the default), then
/// ISO-8859-1 if the client did not exclude it; a response no acceptable charset can carry is a 406 with
/// CherryPy's message. Responses served by a handler tool and error pages are left alone, as in CherryPy.
/// </summary>
public sealed partial class EncodeTool : Tool
{
    private static readonly object Marked = new();

    /// <summary>The last Content-Type this tool completed with a charset: most responses of an app share one, so the joined text is kept.</summary>
    private TypeWithCharset? _lastJoined;

    /// <summary>The default charset as found for the options it was found for: one lookup per tool, not one per request.</summary>
    private DefaultCharset? _default;

    /// <summary>The slot of the marker that the handler ran (one chain per instance, so one slot).</summary>
    private ToolStateSlot _slot;

    public override void Attach(ToolChainBuilder chain)
    {
        _slot = chain.ReserveSlot();
        chain.Add(Name, HookPoint.BeforeHandler, 70, false, request =>
        {
            MarkHandler(request);
            return ValueTask.CompletedTask;
        });
        // Before etags (75) and gzip (80), which need the final bytes.
        chain.Add(Name, HookPoint.BeforeFinalize, 10, false, request =>
        {
            Finish(request);
            return ValueTask.CompletedTask;
        });
    }

    /// <summary>The before_handler hook: marks a response the handler will make (a handler tool's is left alone).</summary>
    internal void MarkHandler(Request request)
    {
        if (!request.Handled)
        {
            request.SetToolState(_slot, Marked);
        }
    }

    /// <summary>The before_finalize hook: encodes the handler's response; error pages are left alone.</summary>
    internal void Finish(Request request)
    {
        if (!request.IsErrorResponse && request.GetToolState(_slot) is not null)
        {
            Apply(request);
        }
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
            response.ContentType = Joined(contentType, encoding);
        }
    }

    /// <summary>The type with the encoding's name as its charset; kept by the encoding itself, whose name is read only for a new pair.</summary>
    private string Joined(string contentType, System.Text.Encoding encoding)
    {
        if (_lastJoined is { } last && ReferenceEquals(last.Encoding, encoding) && last.Type == contentType)
        {
            return last.Value;
        }
        var joined = new TypeWithCharset(contentType, encoding, contentType + ";charset=" + encoding.WebName);
        _lastJoined = joined;
        return joined.Value;
    }

    private sealed record TypeWithCharset(string Type, System.Text.Encoding Encoding, string Value);

    /// <summary>
    /// The encoding <see cref="EncodeOptions.DefaultEncoding"/> names (null when none), found once for the options in force
    /// (<see cref="Http.Charsets.Find(string)"/> always gives the same answer for a name).
    /// </summary>
    private System.Text.Encoding? Default()
    {
        var options = Options;
        if (_default is not { } found || !ReferenceEquals(found.Options, options))
        {
            found = new DefaultCharset(options, Http.Charsets.Find(options.DefaultEncoding));
            _default = found;
        }
        return found.Encoding;
    }

    private sealed record DefaultCharset(EncodeOptions Options, System.Text.Encoding? Encoding);

    private System.Text.Encoding? Negotiate(Request request)
    {
        var header = request.Headers.AcceptCharset.ToString();
        var text = request.Response.PendingText;
        var negotiation = new Negotiation(text);
        // The usual request names no charset and the default carries the text: nothing to record for a 406.
        if (header.Length == 0 && Options.Encoding is null && negotiation.Carrying(Default()) is { } usual)
        {
            return usual;
        }
        negotiation.Attempted = new TriedCharsets();
        if (Options.Encoding is { } forced)
        {
            if (header.Length == 0 || negotiation.Names(Accepted(header), forced))
            {
                return negotiation.TryEncode(forced) ?? throw NotAcceptable(header, negotiation.Attempted);
            }
            throw NotAcceptable(header, negotiation.Attempted);
        }
        if (header.Length == 0)
        {
            return negotiation.TryEncode(Options.DefaultEncoding) ?? throw NotAcceptable(header, negotiation.Attempted);
        }
        var elements = Accepted(header);
        foreach (var element in elements)
        {
            if (element.Quality <= 0)
            {
                continue;
            }
            var chosen = element.Value == "*" ? negotiation.TryEncode(Options.DefaultEncoding) : negotiation.TryEncodeClientsChoice(element.Value);
            if (chosen is not null)
            {
                return chosen;
            }
        }
        // ISO-8859-1 is acceptable unless the client named it with q=0 or used *.
        if (!negotiation.Names(elements, "iso-8859-1") && negotiation.TryEncode("iso-8859-1") is { } latin1)
        {
            return latin1;
        }
        throw NotAcceptable(header, negotiation.Attempted);
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

    /// <summary>
    /// One request's negotiation: the text to carry, the charsets tried for a 406's message, and the header's budget
    /// of names looked up for the first time, so that a header of thousands of names costs time linear in its length
    /// and no exception per name (<see cref="Http.Charsets.FreshLookupsPerHeader"/>). A struct: the usual request pays
    /// no allocation for it.
    /// </summary>
    private struct Negotiation(string? text)
    {
        private int _budget = Http.Charsets.FreshLookupsPerHeader;

        /// <summary>The charsets tried so far, for the 406's message; null while no message can follow.</summary>
        public TriedCharsets? Attempted;

        /// <summary>The encoding if it exists here and can carry the text without loss.</summary>
        public readonly System.Text.Encoding? TryEncode(string name)
        {
            Attempted?.Add(name);
            return Carrying(Http.Charsets.Find(name));
        }

        /// <summary><see cref="TryEncode"/> for a name from the header, within the header's budget of first-time lookups.</summary>
        public System.Text.Encoding? TryEncodeClientsChoice(string name)
        {
            Attempted?.Add(name);
            return Carrying(Http.Charsets.Find(name, ref _budget));
        }

        /// <summary>The encoding if it can carry the text without loss (any encoding carries no text).</summary>
        public readonly System.Text.Encoding? Carrying(System.Text.Encoding? encoding)
        {
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
        /// True when the header names <paramref name="charset"/> or <c>*</c>. A loop, not a lambda: a lambda capturing
        /// the charset would cost every negotiation a closure, even the usual one that never reaches it.
        /// </summary>
        public bool Names(IReadOnlyList<Http.AcceptElement> elements, string charset)
        {
            var wanted = Http.Charsets.Find(charset);
            foreach (var element in elements)
            {
                if (element.Value == "*" || (wanted is not null && Http.Charsets.Find(element.Value, ref _budget) is { } named
                    ? named.CodePage == wanted.CodePage
                    : string.Equals(element.Value, charset, StringComparison.OrdinalIgnoreCase)))
                {
                    return true;
                }
            }
            return false;
        }
    }

    /// <summary>The names tried, each once whatever its case, in the order tried: constant time per name.</summary>
    private sealed class TriedCharsets
    {
        private readonly HashSet<string> _seen = new(StringComparer.OrdinalIgnoreCase);

        public List<string> Names { get; } = [];

        public void Add(string name)
        {
            if (_seen.Add(name))
            {
                Names.Add(name);
            }
        }
    }

    /// <summary>CherryPy's 406, the tried charsets sorted as Python sorts strings (ordinal: capitals first).</summary>
    private static HttpError NotAcceptable(string header, TriedCharsets attempted)
    {
        var tried = string.Join(", ", attempted.Names.Order(StringComparer.Ordinal));
        return header.Length == 0
            ? new HttpError(406, "Your client did not send an Accept-Charset header. We tried these charsets: " + tried + ".")
            : new HttpError(406, $"Your client sent this Accept-Charset header: {header}. We tried these charsets: {tried}.");
    }
}
