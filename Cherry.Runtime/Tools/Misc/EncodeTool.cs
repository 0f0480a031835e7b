namespace Cherry;

/// <summary>
/// The default part of CherryPy's <c>encode</c> tool (on by default, before_handler 70): a handler's
/// <c>text/*</c> response gets <c>;charset=utf-8</c>, the encoding Cherry writes text in. Responses served
/// by a handler tool and error pages are left as they are, as in CherryPy.
/// </summary>
public sealed class EncodeTool : Tool
{
    public const string ToolName = "encode";

    private static readonly object Marked = new();

    public override string Name => ToolName;

    public override void Attach(ToolChainBuilder chain)
    {
        var slot = chain.ReserveSlot();
        chain.Add(Name, HookPoint.BeforeHandler, 70, false, request =>
        {
            if (!request.Handled)
            {
                request.SetToolState(slot, Marked);
            }
            return ValueTask.CompletedTask;
        });
        chain.Add(Name, HookPoint.BeforeFinalize, 10, false, request =>
        {
            var contentType = request.Response.ContentType;
            if (!request.IsErrorResponse && request.GetToolState(slot) is not null
                && contentType is not null && contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
                && !contentType.Contains("charset", StringComparison.OrdinalIgnoreCase))
            {
                request.Response.ContentType = contentType + ";charset=utf-8";
            }
            return ValueTask.CompletedTask;
        });
    }
}
