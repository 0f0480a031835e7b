namespace Cherry;

/// <summary>
/// decode's arguments and their defaults (CherryPy's). <see cref="DecodeAttribute"/> sets them, configuration's
/// <c>tools.decode.*</c> overrides them; their keys are declared once in Shared/ToolCatalog.cs.
/// </summary>
public sealed record DecodeOptions
{
    /// <summary>The one charset form bodies are decoded with, in place of the request's own (<c>encoding</c>).</summary>
    public string? Encoding { get; init; }

    /// <summary>The charset tried after the request's own (<c>default_encoding</c>).</summary>
    public string DefaultEncoding { get; init; } = "utf-8";

    internal DecodeOptions Bind(ToolArguments arguments) => new()
    {
        Encoding = arguments.Bind(ToolCatalog.Decode.Encoding, Encoding),
        DefaultEncoding = arguments.Bind(ToolCatalog.Decode.DefaultEncoding, DefaultEncoding),
    };
}
