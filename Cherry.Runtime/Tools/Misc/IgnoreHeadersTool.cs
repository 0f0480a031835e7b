namespace Cherry;

/// <summary>CherryPy's <c>ignore_headers</c> (before_request_body): removes request headers (Range by default).</summary>
public sealed class IgnoreHeadersTool : HookTool
{
    public const string ToolName = "ignore_headers";

    public override string Name => ToolName;

    public override HookPoint Point => HookPoint.BeforeRequestBody;

    public string[] Headers { get; set; } = ["Range"];

    public override void Configure(ToolArguments arguments)
    {
        Headers = arguments.GetList("headers", Headers);
    }

    public override ValueTask RunAsync(Request request)
    {
        Apply(request, Headers);
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
    public string[] Headers { get; } = headers;

    public override Tool CreateTool() => new IgnoreHeadersTool { Headers = Headers.Length == 0 ? ["Range"] : Headers };
}
