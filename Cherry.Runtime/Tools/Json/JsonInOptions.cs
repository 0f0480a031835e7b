namespace Cherry;

/// <summary>
/// json_in's arguments and their defaults (CherryPy's). <see cref="JsonInAttribute"/> sets them, configuration's
/// <c>tools.json_in.*</c> overrides them; their keys are declared once in Shared/ToolCatalog.cs.
/// </summary>
public sealed record JsonInOptions
{
    /// <summary>Refuse bodies of other content types with 415; when false they are processed as usual (<c>force</c>).</summary>
    public bool Force { get; init; } = true;

    /// <summary>The media types parsed as JSON (<c>content_type</c>).</summary>
    public string[] ContentTypes { get; init; } = ["application/json", "text/javascript"];

    internal JsonInOptions Bind(ToolArguments arguments) => new()
    {
        Force = arguments.Bind(ToolCatalog.JsonIn.Force, Force),
        ContentTypes = arguments.Bind(ToolCatalog.JsonIn.ContentType, ContentTypes),
    };
}
