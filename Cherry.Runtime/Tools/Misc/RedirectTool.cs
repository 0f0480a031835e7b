namespace Cherry;

/// <summary>
/// CherryPy's <c>redirect</c> (on_start_resource): sends every request elsewhere, internally (re-run as GET on
/// the new path) or with a 303.
/// </summary>
public sealed partial class RedirectTool : HookTool
{
    public override ValueTask RunAsync(Request request) => throw Redirect(Options.Url, Options.Internal);

    /// <summary>The exception that performs the redirect: an internal one, or a 303.</summary>
    public static Exception Redirect(string url, bool isInternal) =>
        isInternal ? new InternalRedirect(url) : new HttpRedirect(url);
}

/// <summary>
/// CherryPy's <c>err_redirect</c>: an error tool. An unhandled exception is answered with a redirect
/// (internal or 303) instead of the 500 page.
/// </summary>
public sealed partial class ErrRedirectTool : HookTool
{
    public override ValueTask RunAsync(Request request)
    {
        var (url, isInternal) = (Options.Url, Options.Internal);
        request.ErrorResponse = (_, _) => throw RedirectTool.Redirect(url, isInternal);
        return ValueTask.CompletedTask;
    }
}
