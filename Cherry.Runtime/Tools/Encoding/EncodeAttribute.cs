namespace Cherry;

/// <summary>Sets the encode tool's arguments: a fixed charset, the default charset, or all content types.</summary>
public sealed class EncodeAttribute : ToolAttribute
{
    private EncodeOptions _options = new();

    /// <inheritdoc cref="EncodeOptions.Encoding"/>
    public string? Encoding { get => _options.Encoding; set => _options = _options with { Encoding = value }; }

    /// <inheritdoc cref="EncodeOptions.DefaultEncoding"/>
    public string DefaultEncoding { get => _options.DefaultEncoding; set => _options = _options with { DefaultEncoding = value }; }

    /// <inheritdoc cref="EncodeOptions.TextOnly"/>
    public bool TextOnly { get => _options.TextOnly; set => _options = _options with { TextOnly = value }; }

    public override Tool CreateTool() => new EncodeTool { Options = _options };
}
