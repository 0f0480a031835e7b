namespace Cherry;

/// <summary>
/// staticfile's arguments and their defaults. <see cref="StaticFileAttribute"/> sets them, configuration's
/// <c>tools.staticfile.*</c> overrides them; their keys and rules are declared once in Shared/ToolCatalog.cs.
/// (Not <c>StaticFileOptions</c>: ASP.NET Core's static file middleware has that name, in a namespace web apps import.)
/// </summary>
public sealed record StaticFileToolOptions
{
    /// <summary>The file; relative to <see cref="Root"/> (else the content root) unless absolute; required (<c>filename</c>).</summary>
    public string Filename { get; init; } = "";

    /// <summary>The directory a relative <see cref="Filename"/> is under (<c>root</c>).</summary>
    public string? Root { get; init; }

    /// <summary>A regular expression the path must match, searched as Python's <c>re.search</c> (<c>match</c>).</summary>
    public string? Match { get; init; }

    /// <summary>Extension and Content-Type pairs that override the usual types (<c>content_types</c>).</summary>
    public string[]? ContentTypes { get; init; }

    internal StaticFileToolOptions Bind(ToolArguments arguments) => new()
    {
        Filename = arguments.Bind(ToolCatalog.StaticFile.Filename, Filename),
        Root = arguments.Bind(ToolCatalog.StaticFile.Root, Root),
        Match = arguments.Bind(ToolCatalog.StaticFile.Match, Match),
        ContentTypes = arguments.Bind(ToolCatalog.StaticFile.ContentTypes, ContentTypes),
    };
}
