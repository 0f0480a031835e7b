namespace Cherry;

/// <summary>
/// The path of a chain whose tools are only CherryPy's defaults (trailing_slash, encode, log_tracebacks) and at most one
/// response_headers, decided once when the chain is built: at the points those tools hook, the request calls them
/// directly, with no hook loop, no delegate and no per-hook state, and response_headers' values and encode's default
/// charset were settled at start-up. The calls are the tools' own code, in the order and under the rules the generic
/// loop would apply (a completed response skips what is not failsafe), so the answers are the generic path's; any
/// point the plan does not hold (the error points, where log_tracebacks runs) takes the generic loop.
/// </summary>
internal sealed class PlainChain
{
    private readonly ResponseHeadersTool? _headers;
    private readonly TrailingSlashTool? _trailingSlash;
    private readonly EncodeTool? _encode;

    private PlainChain(ResponseHeadersTool? headers, TrailingSlashTool? trailingSlash, EncodeTool? encode)
    {
        _headers = headers;
        _trailingSlash = trailingSlash;
        _encode = encode;
    }

    /// <summary>
    /// The plan of a chain made of <paramref name="tools"/> and ordered into <paramref name="byPoint"/>, or null when any
    /// other tool joined it, or a bare hook or a changed priority put other hooks, or these in another order, at the
    /// points the plan holds.
    /// </summary>
    public static PlainChain? Of(IReadOnlyList<Tool> tools, Hook[][] byPoint)
    {
        ResponseHeadersTool? headers = null;
        TrailingSlashTool? trailingSlash = null;
        EncodeTool? encode = null;
        foreach (var tool in tools)
        {
            switch (tool)
            {
                case ResponseHeadersTool each when headers is null:
                    headers = each;
                    break;
                case TrailingSlashTool each when trailingSlash is null:
                    trailingSlash = each;
                    break;
                case EncodeTool each when encode is null:
                    encode = each;
                    break;
                case LogTracebacksTool:
                    // Its hook is at before_error_response, which the generic loop runs.
                    break;
                default:
                    return null;
            }
        }
        return Holds(byPoint[(int)HookPoint.OnStartResource], headers is null ? null : ResponseHeadersTool.ToolName)
            && Holds(byPoint[(int)HookPoint.BeforeHandler], trailingSlash is null ? null : TrailingSlashTool.ToolName, encode is null ? null : EncodeTool.ToolName)
            && Holds(byPoint[(int)HookPoint.BeforeFinalize], encode is null ? null : EncodeTool.ToolName)
                ? new PlainChain(headers, trailingSlash, encode)
                : null;
    }

    /// <summary>True when <paramref name="hooks"/> are exactly one hook of each tool named, in that order (a null name: none).</summary>
    private static bool Holds(Hook[] hooks, params ReadOnlySpan<string?> names)
    {
        var next = 0;
        foreach (var name in names)
        {
            if (name is null)
            {
                continue;
            }
            if (next == hooks.Length || hooks[next].ToolName != name)
            {
                return false;
            }
            next++;
        }
        return next == hooks.Length;
    }

    /// <summary>
    /// Runs <paramref name="point"/> as its hooks would, when the plan holds it; false for a point the generic loop runs.
    /// </summary>
    public bool TryRun(HookPoint point, Request request)
    {
        switch (point)
        {
            case HookPoint.OnStartResource:
                // response_headers is failsafe: it runs even for a completed response.
                _headers?.Apply(request);
                return true;
            case HookPoint.BeforeHandler:
                if (_trailingSlash is not null && !request.IsComplete)
                {
                    _trailingSlash.Check(request);
                }
                if (_encode is not null && !request.IsComplete)
                {
                    _encode.MarkHandler(request);
                }
                return true;
            case HookPoint.BeforeFinalize:
                if (_encode is not null && !request.IsComplete)
                {
                    _encode.Finish(request);
                }
                return true;
            default:
                return false;
        }
    }
}
