namespace Cherry;

/// <summary>Sets the encode tool's arguments: a fixed charset, the default charset, or all content types.</summary>
public sealed class EncodeAttribute : ToolAttribute
{
    public string? Encoding { get; set; }

    public string DefaultEncoding { get; set; } = "utf-8";

    public bool TextOnly { get; set; } = true;

    public override Tool CreateTool() => new EncodeTool { Encoding = Encoding, DefaultEncoding = DefaultEncoding, TextOnly = TextOnly };
}
