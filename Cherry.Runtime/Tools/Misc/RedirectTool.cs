namespace Cherry;

/// <summary>The target shared by <see cref="RedirectTool"/> and <see cref="ErrRedirectTool"/>: a URL, reached internally or with a 303.</summary>
public abstract class RedirectingTool : HookTool
{
    public override HookPoint Point => HookPoint.OnStartResource;

    public RedirectOptions Options { get; set; } = new();

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
    public const string ToolName = ToolCatalog.Redirect.Name;

    public override string Name => ToolName;

    public override void Configure(ToolArguments arguments) =>
        Options = Options.Bind(arguments, ToolCatalog.Redirect.Url, ToolCatalog.Redirect.Internal);

    public override ValueTask RunAsync(Request request) => throw Redirect(Options.Url, Options.Internal);
}

/// <summary>
/// CherryPy's <c>err_redirect</c>: an error tool. An unhandled exception is answered with a redirect
/// (internal or 303) instead of the 500 page.
/// </summary>
public sealed class ErrRedirectTool : RedirectingTool
{
    public const string ToolName = ToolCatalog.ErrRedirect.Name;

    public override string Name => ToolName;

    public override void Configure(ToolArguments arguments) =>
        Options = Options.Bind(arguments, ToolCatalog.ErrRedirect.Url, ToolCatalog.ErrRedirect.Internal);

    public override ValueTask RunAsync(Request request)
    {
        var (url, isInternal) = (Options.Url, Options.Internal);
        request.ErrorResponse = (_, _) => throw Redirect(url, isInternal);
        return ValueTask.CompletedTask;
    }
}

/// <summary>Turns on <see cref="RedirectTool"/>: <c>[Redirect("/new/place", Internal = false)]</c>.</summary>
public sealed class RedirectAttribute(string url) : ToolAttribute
{
    private RedirectOptions _options = new() { Url = url };

    /// <inheritdoc cref="RedirectOptions.Url"/>
    public string Url => _options.Url;

    /// <inheritdoc cref="RedirectOptions.Internal"/>
    public bool Internal { get => _options.Internal; set => _options = _options with { Internal = value }; }

    public override Tool CreateTool() => new RedirectTool { Options = _options };
}

/// <summary>Turns on <see cref="ErrRedirectTool"/>: <c>[ErrRedirect("/oops", Internal = false)]</c>.</summary>
public sealed class ErrRedirectAttribute(string url) : ToolAttribute
{
    private RedirectOptions _options = new() { Url = url };

    /// <inheritdoc cref="RedirectOptions.Url"/>
    public string Url => _options.Url;

    /// <inheritdoc cref="RedirectOptions.Internal"/>
    public bool Internal { get => _options.Internal; set => _options = _options with { Internal = value }; }

    public override Tool CreateTool() => new ErrRedirectTool { Options = _options };
}
