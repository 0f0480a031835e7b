namespace Cherry;

/// <summary>
/// response_headers's argument. <see cref="ResponseHeadersAttribute"/> and <c>response.headers.&lt;Name&gt;</c> keys
/// set it; configuration's <c>tools.response_headers.headers</c> adds to it. Its key and rule are declared once in
/// Shared/ToolCatalog.cs.
/// </summary>
public sealed record ResponseHeadersOptions
{
    /// <summary>Header names and values in turn: <c>["X-A", "1", "X-B", "2"]</c> (<c>headers</c>).</summary>
    public string[] Headers { get; init; } = [];

    /// <summary>Configuration's pairs are added after the attribute's; the rule holds for them all.</summary>
    internal ResponseHeadersOptions Bind(ToolArguments arguments) => new()
    {
        Headers = arguments.Check(ToolCatalog.ResponseHeaders.Headers, [.. Headers, .. arguments.Bind(ToolCatalog.ResponseHeaders.Headers, [])]),
    };
}
