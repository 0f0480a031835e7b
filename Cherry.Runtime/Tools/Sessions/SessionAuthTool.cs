using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace Cherry;

/// <summary>The application's side of <see cref="SessionAuthTool"/>: CherryPy's overridable members, as delegates.</summary>
public sealed class SessionAuthenticator
{
    /// <summary>Returns an error message for bad credentials, null for good ones (CherryPy's <c>check_username_and_password</c>).</summary>
    public required Func<string, string, string?> CheckUsernameAndPassword { get; init; }

    /// <summary>A user name for requests without a login, or null to show the login form (CherryPy's <c>anonymous</c>).</summary>
    public Func<string?>? Anonymous { get; init; }

    public Action<Request, string>? OnLogin { get; init; }

    public Action<Request, string>? OnLogout { get; init; }

    /// <summary>Runs on every request of a logged-in user (CherryPy's <c>on_check</c>).</summary>
    public Action<Request, string>? OnCheck { get; init; }

    /// <summary>Renders the login form: from_page, user name, error message.</summary>
    public Func<string, string, string?, string>? LoginScreen { get; init; }
}

/// <summary>
/// CherryPy's <c>session_auth</c> (a handler tool, before_handler 52, after the session is loaded at 50): a login form,
/// <c>do_login</c> and <c>do_logout</c> (POST only), and a login check on every other path. Unlike CherryPy, a login
/// regenerates the session id (no fixation) and <c>from_page</c> must stay on this site (no open redirect).
/// The <see cref="SessionAuthenticator"/> is the DI service keyed by <see cref="SessionAuthOptions.Authenticator"/>.
/// </summary>
public sealed partial class SessionAuthTool : HookTool
{
    private SessionAuthenticator? _authenticator;

    public override void Resolve(IServiceProvider services, ToolArguments arguments) =>
        _authenticator = services.GetKeyedService<SessionAuthenticator>(Options.Authenticator)
            ?? throw arguments.Malformed(ToolCatalog.SessionAuth.Authenticator.Key, $"no SessionAuthenticator is registered under '{Options.Authenticator}': add builder.Services.AddKeyedSingleton(\"{Options.Authenticator}\", new SessionAuthenticator {{ CheckUsernameAndPassword = ... }}).");

    public override ValueTask RunAsync(Request request)
    {
        var authenticator = _authenticator!;
        var session = request.Session ?? throw new InvalidOperationException("session_auth needs the sessions tool on the same path.");
        var path = request.PathInfo;
        var form = request.Parameters;
        if (path.EndsWith("login_screen", StringComparison.Ordinal))
        {
            return Serve(request, authenticator, form["from_page"] ?? "..", form["username"] ?? "", null);
        }
        if (path.EndsWith("do_login", StringComparison.Ordinal))
        {
            RequirePost(request);
            var (user, password, fromPage) = (form["username"] ?? "", form["password"] ?? "", form["from_page"] ?? "..");
            if (authenticator.CheckUsernameAndPassword(user, password) is { } error)
            {
                return ProblemDetails.IsWanted(request) ? throw Unauthorized(request, error) : Serve(request, authenticator, fromPage, user, error);
            }
            session.Regenerate();
            session[Options.SessionKey] = user;
            request.Login = user;
            authenticator.OnLogin?.Invoke(request, user);
            throw new HttpRedirect(OnSite(request, fromPage));
        }
        if (path.EndsWith("do_logout", StringComparison.Ordinal))
        {
            RequirePost(request);
            if (session[Options.SessionKey] is { } leaving)
            {
                session[Options.SessionKey] = null;
                request.Login = null;
                authenticator.OnLogout?.Invoke(request, leaving);
            }
            throw new HttpRedirect(OnSite(request, form["from_page"] ?? ".."));
        }
        var login = session[Options.SessionKey] ?? authenticator.Anonymous?.Invoke();
        if (login is null)
        {
            // An API client (a [JsonOut] handler, or an Accept of JSON only) cannot use a form: it gets a 401 problem document.
            return ProblemDetails.IsWanted(request)
                ? throw Unauthorized(request, "Sign in first.")
                : Serve(request, authenticator, request.Url(request.PathInfo, request.QueryString), "", null);
        }
        request.Login = login;
        authenticator.OnCheck?.Invoke(request, login);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// A 401 for an API client. RFC 9110 asks a 401 for a challenge; a login form has no registered scheme, so the
    /// challenge is the <c>Cookie</c> scheme of draft-broyer-http-cookie-auth, which names the form's action.
    /// </summary>
    private static HttpError Unauthorized(Request request, string problem)
    {
        var action = request.Url("do_login");
        request.Response.Headers.WWWAuthenticate = $"Cookie form-action=\"{action}\"";
        return new HttpError(401, $"{problem} POST username and password as a form to {action}; the session cookie then signs the requests in.");
    }

    private static void RequirePost(Request request)
    {
        if (request.Method != "POST")
        {
            request.Response.Headers.Allow = "POST";
            throw new HttpError(405);
        }
    }

    /// <summary>A redirect target on this site: other hosts and schemes become the application's root.</summary>
    private static string OnSite(Request request, string fromPage)
    {
        var current = new Uri(request.Url(request.PathInfo));
        return RedirectTarget.Resolve(current, fromPage) is { } target && target.Scheme == current.Scheme && target.Authority == current.Authority
            ? target.AbsoluteUri
            : request.Url("/");
    }

    private static ValueTask Serve(Request request, SessionAuthenticator authenticator, string fromPage, string user, string? error)
    {
        request.Response.ContentType = "text/html";
        request.Response.SetText(authenticator.LoginScreen?.Invoke(fromPage, user, error) ?? DefaultLoginScreen(fromPage, user, error));
        request.Handled = true;
        return ValueTask.CompletedTask;
    }

    private static string DefaultLoginScreen(string fromPage, string user, string? error) => $"""
        <html><body>
        Message: {WebUtility.HtmlEncode(error ?? "")}
        <form method="post" action="do_login">
            Login: <input type="text" name="username" value="{WebUtility.HtmlEncode(user)}" size="10" />
            <br />
            Password: <input type="password" name="password" size="10" />
            <br />
            <input type="hidden" name="from_page" value="{WebUtility.HtmlEncode(fromPage)}" />
            <br />
            <input type="submit" />
        </form>
        </body></html>
        """;
}
