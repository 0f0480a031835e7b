namespace Cherry;

/// <summary>CherryPy's <c>ignore_headers</c> (before_request_body): removes request headers (Range by default).</summary>
public sealed class IgnoreHeadersTool : HookTool
{
    public const string ToolName = ToolCatalog.IgnoreHeaders.Name;

    public override string Name => ToolName;

    public override HookPoint Point => HookPoint.BeforeRequestBody;

    public IgnoreHeadersOptions Options { get; set; } = new();

    public override void Configure(ToolArguments arguments) => Options = Options.Bind(arguments);

    public override ValueTask RunAsync(Request request)
    {
        Apply(request, Options.Headers);
        return ValueTask.CompletedTask;
    }

    /// <summary>The helper form.</summary>
    public static void Apply(Request request, params string[] headers)
    {
        foreach (var name in headers)
        {
            request.Headers.Remove(name);
        }
    }
}

/// <summary>Turns on <see cref="IgnoreHeadersTool"/>: <c>[IgnoreHeaders("Range")]</c>.</summary>
public sealed class IgnoreHeadersAttribute(params string[] headers) : ToolAttribute
{
    // No headers keeps the default.
    private readonly IgnoreHeadersOptions _options = headers.Length == 0 ? new() : new() { Headers = headers };

    /// <inheritdoc cref="IgnoreHeadersOptions.Headers"/>
    public string[] Headers => _options.Headers;

    public override Tool CreateTool() => new IgnoreHeadersTool { Options = _options };
}
