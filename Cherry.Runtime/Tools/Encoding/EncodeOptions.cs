namespace Cherry;

/// <summary>
/// encode's arguments and their defaults (CherryPy's). <see cref="EncodeAttribute"/> sets them, configuration's
/// <c>tools.encode.*</c> overrides them; their keys are declared once in Shared/ToolCatalog.cs.
/// </summary>
public sealed record EncodeOptions
{
    /// <summary>Always this charset; a client that refuses it gets a 406 (<c>encoding</c>). Null negotiates.</summary>
    public string? Encoding { get; init; }

    /// <summary>The charset for <c>*</c> and for clients that send no Accept-Charset (<c>default_encoding</c>).</summary>
    public string DefaultEncoding { get; init; } = "utf-8";

    /// <summary>Only <c>text/*</c> responses get a charset (<c>text_only</c>).</summary>
    public bool TextOnly { get; init; } = true;

    internal EncodeOptions Bind(ToolArguments arguments) => new()
    {
        Encoding = arguments.Bind(ToolCatalog.Encode.Encoding, Encoding),
        DefaultEncoding = arguments.Bind(ToolCatalog.Encode.DefaultEncoding, DefaultEncoding),
        TextOnly = arguments.Bind(ToolCatalog.Encode.TextOnly, TextOnly),
    };
}
