namespace Cherry;

/// <summary>
/// CherryPy's <c>response_headers</c> (on_start_resource, failsafe): sets fixed headers on every response.
/// <c>response.headers.&lt;Name&gt;</c> config keys feed it too.
/// </summary>
public sealed partial class ResponseHeadersTool : HookTool
{
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
