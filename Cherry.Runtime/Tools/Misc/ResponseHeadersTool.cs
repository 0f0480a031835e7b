namespace Cherry;

/// <summary>
/// CherryPy's <c>response_headers</c> (on_start_resource, failsafe): sets fixed headers on every response.
/// <c>response.headers.&lt;Name&gt;</c> config keys feed it too.
/// </summary>
public sealed class ResponseHeadersTool : HookTool
{
    public const string ToolName = ToolCatalog.ResponseHeaders.Name;

    public override string Name => ToolName;

    public override HookPoint Point => HookPoint.OnStartResource;

    public override bool Failsafe => true;

    public ResponseHeadersOptions Options { get; set; } = new();

    /// <summary>Takes <c>headers</c> as a flat list of names and values: <c>[("X-A", "1")]</c> in an INI file.</summary>
    public override void Configure(ToolArguments arguments) => Options = Options.Bind(arguments);

    public override ValueTask RunAsync(Request request)
    {
        var headers = Options.Headers;
        for (var i = 0; i + 1 < headers.Length; i += 2)
        {
            request.Response.SetHeader(headers[i], headers[i + 1]);
        }
        return ValueTask.CompletedTask;
    }
}
