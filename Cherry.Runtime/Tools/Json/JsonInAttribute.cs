namespace Cherry;

/// <summary>Turns on <see cref="JsonInTool"/>; a parameter marked <see cref="JsonBodyAttribute"/> receives the typed body.</summary>
public sealed class JsonInAttribute : ToolAttribute
{
    /// <summary>When false, bodies of other content types are processed as usual instead of refused with 415.</summary>
    public bool Force { get; set; } = true;

    /// <summary>Accepted media types; CherryPy's default is application/json and text/javascript.</summary>
    public string[]? ContentTypes { get; set; }

    public override Tool CreateTool()
    {
        var tool = new JsonInTool { Force = Force };
        if (ContentTypes is { Length: > 0 } types)
        {
            tool.ContentTypes = types;
        }
        return tool;
    }
}
