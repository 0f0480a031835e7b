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

    public ErrorPageRenderer? FindErrorPage(int status) =>
        _errorPages.TryGetValue(status, out var page) ? page : _defaultErrorPage;
}
