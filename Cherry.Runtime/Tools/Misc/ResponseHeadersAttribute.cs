namespace Cherry;

/// <summary>
/// Turns on <see cref="ResponseHeadersTool"/> with names and values in pairs:
/// <c>[ResponseHeaders("X-Custom", "yes", "Content-Type", "text/plain")]</c>.
/// </summary>
public sealed class ResponseHeadersAttribute(params string[] namesAndValues) : ToolAttribute
{
    public string[] NamesAndValues { get; } = namesAndValues.Length % 2 == 0
        ? namesAndValues
        : throw new ArgumentException("Header names and values come in pairs.", nameof(namesAndValues));

    public override Tool CreateTool() => new ResponseHeadersTool(
        Enumerable.Range(0, NamesAndValues.Length / 2).Select(i => new KeyValuePair<string, string>(NamesAndValues[2 * i], NamesAndValues[(2 * i) + 1])).ToList());
}
