namespace Cherry;

/// <summary>Collects a handler's hooks at start-up and orders them into a <see cref="ToolChain"/>.</summary>
public sealed class ToolChainBuilder
{
    private readonly List<Hook> _hooks = [];
    private readonly List<(int Priority, HandlerWrapper Wrapper)> _wrappers = [];
    private readonly List<(string ToolName, Action<Request, Hook, TimeSpan> Record)> _timers = [];
    private readonly IReadOnlyDictionary<string, int> _priorityOverrides;
    private int _slots;

    internal ToolChainBuilder(IReadOnlyDictionary<string, int> priorityOverrides) => _priorityOverrides = priorityOverrides;

    public void Add(string toolName, HookPoint point, int priority, bool failsafe, Func<Request, ValueTask> callback)
    {
        if (_priorityOverrides.TryGetValue(toolName, out var overridden))
        {
            priority = overridden;
        }
        _hooks.Add(new Hook(toolName, point, priority, failsafe, callback));
    }

    /// <summary>
    /// Wraps the handler's call, as CherryPy's <c>HandlerWrapperTool</c> does: <paramref name="wrapper"/> gets the request and
    /// the call of what it wraps, and decides when (or whether) to make it. Lower priorities wrap outermost.
    /// </summary>
    public void WrapHandler(string toolName, int priority, HandlerWrapper wrapper)
    {
        if (_priorityOverrides.TryGetValue(toolName, out var overridden))
        {
            priority = overridden;
        }
        _wrappers.Add((priority, wrapper));
    }

    /// <summary>
    /// Times every other tool's hook of the chain: <paramref name="record"/> gets each hook's time once it has finished
    /// (the profiler's per-hook figures). A chain without a timer runs its hooks as they are, at no cost.
    /// </summary>
    public void TimeHooks(string toolName, Action<Request, Hook, TimeSpan> record) => _timers.Add((toolName, record));

    /// <summary>
    /// Reserves a per-request slot for state that one hook leaves for a later one (a lock taken early,
    /// a cache miss to fill), so that no request needs a dictionary of tool state.
    /// </summary>
    public ToolStateSlot ReserveSlot() => new(_slots++);

    /// <param name="tools">The tools that attached the hooks, kept on the chain.</param>
    /// <param name="plan">Whether a chain of only the default tools takes their specialised path (<see cref="PlainChain"/>);
    /// off only to compare it with the generic path.</param>
    internal ToolChain Build(IReadOnlyList<Tool> tools, bool plan = true)
    {
        var byPoint = new Hook[Enum.GetValues<HookPoint>().Length][];
        for (var i = 0; i < byPoint.Length; i++)
        {
            // A stable sort keeps declaration order among equal priorities, as CherryPy's sort does.
            byPoint[i] = _hooks.Where(h => (int)h.Point == i).OrderBy(h => h.Priority).Select(Timed).ToArray();
        }
        // A stable sort again: equal priorities wrap in the order the tools attached.
        var wrappers = _wrappers.OrderBy(w => w.Priority).Select(w => w.Wrapper).ToArray();
        // A timer wraps each hook's callback, which the plan would not call.
        var plain = plan && _timers.Count == 0 ? PlainChain.Of(tools, byPoint) : null;
        return new ToolChain(byPoint, _slots, plain) { Tools = tools, Wrappers = wrappers };
    }

    /// <summary>The hook, its callback timed by each timer of another tool.</summary>
    private Hook Timed(Hook hook)
    {
        foreach (var (toolName, record) in _timers)
        {
            if (toolName != hook.ToolName)
            {
                var timed = hook;
                hook = hook with { Callback = request => TimeAsync(timed.Callback, record, timed, request) };
            }
        }
        return hook;
    }

    private static async ValueTask TimeAsync(Func<Request, ValueTask> callback, Action<Request, Hook, TimeSpan> record, Hook hook, Request request)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await callback(request);
        record(request, hook, System.Diagnostics.Stopwatch.GetElapsedTime(started));
    }
}

/// <summary>An index into <see cref="Request"/>'s per-request tool state.</summary>
public readonly record struct ToolStateSlot(int Index);
