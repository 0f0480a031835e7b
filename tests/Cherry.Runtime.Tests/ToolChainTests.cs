namespace Cherry.Runtime.Tests;

public sealed class ToolChainTests
{
    private static ToolChain Build(Action<ToolChainBuilder> add, Dictionary<string, int>? priorities = null)
    {
        var builder = new ToolChainBuilder(priorities ?? []);
        add(builder);
        return builder.Build([]);
    }

    private static Request NewRequest(string pathInfo = "/") => TestRequests.Create(pathInfo: pathInfo);

    [Fact]
    public async Task A_completed_response_skips_the_rest_up_to_finalize_but_not_end_of_request_hooks()
    {
        var ran = new List<string>();
        var chain = Build(b =>
        {
            b.Add("completes", HookPoint.BeforeHandler, 1, false, r => { r.Complete(); ran.Add("completes"); return default; });
            b.Add("skipped", HookPoint.BeforeHandler, 2, false, _ => { ran.Add("skipped"); return default; });
            b.Add("failsafe", HookPoint.BeforeHandler, 3, true, _ => { ran.Add("failsafe"); return default; });
            b.Add("end", HookPoint.OnEndRequest, 1, false, _ => { ran.Add("end"); return default; });
        });
        var request = NewRequest();
        await chain.RunAsync(HookPoint.BeforeHandler, request);
        await chain.RunAsync(HookPoint.OnEndRequest, request);
        Assert.Equal(["completes", "failsafe", "end"], ran);
    }

    [Fact]
    public async Task A_hook_timer_hears_every_other_tools_hook_once_it_has_finished_and_a_failure_still_propagates()
    {
        var heard = new List<(string Tool, HookPoint Point, bool Finished)>();
        var finished = new HashSet<string>();
        var gate = new TaskCompletionSource();
        var chain = Build(b =>
        {
            b.TimeHooks("timer", (_, hook, elapsed) => heard.Add((hook.ToolName, hook.Point, finished.Contains(hook.ToolName) && elapsed >= TimeSpan.Zero)));
            b.Add("timer", HookPoint.OnStartResource, 0, false, _ => default);
            b.Add("sync", HookPoint.OnStartResource, 1, false, _ => { finished.Add("sync"); return default; });
            b.Add("async", HookPoint.OnStartResource, 2, false, async _ => { await gate.Task; finished.Add("async"); });
            b.Add("fails", HookPoint.BeforeHandler, 1, false, _ => throw new InvalidOperationException("boom"));
        });
        var request = NewRequest();
        var running = chain.RunAsync(HookPoint.OnStartResource, request);
        Assert.Equal([("sync", HookPoint.OnStartResource, true)], heard);
        gate.SetResult();
        await running;
        Assert.Equal([("sync", HookPoint.OnStartResource, true), ("async", HookPoint.OnStartResource, true)], heard);
        await Assert.ThrowsAsync<InvalidOperationException>(() => chain.RunAsync(HookPoint.BeforeHandler, request).AsTask());
        Assert.Equal(2, heard.Count);
    }

    [Fact]
    public void Orders_by_priority_keeping_declaration_order_for_ties()
    {
        var chain = Build(b =>
        {
            b.Add("late", HookPoint.BeforeHandler, 90, false, _ => default);
            b.Add("first-50", HookPoint.BeforeHandler, 50, false, _ => default);
            b.Add("second-50", HookPoint.BeforeHandler, 50, false, _ => default);
            b.Add("early", HookPoint.BeforeHandler, 1, false, _ => default);
            b.Add("other-point", HookPoint.BeforeFinalize, 0, false, _ => default);
        });
        Assert.Equal(["early", "first-50", "second-50", "late"], chain.At(HookPoint.BeforeHandler).Select(h => h.ToolName));
        Assert.Equal(["other-point"], chain.At(HookPoint.BeforeFinalize).Select(h => h.ToolName));
    }

    [Fact]
    public void Configured_priorities_override_the_tools_own()
    {
        var chain = Build(b =>
        {
            b.Add("a", HookPoint.OnStartResource, 10, false, _ => default);
            b.Add("b", HookPoint.OnStartResource, 20, false, _ => default);
        }, new Dictionary<string, int> { ["a"] = 30 });
        Assert.Equal(["b", "a"], chain.At(HookPoint.OnStartResource).Select(h => h.ToolName));
    }

