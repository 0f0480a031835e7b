namespace Cherry;

/// <summary>
/// trailing_slash's arguments and their defaults. <see cref="TrailingSlashAttribute"/> sets them, configuration's
/// <c>tools.trailing_slash.*</c> overrides them; their keys and rules are declared once in Shared/ToolCatalog.cs.
/// </summary>
public sealed record TrailingSlashOptions
{
    /// <summary>Redirect an index reached without its trailing slash (<c>missing</c>).</summary>
    public bool Missing { get; init; } = true;

    /// <summary>Redirect a non-index reached with a trailing slash (<c>extra</c>).</summary>
    public bool Extra { get; init; }

    /// <summary>The redirect status, 300 to 399; 0 picks 301 for GET and HEAD and 308 otherwise (<c>status</c>).</summary>
    public int Status { get; init; }

    internal TrailingSlashOptions Bind(ToolArguments arguments) => new()
    {
        Missing = arguments.Bind(ToolCatalog.TrailingSlash.Missing, Missing),
        Extra = arguments.Bind(ToolCatalog.TrailingSlash.Extra, Extra),
        Status = arguments.Bind(ToolCatalog.TrailingSlash.Status, Status),
    };
}
