namespace Cherry;

/// <summary>
/// gzip's arguments and their defaults (CherryPy's). <see cref="GzipAttribute"/> sets them, configuration's
/// <c>tools.gzip.*</c> overrides them; their keys and rules are declared once in Shared/ToolCatalog.cs.
/// </summary>
public sealed record GzipOptions
{
    /// <summary>0 (none) to 9 (smallest), CherryPy's scale (<c>compress_level</c>).</summary>
    public int CompressLevel { get; init; } = 5;

    /// <summary>The media types compressed; <c>type/*</c> and <c>type/*+suffix</c> allowed (<c>mime_types</c>).</summary>
    public string[] MimeTypes { get; init; } = ["text/html", "text/plain"];

    /// <summary>
    /// Whether <c>br</c> is offered besides gzip (<c>brotli</c>; Cherry's own key, on by default). Off, the tool
    /// answers as CherryPy's, which knows gzip alone: a client asking for br only gets identity, and the 406 for a
    /// refused identity lists <c>identity, gzip</c>.
    /// </summary>
    public bool Brotli { get; init; } = true;

    internal GzipOptions Bind(ToolArguments arguments) => new()
    {
        CompressLevel = arguments.Bind(ToolCatalog.Gzip.CompressLevel, CompressLevel),
        MimeTypes = arguments.Bind(ToolCatalog.Gzip.MimeTypes, MimeTypes),
        Brotli = arguments.Bind(ToolCatalog.Gzip.Brotli, Brotli),
    };
}
