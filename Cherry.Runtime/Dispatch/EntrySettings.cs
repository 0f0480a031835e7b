using System.Collections.Frozen;

namespace Cherry;

/// <summary>Per-handler settings resolved from configuration at start-up, read-only afterwards.</summary>
public sealed class EntrySettings
{
    internal static readonly EntrySettings Empty = new(new Dictionary<int, ErrorPageRenderer>(), null, true, null, FrozenDictionary<string, string>.Empty);

    private readonly IReadOnlyDictionary<int, ErrorPageRenderer> _errorPages;
    private readonly ErrorPageRenderer? _defaultErrorPage;

    internal EntrySettings(IReadOnlyDictionary<int, ErrorPageRenderer> errorPages, ErrorPageRenderer? defaultErrorPage, bool showMismatchedParameters,
        bool? showTracebacks, IReadOnlyDictionary<string, string> config)
    {
        _errorPages = errorPages;
        _defaultErrorPage = defaultErrorPage;
        ShowMismatchedParameters = showMismatchedParameters;
        ShowTracebacks = showTracebacks;
        Config = config;
    }

    /// <summary>Whether 404/400 argument-mismatch pages name the parameters (CherryPy's <c>request.show_mismatched_params</c>).</summary>
    public bool ShowMismatchedParameters { get; }

    /// <summary>Whether error pages show the stack trace here (<c>request.show_tracebacks</c>); null: as the app's options say.</summary>
    public bool? ShowTracebacks { get; }

    /// <summary>
    /// Every configuration key in force at this path, global first and deeper sections overriding (CherryPy's
    /// <c>request.config</c>): tool keys as configured, and the application's own keys (no namespace, or a namespace in
    /// <see cref="CherryOptions.ConfigNamespaces"/>).
    /// </summary>
    public IReadOnlyDictionary<string, string> Config { get; }

    /// <summary>
    /// The options class a typed namespace binds (<see cref="CherryOptions.ConfigNamespace{T}"/>), bound once at start-up
    /// from the keys in force at this path, as <see cref="Config"/> holds them; shared by every request here, so read it only.
    /// </summary>
    /// <exception cref="InvalidOperationException"><typeparamref name="T"/> is bound to no namespace.</exception>
    public T Options<T>() where T : class =>
        BoundOptions.TryGetValue(typeof(T), out var options) ? (T)options
        : throw new InvalidOperationException($"{typeof(T).Name} is bound to no configuration namespace: call options.ConfigNamespace<{typeof(T).Name}>(\"name\") in AddCherry.");

    /// <summary>Each typed namespace's options class, bound for this path.</summary>
    internal IReadOnlyDictionary<Type, object> BoundOptions { get; init; } = FrozenDictionary<Type, object>.Empty;

    /// <summary>Whether a sequence the handler returns is written as it is produced (CherryPy's <c>response.stream</c>); see <see cref="Response.Streaming"/>.</summary>
    public bool StreamResponse { get; internal init; }

    /// <summary>The methods whose request body is read (CherryPy's <c>request.methods_with_bodies</c>); null for POST, PUT and PATCH.</summary>
    public IReadOnlyList<string>? MethodsWithBodies { get; internal init; }

    /// <summary>The charset percent-escapes in the query string are decoded with (CherryPy's <c>request.query_string_encoding</c>).</summary>
    public string QueryStringEncoding
    {
        get => _queryStringEncoding;
        internal init
        {
            _queryStringEncoding = value;
            QueryStringDecoder = Strict(value);
        }
    }

    private readonly string _queryStringEncoding = "utf-8";

    /// <summary>A decoder for <see cref="QueryStringEncoding"/> that throws on bytes it cannot decode; null for UTF-8 (the parser's own).</summary>
    internal System.Text.Encoding? QueryStringDecoder { get; private init; }

    private static System.Text.Encoding? Strict(string charset) =>
        Http.Charsets.Find(charset) is { } encoding && encoding.CodePage != System.Text.Encoding.UTF8.CodePage
            ? System.Text.Encoding.GetEncoding(encoding.WebName, System.Text.EncoderFallback.ExceptionFallback, System.Text.DecoderFallback.ExceptionFallback)
            : null;

    public ErrorPageRenderer? FindErrorPage(int status) =>
        _errorPages.TryGetValue(status, out var page) ? page : _defaultErrorPage;
}
