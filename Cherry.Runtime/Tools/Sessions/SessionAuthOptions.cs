namespace Cherry;

/// <summary>
/// session_auth's arguments and their defaults. Configuration's <c>tools.session_auth.*</c> sets them; their keys are
/// declared once in Shared/ToolCatalog.cs.
/// </summary>
public sealed record SessionAuthOptions
{
    /// <summary>The key of the <see cref="SessionAuthenticator"/> registered in DI (<c>authenticator</c>).</summary>
    public string Authenticator { get; init; } = ToolCatalog.SessionAuth.DefaultAuthenticator;

    /// <summary>The session entry that holds the logged-in user's name (<c>session_key</c>).</summary>
    public string SessionKey { get; init; } = "username";

    internal SessionAuthOptions Bind(ToolArguments arguments) => new()
    {
        Authenticator = arguments.Bind(ToolCatalog.SessionAuth.Authenticator, Authenticator),
        SessionKey = arguments.Bind(ToolCatalog.SessionAuth.SessionKey, SessionKey),
    };
}
