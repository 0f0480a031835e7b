namespace Cherry;

/// <summary>Per-handler settings resolved from configuration at start-up, read-only afterwards.</summary>
public sealed class EntrySettings(IReadOnlyDictionary<int, ErrorPageRenderer> errorPages, ErrorPageRenderer? defaultErrorPage, bool showMismatchedParameters)
{
    internal static readonly EntrySettings Empty = new(new Dictionary<int, ErrorPageRenderer>(), null, true);

    /// <summary>Whether 404/400 argument-mismatch pages name the parameters (CherryPy's <c>request.show_mismatched_params</c>).</summary>
    public bool ShowMismatchedParameters { get; } = showMismatchedParameters;

    public ErrorPageRenderer? FindErrorPage(int status) =>
        errorPages.TryGetValue(status, out var page) ? page : defaultErrorPage;
}
