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
        return hooks.Length == 0 ? ValueTask.CompletedTask : RunAllAsync(hooks, request, point <= HookPoint.BeforeFinalize);
    }

    /// <param name="stopWhenComplete">A completed response skips what is left up to finalize, never the end-of-request hooks.</param>
    private static async ValueTask RunAllAsync(Hook[] hooks, Request request, bool stopWhenComplete)
    {
        ExceptionDispatchInfo? failure = null;
        foreach (var hook in hooks)
        {
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
