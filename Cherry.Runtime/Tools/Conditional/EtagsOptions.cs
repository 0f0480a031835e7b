namespace Cherry;

/// <summary>
/// etags's argument and its default (CherryPy's). <see cref="EtagsAttribute"/> sets it, configuration's
/// <c>tools.etags.*</c> overrides it; its key is declared once in Shared/ToolCatalog.cs.
/// </summary>
public sealed record EtagsOptions
{
    /// <summary>Give 200 responses without an ETag one from an MD5 of the body (<c>autotags</c>).</summary>
    public bool AutoTags { get; init; }

    internal EtagsOptions Bind(ToolArguments arguments) => new()
    {
        AutoTags = arguments.Bind(ToolCatalog.Etags.AutoTags, AutoTags),
    };
}
