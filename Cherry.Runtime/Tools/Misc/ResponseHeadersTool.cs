namespace Cherry;

/// <summary>
/// CherryPy's <c>response_headers</c> (on_start_resource, failsafe): sets fixed headers on every response.
/// <c>response.headers.&lt;Name&gt;</c> config keys feed it too.
/// </summary>
public sealed class ResponseHeadersTool(IReadOnlyList<KeyValuePair<string, string>>? headers = null) : HookTool
{
    public const string ToolName = "response_headers";

    private List<KeyValuePair<string, string>> _headers = headers?.ToList() ?? [];

    public override string Name => ToolName;

    public override HookPoint Point => HookPoint.OnStartResource;

    public override bool Failsafe => true;

    /// <summary>Takes <c>headers</c> as a flat list of names and values: <c>[("X-A", "1")]</c> in an INI file.</summary>
    public override void Configure(ToolArguments arguments)
    {
        if (arguments.TryGetList("headers", out var flat))
        {
            if (flat.Length % 2 != 0)
            {
                throw arguments.Malformed("headers", "expected pairs of header name and value.");
            }
            _headers = [.. _headers, .. Enumerable.Range(0, flat.Length / 2).Select(i => new KeyValuePair<string, string>(flat[2 * i], flat[(2 * i) + 1]))];
        }
    }

    public override ValueTask RunAsync(Request request)
    {
        foreach (var (name, value) in _headers)
        {
            request.Response.Headers[name] = value;
        }
        return ValueTask.CompletedTask;
    }
}
