namespace Cherry;

/// <summary>
/// CherryPy's <c>flatten</c>: nested sequences in a sequence body are written element by element. CherryPy runs it
/// at before_finalize; here it only sets a flag, before the handler, since a body that is not streamed is read to
/// its end as soon as the handler returns.
/// </summary>
public sealed partial class FlattenTool : HookTool
{
    public override ValueTask RunAsync(Request request)
    {
        request.Response.FlattenNested = true;
        return ValueTask.CompletedTask;
    }
}
