namespace Cherry.Runtime.Tests;

public sealed class ToolChainTests
{
    private static ToolChain Build(Action<ToolChainBuilder> add, Dictionary<string, int>? priorities = null)
    {
        var builder = new ToolChainBuilder(priorities ?? []);
        add(builder);
        return builder.Build([]);
    }

    private static Request NewRequest() =>
        new(new Microsoft.AspNetCore.Http.DefaultHttpContext(), new MountedApp("", new object(), null!, false, 1024, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, TimeProvider.System, []), "/", "", null);

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
}
