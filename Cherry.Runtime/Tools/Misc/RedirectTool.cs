namespace Cherry;

/// <summary>The target shared by <see cref="RedirectTool"/> and <see cref="ErrRedirectTool"/>: a URL, reached internally or with a 303.</summary>
public abstract class RedirectingTool : HookTool
{
    public override HookPoint Point => HookPoint.OnStartResource;

    public string Url { get; set; } = "";

    public bool Internal { get; set; } = true;

    public override void Configure(ToolArguments arguments)
    {
        Url = arguments.GetString("url", Url);
        Internal = arguments.GetBoolean("internal", Internal);
    }

    /// <summary>The exception that performs the redirect.</summary>
    public static Exception Redirect(string url, bool isInternal) =>
        isInternal ? new InternalRedirect(url) : new HttpRedirect(url);
}

/// <summary>
/// CherryPy's <c>redirect</c> (on_start_resource): sends every request elsewhere, internally (re-run as GET on
/// the new path) or with a 303.
/// </summary>
public sealed class RedirectTool : RedirectingTool
{
    public const string ToolName = "redirect";

    public override string Name => ToolName;

    public override ValueTask RunAsync(Request request) => throw Redirect(Url, Internal);
}

/// <summary>
/// CherryPy's <c>err_redirect</c>: an error tool. An unhandled exception is answered with a redirect
/// (internal or 303) instead of the 500 page.
/// </summary>
public sealed class ErrRedirectTool : RedirectingTool
{
    public const string ToolName = "err_redirect";

    public override string Name => ToolName;

    public override ValueTask RunAsync(Request request)
    {
        var (url, isInternal) = (Url, Internal);
        request.ErrorResponse = (_, _) => throw Redirect(url, isInternal);
        return ValueTask.CompletedTask;
    }
}

/// <summary>Turns on <see cref="RedirectTool"/>: <c>[Redirect("/new/place", Internal = false)]</c>.</summary>
public sealed class RedirectAttribute(string url) : ToolAttribute
{
    public string Url { get; } = url;

    public bool Internal { get; set; } = true;

    public override Tool CreateTool() => new RedirectTool { Url = Url, Internal = Internal };
}

/// <summary>Turns on <see cref="ErrRedirectTool"/>: <c>[ErrRedirect("/oops", Internal = false)]</c>.</summary>
public sealed class ErrRedirectAttribute(string url) : ToolAttribute
{
    public string Url { get; } = url;

    public bool Internal { get; set; } = true;

    public override Tool CreateTool() => new ErrRedirectTool { Url = Url, Internal = Internal };
}
