namespace Cherry;

/// <summary>CherryPy's <c>flatten</c> (before_finalize 50): nested sequences in a streamed body are written element by element.</summary>
public sealed class FlattenTool : HookTool
{
    public const string ToolName = ToolCatalog.Flatten.Name;

    public override string Name => ToolName;

    public override HookPoint Point => HookPoint.BeforeFinalize;

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
