using System.Runtime.ExceptionServices;

namespace Cherry;

/// <summary>A handler's hooks, ordered per hook point once at start-up.</summary>
public sealed class ToolChain
{
    private readonly Hook[][] _byPoint;

    internal ToolChain(Hook[][] byPoint, int slotCount)
    {
        _byPoint = byPoint;
        SlotCount = slotCount;
    }

    public int SlotCount { get; }

    public IReadOnlyList<Hook> At(HookPoint point) => _byPoint[(int)point];

    /// <summary>
    /// Runs the hooks of one point. After a hook fails, only failsafe hooks still run; the first
    /// failure is then rethrown (CherryPy's <c>HookMap.run</c>).
    /// </summary>
    public ValueTask RunAsync(HookPoint point, Request request)
    {
        var hooks = _byPoint[(int)point];
        if (hooks.Length == 0)
        {
            return ValueTask.CompletedTask;
        }
        var stopWhenComplete = point <= HookPoint.BeforeFinalize;
        if (request.Profile is not null)
        {
            return RunFromAsync(hooks, 0, request, stopWhenComplete, null);
        }
        // Most hooks finish at once: run them here, and build an async state machine only for one that does not.
        for (var i = 0; i < hooks.Length; i++)
        {
            var hook = hooks[i];
            if (stopWhenComplete && request.IsComplete && !hook.Failsafe)
            {
                continue;
            }
            ValueTask pending;
            try
            {
                pending = hook.Callback(request);
            }
            catch (Exception ex)
            {
                return RunFromAsync(hooks, i + 1, request, stopWhenComplete, ExceptionDispatchInfo.Capture(ex));
            }
            if (!pending.IsCompletedSuccessfully)
            {
                return AwaitThenRunFromAsync(pending, hooks, i + 1, request, stopWhenComplete);
            }
            // Consumed even though it is done: a pooled value task returns to its pool only then.
            pending.GetAwaiter().GetResult();
        }
        return ValueTask.CompletedTask;
    }

    private static async ValueTask AwaitThenRunFromAsync(ValueTask pending, Hook[] hooks, int next, Request request, bool stopWhenComplete)
    {
        ExceptionDispatchInfo? failure = null;
        try
        {
            await pending;
        }
        catch (Exception ex)
        {
            failure = ExceptionDispatchInfo.Capture(ex);
        }
        await RunFromAsync(hooks, next, request, stopWhenComplete, failure);
    }

    /// <param name="stopWhenComplete">A completed response skips what is left up to finalize, never the end-of-request hooks.</param>
    /// <param name="failure">The failure of an earlier hook of this point, if one failed.</param>
    private static async ValueTask RunFromAsync(Hook[] hooks, int next, Request request, bool stopWhenComplete, ExceptionDispatchInfo? failure)
    {
        for (var i = next; i < hooks.Length; i++)
        {
            var hook = hooks[i];
            if ((failure is not null || (stopWhenComplete && request.IsComplete)) && !hook.Failsafe)
            {
                continue;
            }
            try
            {
                if (request.Profile is { } profile)
                {
                    var started = System.Diagnostics.Stopwatch.GetTimestamp();
                    await hook.Callback(request);
                    profile.RecordHook(hook.Point, hook.ToolName, System.Diagnostics.Stopwatch.GetElapsedTime(started));
                }
                else
                {
                    await hook.Callback(request);
                }
            }
            catch (Exception ex) when (failure is null)
            {
                failure = ExceptionDispatchInfo.Capture(ex);
            }
            catch (Exception)
            {
                // A later failsafe hook failed too; the first failure is the one reported.
            }
        }
        failure?.Throw();
    }
}
