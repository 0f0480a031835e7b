namespace Cherry;

/// <summary>CherryPy's <c>etags</c> tool (<c>validate_etags</c>), declared in Shared/ToolCatalog.cs: the hook.</summary>
public sealed partial class EtagsTool : HookTool
{
    public override ValueTask RunAsync(Request request)
    {
        if (!request.IsErrorResponse)
        {
            Conditional.ValidateEtags(request, Options.AutoTags);
        }
        return ValueTask.CompletedTask;
    }
}
