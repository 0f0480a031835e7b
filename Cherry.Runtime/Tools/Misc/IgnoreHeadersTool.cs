namespace Cherry;

/// <summary>CherryPy's <c>ignore_headers</c> (before_request_body): removes request headers (Range by default).</summary>
public sealed partial class IgnoreHeadersTool : HookTool
{
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
