namespace Cherry;

/// <summary>
/// CherryPy's <c>allow</c> (on_start_resource): answers 405 to methods not listed and sets <c>Allow</c> on every
/// response. HEAD is implied by GET. The default is GET and HEAD.
/// </summary>
public sealed partial class AllowTool : HookTool
{
    public override ValueTask RunAsync(Request request)
    {
        Check(request, Options.Methods);
        return ValueTask.CompletedTask;
    }

    /// <summary>The helper form.</summary>
    public static void Check(Request request, params string[] methods)
    {
        var allowed = methods.Select(m => m.ToUpperInvariant()).ToList();
        if (allowed.Contains("GET") && !allowed.Contains("HEAD"))
        {
            allowed.Add("HEAD");
        }
        request.Response.Headers.Allow = string.Join(", ", allowed);
        if (!allowed.Contains(request.Method))
        {
            throw new HttpError(405);
        }
    }
}