    [Fact]
    public async Task After_a_failure_only_failsafe_hooks_run_and_the_first_failure_is_rethrown()
    {
        var ran = new List<string>();
        var chain = Build(b =>
        {
            b.Add("fails", HookPoint.OnEndRequest, 1, false, _ => { ran.Add("fails"); throw new InvalidOperationException("first"); });
            b.Add("skipped", HookPoint.OnEndRequest, 2, false, _ => { ran.Add("skipped"); return default; });
            b.Add("failsafe-fails", HookPoint.OnEndRequest, 3, true, _ => { ran.Add("failsafe-fails"); throw new InvalidOperationException("second"); });
            b.Add("failsafe", HookPoint.OnEndRequest, 4, true, _ => { ran.Add("failsafe"); return default; });
        });
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await chain.RunAsync(HookPoint.OnEndRequest, NewRequest()));
        Assert.Equal("first", error.Message);
        Assert.Equal(["fails", "failsafe-fails", "failsafe"], ran);
    }

    /// <summary>A chain of <paramref name="tools"/>, then whatever <paramref name="more"/> adds, as start-up builds it.</summary>
    private static ToolChain Attach(Tool[] tools, Dictionary<string, int>? priorities = null, Action<ToolChainBuilder>? more = null)
    {
        var builder = new ToolChainBuilder(priorities ?? []);
        foreach (var tool in tools)
        {
            tool.Attach(builder);
        }
        more?.Invoke(builder);
        return builder.Build(tools);
    }

    private static Tool[] Defaults() => [new TrailingSlashTool(), new EncodeTool(), new LogTracebacksTool()];

    [Fact]
    public void A_chain_of_only_the_default_tools_and_response_headers_is_planned()
    {
        Assert.NotNull(Attach(Defaults()).Plain);
        Assert.NotNull(Attach([.. Defaults(), new ResponseHeadersTool { Options = new() { Headers = ["Content-Type", "text/plain"] } }]).Plain);
        Assert.NotNull(Attach([new EncodeTool()]).Plain);
        Assert.NotNull(Attach([]).Plain);
        // Hooks at points the plan leaves to the loop do not matter.
        Assert.NotNull(Attach(Defaults(), more: b => b.Add("audit", HookPoint.OnEndRequest, 50, false, _ => default)).Plain);
    }

    [Fact]
    public void A_chain_with_another_tool_a_bare_hook_a_reordering_or_a_timer_is_not_planned()
    {
        Assert.Null(Attach([.. Defaults(), new FlattenTool()]).Plain);
        Assert.Null(Attach(Defaults(), more: b => b.Add("audit", HookPoint.BeforeHandler, 50, false, _ => default)).Plain);
        Assert.Null(Attach(Defaults(), more: b => b.Add("encode", HookPoint.BeforeFinalize, 50, false, _ => default)).Plain);
        Assert.Null(Attach(Defaults(), new Dictionary<string, int> { ["encode"] = 1 }).Plain);
        Assert.Null(Attach(Defaults(), more: b => b.TimeHooks("profiler", (_, _, _) => { })).Plain);
        Assert.Null(Attach([.. Defaults(), new ResponseHeadersTool(), new ResponseHeadersTool()]).Plain);
        Assert.Null(new ToolChainBuilder(new Dictionary<string, int>()).Build(Defaults(), plan: false).Plain);
    }

    [Fact]
    public async Task The_planned_path_runs_the_tools_as_the_loop_does()
    {
        var chain = Attach([.. Defaults(), new ResponseHeadersTool { Options = new() { Headers = ["X-Constant", "d\u00f6g"] } }]);
        Assert.NotNull(chain.Plain);
        var request = NewRequest();
        await chain.RunAsync(HookPoint.OnStartResource, request);
        Assert.Equal("=?utf-8?b?ZMO2Zw==?=", request.HttpContext.Response.Headers["X-Constant"]);
        await chain.RunAsync(HookPoint.BeforeHandler, request);
        request.HttpContext.Response.ContentType = "text/plain";
        request.Response.SetText("caf\u00e9");
        await chain.RunAsync(HookPoint.BeforeFinalize, request);
        Assert.Equal("text/plain;charset=utf-8", request.Response.ContentType);
        Assert.Equal("caf\u00e9"u8.ToArray(), request.Response.Body.ToArray());

        // A failure is the task's, as the loop reports it: a trailing-slash redirect for an index reached without its slash.
        var index = NewRequest(pathInfo: "/dir");
        index.IsIndex = true;
        var redirect = await Assert.ThrowsAsync<HttpRedirect>(() => chain.RunAsync(HookPoint.BeforeHandler, index).AsTask());
        Assert.EndsWith("/dir/", Assert.Single(redirect.Urls), StringComparison.Ordinal);
    }
}
