namespace Cherry;

/// <summary>
/// CherryPy's <c>decode</c> (before_request_body 50): the charsets a form body is decoded with.
/// <see cref="DecodeOptions.Encoding"/> replaces the list; otherwise <see cref="DecodeOptions.DefaultEncoding"/> is added after the
/// request's own charset. A body none of them decodes is a 400 naming the charsets tried.
/// </summary>
public sealed class DecodeTool : HookTool
{
    public const string ToolName = ToolCatalog.Decode.Name;

    public override string Name => ToolName;

    public override HookPoint Point => HookPoint.BeforeRequestBody;

    public DecodeOptions Options { get; set; } = new();

    public override void Configure(ToolArguments arguments) => Options = Options.Bind(arguments);

    public override ValueTask RunAsync(Request request)
    {
        if (Options.Encoding is { } encoding)
        {
            request.BodyCharsets = [encoding];
        }
        else if (!request.BodyCharsets.Contains(Options.DefaultEncoding, StringComparer.OrdinalIgnoreCase))
        {
            request.BodyCharsets = [.. request.BodyCharsets, Options.DefaultEncoding];
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>Turns on <see cref="DecodeTool"/>.</summary>
public sealed class DecodeAttribute : ToolAttribute
{
    private DecodeOptions _options = new();

    /// <inheritdoc cref="DecodeOptions.Encoding"/>
    public string? Encoding { get => _options.Encoding; set => _options = _options with { Encoding = value }; }

    /// <inheritdoc cref="DecodeOptions.DefaultEncoding"/>
    public string DefaultEncoding { get => _options.DefaultEncoding; set => _options = _options with { DefaultEncoding = value }; }

    public override Tool CreateTool() => new DecodeTool { Options = _options };
}
