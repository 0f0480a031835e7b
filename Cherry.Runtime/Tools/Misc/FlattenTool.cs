namespace Cherry;

/// <summary>
/// CherryPy's <c>flatten</c>: nested sequences in a sequence body are written element by element. CherryPy runs it
/// at before_finalize; here it only sets a flag, before the handler, since a body that is not streamed is read to
/// its end as soon as the handler returns.
/// </summary>
public sealed class FlattenTool : HookTool
{
    public const string ToolName = ToolCatalog.Flatten.Name;

    public override string Name => ToolName;

    public override HookPoint Point => HookPoint.BeforeHandler;

    public override ValueTask RunAsync(Request request)
    {
        request.Response.FlattenNested = true;
        return ValueTask.CompletedTask;
    }
}

/// <summary>Turns on <see cref="FlattenTool"/>.</summary>
public sealed class FlattenAttribute : ToolAttribute
{
    public override Tool CreateTool() => new FlattenTool();
}
