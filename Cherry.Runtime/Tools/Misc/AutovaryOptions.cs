namespace Cherry;

/// <summary>
/// autovary's argument and its default (CherryPy's). Configuration's <c>tools.autovary.ignore</c> overrides it; its
/// key is declared once in Shared/ToolCatalog.cs.
/// </summary>
public sealed record AutovaryOptions
{
    /// <summary>Request headers never listed in Vary (<c>ignore</c>).</summary>
    public string[] Ignore { get; init; } = ["Content-Disposition", "Content-Length", "Content-Type"];

    internal AutovaryOptions Bind(ToolArguments arguments) => new()
    {
        Ignore = arguments.Bind(ToolCatalog.Autovary.Ignore, Ignore),
    };
}
