namespace Cherry;

/// <summary>
/// accept's argument. <see cref="AcceptAttribute"/> sets it, configuration's <c>tools.accept.media</c> overrides it;
/// its key is declared once in Shared/ToolCatalog.cs.
/// </summary>
public sealed record AcceptOptions
{
    /// <summary>The media types the resource emits; none turns the check off (<c>media</c>).</summary>
    public string[] Media { get; init; } = [];

    internal AcceptOptions Bind(ToolArguments arguments) => new()
    {
        Media = arguments.Bind(ToolCatalog.Accept.Media, Media),
    };
}
