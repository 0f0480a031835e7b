namespace Cherry;

/// <summary>
/// The arguments of redirect and of err_redirect, which take the same two. <see cref="RedirectAttribute"/> and
/// <see cref="ErrRedirectAttribute"/> set them, configuration's <c>tools.redirect.*</c> and <c>tools.err_redirect.*</c>
/// override them; their keys and rules are declared once in Shared/ToolCatalog.cs.
/// </summary>
public sealed record RedirectOptions
{
    /// <summary>Where requests go; required (<c>url</c>).</summary>
    public string Url { get; init; } = "";

    /// <summary>Re-run the request as a GET on the new path; false answers 303 (<c>internal</c>).</summary>
    public bool Internal { get; init; } = true;

    /// <summary>Binds the arguments of one of the two tools: <see cref="ToolCatalog.Redirect"/> or <see cref="ToolCatalog.ErrRedirect"/>.</summary>
    internal RedirectOptions Bind(ToolArguments arguments, ToolArgument<string> url, ToolArgument<bool> isInternal) => new()
    {
        Url = arguments.Bind(url, Url),
        Internal = arguments.Bind(isInternal, Internal),
    };
}
