namespace Cherry;

/// <summary>Collects a handler's hooks at start-up and orders them into a <see cref="ToolChain"/>.</summary>
public sealed class ToolChainBuilder
{
    private readonly List<Hook> _hooks = [];
    private readonly List<(int Priority, HandlerWrapper Wrapper)> _wrappers = [];
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
    /// Reserves a per-request slot for state that one hook leaves for a later one (a lock taken early,
    /// a cache miss to fill), so that no request needs a dictionary of tool state.
    /// </summary>
    public ToolStateSlot ReserveSlot() => new(_slots++);

    /// <param name="tools">The tools that attached the hooks, kept on the chain.</param>
    internal ToolChain Build(IReadOnlyList<Tool> tools)
    {
        var byPoint = new Hook[Enum.GetValues<HookPoint>().Length][];
        for (var i = 0; i < byPoint.Length; i++)
        {
            // A stable sort keeps declaration order among equal priorities, as CherryPy's sort does.
            byPoint[i] = _hooks.Where(h => (int)h.Point == i).OrderBy(h => h.Priority).ToArray();
        }
        // A stable sort again: equal priorities wrap in the order the tools attached.
        var wrappers = _wrappers.OrderBy(w => w.Priority).Select(w => w.Wrapper).ToArray();
        return new ToolChain(byPoint, _slots) { Tools = tools, Wrappers = wrappers };
    }
}

/// <summary>An index into <see cref="Request"/>'s per-request tool state.</summary>
public readonly record struct ToolStateSlot(int Index);
