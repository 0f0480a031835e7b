namespace Cherry;

/// <summary>
/// Marks a method as reachable over HTTP, as CherryPy's <c>@cherrypy.expose</c> does.
/// The URL segment defaults to the member name split at its PascalCase word boundaries,
/// lower-cased and joined with <c>_</c> (<c>TranslateHtml</c> → <c>translate_html</c>);
/// any punctuation in a request segment matches <c>_</c>, so <c>/translate.html</c>
/// and <c>/translate-html</c> reach the same member.
/// On a property or field holding a sub-tree, it only renames the sub-tree's segment.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class ExposedAttribute : Attribute
{
    public ExposedAttribute() { }

    /// <param name="segment">The URL segment that replaces the name-derived one.</param>
    public ExposedAttribute(string segment) => Segment = segment;

    /// <summary>An explicit URL segment for this member.</summary>
    public string? Segment { get; }

    /// <summary>Further segments that reach the same member (CherryPy's <c>expose(alias=...)</c>).</summary>
    public string[]? Aliases { get; set; }
}
