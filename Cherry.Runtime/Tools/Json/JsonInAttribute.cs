namespace Cherry;

/// <summary>Turns on <see cref="JsonInTool"/>; a parameter marked <see cref="JsonBodyAttribute"/> receives the typed body.</summary>
public sealed class JsonInAttribute : ToolAttribute
{
    private JsonInOptions _options = new();

    /// <inheritdoc cref="JsonInOptions.Force"/>
    public bool Force { get => _options.Force; set => _options = _options with { Force = value }; }

    /// <inheritdoc cref="JsonInOptions.ContentTypes"/>
    public string[] ContentTypes { get => _options.ContentTypes; set => _options = _options with { ContentTypes = value }; }

    public override Tool CreateTool() => new JsonInTool { Options = _options };
}
