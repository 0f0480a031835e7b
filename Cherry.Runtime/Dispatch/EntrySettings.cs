namespace Cherry;

/// <summary>Per-handler settings resolved from configuration at start-up, read-only afterwards.</summary>
public sealed class EntrySettings(IReadOnlyDictionary<int, ErrorPageRenderer> errorPages, ErrorPageRenderer? defaultErrorPage, bool showMismatchedParameters, bool streamResponse, string queryStringEncoding = "utf-8", bool? showTracebacks = null, IReadOnlyList<string>? methodsWithBodies = null)
{
    internal static readonly EntrySettings Empty = new(new Dictionary<int, ErrorPageRenderer>(), null, true, false);

    /// <summary>Whether 404/400 argument-mismatch pages name the parameters (CherryPy's <c>request.show_mismatched_params</c>).</summary>
    public bool ShowMismatchedParameters { get; } = showMismatchedParameters;

    /// <summary>Whether a sequence the handler returns is written as it is produced (CherryPy's <c>response.stream</c>); see <see cref="Response.Streaming"/>.</summary>
    public bool StreamResponse { get; } = streamResponse;

    /// <summary>Whether error pages show the traceback here (CherryPy's <c>request.show_tracebacks</c>), the starting value of <see cref="Request.ShowTracebacks"/>; null follows the application's setting.</summary>
    public bool? ShowTracebacks { get; } = showTracebacks;

    /// <summary>The methods whose request body is read (CherryPy's <c>request.methods_with_bodies</c>); null for POST, PUT and PATCH.</summary>
    public IReadOnlyList<string>? MethodsWithBodies { get; } = methodsWithBodies;

    /// <summary>The charset percent-escapes in the query string are decoded with (CherryPy's <c>request.query_string_encoding</c>).</summary>
    public string QueryStringEncoding { get; } = queryStringEncoding;

    /// <summary>A decoder for <see cref="QueryStringEncoding"/> that throws on bytes it cannot decode; null for UTF-8 (the parser's own).</summary>
    internal System.Text.Encoding? QueryStringDecoder { get; } = Strict(queryStringEncoding);

    private static System.Text.Encoding? Strict(string charset) =>
        Http.Charsets.Find(charset) is { } encoding && encoding.CodePage != System.Text.Encoding.UTF8.CodePage
            ? System.Text.Encoding.GetEncoding(encoding.WebName, System.Text.EncoderFallback.ExceptionFallback, System.Text.DecoderFallback.ExceptionFallback)
            : null;

    public ErrorPageRenderer? FindErrorPage(int status) =>
        errorPages.TryGetValue(status, out var page) ? page : defaultErrorPage;
}
