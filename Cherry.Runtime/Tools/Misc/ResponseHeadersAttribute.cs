namespace Cherry;

/// <summary>
/// Turns on <see cref="ResponseHeadersTool"/> with names and values in pairs:
/// <c>[ResponseHeaders("X-Custom", "yes", "Content-Type", "text/plain")]</c>.
/// </summary>
public sealed class ResponseHeadersAttribute(params string[] namesAndValues) : ToolAttribute
{
    private readonly ResponseHeadersOptions _options = new() { Headers = namesAndValues };

    /// <inheritdoc cref="ResponseHeadersOptions.Headers"/>
    public string[] NamesAndValues => _options.Headers;

    public override Tool CreateTool() => new ResponseHeadersTool { Options = _options };
}
