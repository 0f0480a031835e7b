using System.Runtime.ExceptionServices;

namespace Cherry;

/// <summary>A handler's hooks, ordered per hook point once at start-up.</summary>
public sealed class ToolChain
{
    private readonly Hook[][] _byPoint;

    internal ToolChain(Hook[][] byPoint, int slotCount, PlainChain? plain = null)
    {
        _byPoint = byPoint;
        SlotCount = slotCount;
        Plain = plain;
    }

    /// <summary>The specialised path of a chain of only the default tools (<see cref="PlainChain"/>), or null.</summary>
    internal PlainChain? Plain { get; }

    public int SlotCount { get; }

    /// <summary>No hooks at any point.</summary>
    internal static ToolChain Empty { get; } = new([.. Enum.GetValues<HookPoint>().Select(_ => Array.Empty<Hook>())], 0);

    /// <summary>The configured tools whose hooks these are: what the OpenAPI document reads (an auth tool, a static section).</summary>
    internal IReadOnlyList<Tool> Tools { get; init; } = [];

    public IReadOnlyList<Hook> At(HookPoint point) => _byPoint[(int)point];

    /// <summary>The handler's wrappers, outermost first (<see cref="ToolChainBuilder.WrapHandler"/>).</summary>
    internal HandlerWrapper[] Wrappers { get; init; } = [];

    /// <summary>Calls the handler through its wrappers, outermost first; with none, the handler alone.</summary>
    internal ValueTask InvokeHandlerAsync(Request request, Func<Request, ValueTask> handler) =>
        Wrappers.Length == 0 ? handler(request) : Wrap(0, request, handler);

    private ValueTask Wrap(int index, Request request, Func<Request, ValueTask> handler) =>
        index == Wrappers.Length ? handler(request) : Wrappers[index](request, inner => Wrap(index + 1, inner, handler));

    /// <summary>
    /// Runs the hooks of one point. After a hook fails, only failsafe hooks still run; the first
    /// failure is then rethrown (CherryPy's <c>HookMap.run</c>).
    /// </summary>
    public ValueTask RunAsync(HookPoint point, Request request)
    {
        if (Plain is { } plain)
        {
            try
            {
                if (plain.TryRun(point, request))
                {
                    return ValueTask.CompletedTask;
                }
            }
            catch (Exception ex)
            {
                // As the loop reports a failure: in the task, not thrown at the caller.
                return ValueTask.FromException(ex);
            }
        }
        var hooks = _byPoint[(int)point];
        if (hooks.Length == 0)
        {
            return ValueTask.CompletedTask;
        }
        var stopWhenComplete = point <= HookPoint.BeforeFinalize;
        // Most hooks finish at once: run them here, and build an async state machine only for one that does not.
        for (var i = 0; i < hooks.Length; i++)
        {
            var hook = hooks[i];
            if (Skips(hook, request, stopWhenComplete, failed: false))
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
                return RunFromAsync(hooks, i + 1, request, stopWhenComplete, ExceptionDispatchInfo.Capture(ex), pending: default);
            }
            if (!pending.IsCompletedSuccessfully)
            {
                return RunFromAsync(hooks, i + 1, request, stopWhenComplete, failure: null, pending);
            }
            // Consumed even though it is done: a pooled value task returns to its pool only then.
            pending.GetAwaiter().GetResult();
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>After a hook fails, only failsafe hooks run; a completed response skips what is left up to finalize.</summary>
    private static bool Skips(Hook hook, Request request, bool stopWhenComplete, bool failed) =>
        (failed || (stopWhenComplete && request.IsComplete)) && !hook.Failsafe;

    /// <summary>Awaits <paramref name="pending"/> (the hook before <paramref name="next"/>, when it did not finish at once), then runs the rest.</summary>
    /// <param name="stopWhenComplete">A completed response skips what is left up to finalize, never the end-of-request hooks.</param>
    /// <param name="failure">The failure of an earlier hook of this point, if one failed.</param>
    private static async ValueTask RunFromAsync(Hook[] hooks, int next, Request request, bool stopWhenComplete, ExceptionDispatchInfo? failure, ValueTask pending)
    {
        try
        {
            await pending;
        }
        catch (Exception ex)
        {
            failure = ExceptionDispatchInfo.Capture(ex);
        }
        for (var i = next; i < hooks.Length; i++)
        {
            var hook = hooks[i];
            if (Skips(hook, request, stopWhenComplete, failure is not null))
            {
                continue;
            }
            try
            {
                await hook.Callback(request);
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
