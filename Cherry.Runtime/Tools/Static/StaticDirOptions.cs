namespace Cherry;

/// <summary>
/// staticdir's arguments and their defaults. <see cref="StaticDirAttribute"/> sets them, configuration's
/// <c>tools.staticdir.*</c> overrides them; their keys and rules are declared once in Shared/ToolCatalog.cs.
/// </summary>
public sealed record StaticDirOptions
{
    /// <summary>The directory; relative to <see cref="Root"/> (else the content root) unless absolute, <c>~</c> is the home directory; required (<c>dir</c>).</summary>
    public string Dir { get; init; } = "";

    /// <summary>The directory a relative <see cref="Dir"/> is under (<c>root</c>).</summary>
    public string? Root { get; init; }

    /// <summary>A regular expression the path must match, searched as Python's <c>re.search</c> (<c>match</c>).</summary>
    public string? Match { get; init; }

    /// <summary>The file served for a directory URL, e.g. <c>index.html</c> (<c>index</c>).</summary>
    public string? Index { get; init; }

    /// <summary>Extension and Content-Type pairs that override the usual types: <c>["txt", "text/x-digits"]</c> (<c>content_types</c>).</summary>
    public string[]? ContentTypes { get; init; }

    internal StaticDirOptions Bind(ToolArguments arguments) => new()
    {
        Dir = arguments.Bind(ToolCatalog.StaticDir.Dir, Dir),
        Root = arguments.Bind(ToolCatalog.StaticDir.Root, Root),
        Match = arguments.Bind(ToolCatalog.StaticDir.Match, Match),
        Index = arguments.Bind(ToolCatalog.StaticDir.Index, Index),
        ContentTypes = arguments.Bind(ToolCatalog.StaticDir.ContentTypes, ContentTypes),
    };
}
