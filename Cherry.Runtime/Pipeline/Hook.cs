namespace Cherry;

/// <summary>One callback bound to a hook point. Lower priorities run first (CherryPy's default is 50).</summary>
/// <param name="Failsafe">Runs even when an earlier hook at the same point failed.</param>
public sealed record Hook(string ToolName, HookPoint Point, int Priority, bool Failsafe, Func<Request, ValueTask> Callback);
