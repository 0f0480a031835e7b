namespace Cherry;

/// <summary>
/// ignore_headers's argument and its default (CherryPy's). <see cref="IgnoreHeadersAttribute"/> sets it,
/// configuration's <c>tools.ignore_headers.headers</c> overrides it; its key is declared once in Shared/ToolCatalog.cs.
/// </summary>
public sealed record IgnoreHeadersOptions
{
    /// <summary>The request headers removed (<c>headers</c>).</summary>
    public string[] Headers { get; init; } = ["Range"];

    internal IgnoreHeadersOptions Bind(ToolArguments arguments) => new()
    {
        Headers = arguments.Bind(ToolCatalog.IgnoreHeaders.Headers, Headers),
    };
}
