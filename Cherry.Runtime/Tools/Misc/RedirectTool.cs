namespace Cherry;

/// <summary>
/// CherryPy's <c>redirect</c> (on_start_resource): sends every request elsewhere, internally (re-run as GET on
/// the new path) or with a 303.
/// </summary>
public sealed class RedirectTool : HookTool
{
    public const string ToolName = "redirect";

    public override string Name => ToolName;

    public override HookPoint Point => HookPoint.OnStartResource;

    public string Url { get; set; } = "";

    public bool Internal { get; set; } = true;

    public override void Configure(ToolArguments arguments)
    {
        if (arguments.TryGetString("url", out var url))
        {
            Url = url;
        }
        if (arguments.TryGetBoolean("internal", out var isInternal))
        {
            Internal = isInternal;
        }
    }

    public override ValueTask RunAsync(Request request) => throw Redirect(request, Url, Internal);

    /// <summary>The exception that performs the redirect.</summary>
    public static Exception Redirect(Request request, string url, bool isInternal) =>
        isInternal ? new InternalRedirect(url) : new HttpRedirect(url);
}

/// <summary>Turns on <see cref="RedirectTool"/>: <c>[Redirect("/new/place", Internal = false)]</c>.</summary>
public sealed class RedirectAttribute(string url) : ToolAttribute
{
    public string Url { get; } = url;

    public bool Internal { get; set; } = true;

    public override Tool CreateTool() => new RedirectTool { Url = Url, Internal = Internal };
}

/// <summary>
/// CherryPy's <c>err_redirect</c>: an error tool. An unhandled exception is answered with a redirect
/// (internal or 303) instead of the 500 page.
/// </summary>
public sealed class ErrRedirectTool : HookTool
{
    public const string ToolName = "err_redirect";

    public override string Name => ToolName;

    public override HookPoint Point => HookPoint.OnStartResource;

    public string Url { get; set; } = "";

    public bool Internal { get; set; } = true;

    public override void Configure(ToolArguments arguments)
    {
        if (arguments.TryGetString("url", out var url))
        {
            Url = url;
        }
        if (arguments.TryGetBoolean("internal", out var isInternal))
        {
            Internal = isInternal;
        }
    }

    public override ValueTask RunAsync(Request request)
    {
        request.ErrorResponse = (r, _) => throw RedirectTool.Redirect(r, Url, Internal);
        return ValueTask.CompletedTask;
    }
}

/// <summary>Turns on <see cref="ErrRedirectTool"/>: <c>[ErrRedirect("/oops", Internal = false)]</c>.</summary>
public sealed class ErrRedirectAttribute(string url) : ToolAttribute
{
    public string Url { get; } = url;

    public bool Internal { get; set; } = true;

    public override Tool CreateTool() => new ErrRedirectTool { Url = Url, Internal = Internal };
}
