using Microsoft.AspNetCore.Http;

namespace Cherry;

/// <summary>
/// sessions's arguments and their defaults (CherryPy's, but for the cookie's safer defaults). <see cref="SessionsAttribute"/>
/// sets some of them, configuration's <c>tools.sessions.*</c> overrides them; their keys and rules are declared once in
/// Shared/ToolCatalog.cs.
/// </summary>
public sealed record SessionsOptions
{
    /// <summary>CherryPy's cookie name; the OpenAPI document names its session scheme plainly <c>session</c> for it.</summary>
    internal const string DefaultCookieName = "session_id";

    /// <summary>The cookie's name (<c>name</c>).</summary>
    public string CookieName { get; init; } = DefaultCookieName;

    /// <summary>Minutes a session lives after its last save; positive, fractions allowed (<c>timeout</c>).</summary>
    public double Timeout { get; init; } = 60;

    /// <summary>Keeps the id from page scripts; on by default, CherryPy's default is off (<c>httponly</c>).</summary>
    public bool HttpOnly { get; init; } = true;

    /// <summary>
    /// When the cookie is <c>Secure</c>: by default when the request is HTTPS (behind a proxy, once
    /// <c>UseForwardedHeaders</c> has set the scheme); CherryPy's default is never (<c>secure</c>: True, False or SameAsRequest).
    /// </summary>
    public CookieSecurePolicy Secure { get; init; } = CookieSecurePolicy.SameAsRequest;

    /// <summary>The cookie's SameSite (<c>samesite</c>: Lax, Strict or None).</summary>
    public SameSiteMode SameSite { get; init; } = SameSiteMode.Lax;

    /// <summary>The cookie outlives the browser session, for <see cref="Timeout"/> (<c>persistent</c>).</summary>
    public bool Persistent { get; init; } = true;

    /// <summary>When a session is locked (<c>locking</c>: implicit, early or explicit).</summary>
    public SessionLocking Locking { get; init; } = SessionLocking.Implicit;

    /// <summary>Seconds to wait for a session's lock before a 503 (<c>lock_timeout</c>).</summary>
    public int LockTimeout { get; init; } = 30;

    /// <summary>The cookie's Domain (<c>domain</c>).</summary>
    public string? Domain { get; init; }

    /// <summary>The cookie's Path; by default <see cref="PathHeader"/>'s value, else <c>/</c> (<c>path</c>).</summary>
    public string? Path { get; init; }

    /// <summary>A request header that gives the cookie's Path (<c>path_header</c>).</summary>
    public string? PathHeader { get; init; }

    /// <summary>
    /// <c>ram</c> (the <see cref="ISessionStore"/> registered in DI, in memory unless replaced) or <c>file</c>
    /// (<c>storage_class</c>; CherryPy's <c>RamSession</c> and <c>FileSession</c> are accepted).
    /// </summary>
    public string StorageClass { get; init; } = "ram";

    /// <summary>The folder of file sessions, under the content root unless absolute (<c>storage_path</c>).</summary>
    public string? StoragePath { get; init; }

    /// <summary>Minutes between sweeps of expired sessions, fractions allowed; 0 turns the sweep off (<c>clean_freq</c>).</summary>
    public double CleanFrequency { get; init; } = 5;

    internal SessionsOptions Bind(ToolArguments arguments) => new()
    {
        CookieName = arguments.Bind(ToolCatalog.Sessions.CookieName, CookieName),
        Timeout = arguments.Bind(ToolCatalog.Sessions.Timeout, Timeout),
        HttpOnly = arguments.Bind(ToolCatalog.Sessions.HttpOnly, HttpOnly),
        Secure = arguments.TryGetString(ToolCatalog.Sessions.Secure.Key, out var secure) ? SecureFrom(secure, arguments) : Secure,
        SameSite = EnumFrom(arguments, ToolCatalog.Sessions.SameSite, SameSite, "Lax, Strict or None"),
        Persistent = arguments.Bind(ToolCatalog.Sessions.Persistent, Persistent),
        Locking = EnumFrom(arguments, ToolCatalog.Sessions.Locking, Locking, "implicit, early or explicit"),
        LockTimeout = arguments.Bind(ToolCatalog.Sessions.LockTimeout, LockTimeout),
        Domain = arguments.Bind(ToolCatalog.Sessions.Domain, Domain),
        Path = arguments.Bind(ToolCatalog.Sessions.Path, Path),
        PathHeader = arguments.Bind(ToolCatalog.Sessions.PathHeader, PathHeader),
        StorageClass = arguments.Bind(ToolCatalog.Sessions.StorageClass, StorageClass).ToLowerInvariant() switch
        {
            "ram" or "ramsession" => "ram",
            "file" or "filesession" => "file",
            var other => throw arguments.Malformed(ToolCatalog.Sessions.StorageClass.Key,
                $"'{other}' is not a session store here (ram or file; register ISessionStore for others)."),
        },
        StoragePath = arguments.Bind(ToolCatalog.Sessions.StoragePath, StoragePath),
        CleanFrequency = arguments.Bind(ToolCatalog.Sessions.CleanFrequency, CleanFrequency),
    };

    /// <summary>A switch's words (ConfigGrammar's, as every switch reads them), or a policy's name.</summary>
    private static CookieSecurePolicy SecureFrom(string text, ToolArguments arguments) =>
        ConfigGrammar.TryParseBoolean(text, out var on) ? (on ? CookieSecurePolicy.Always : CookieSecurePolicy.None)
        : text.ToLowerInvariant() switch
        {
            "always" => CookieSecurePolicy.Always,
            "none" => CookieSecurePolicy.None,
            "sameasrequest" => CookieSecurePolicy.SameAsRequest,
            _ => throw arguments.Malformed(ToolCatalog.Sessions.Secure.Key, $"'{text}' is not a policy: expected True (or Always), False (or None), or SameAsRequest."),
        };

    /// <summary>An enum argument configuration gives by name (the catalog declares it a string).</summary>
    private static T EnumFrom<T>(ToolArguments arguments, ToolArgument<string> argument, T current, string accepted)
        where T : struct, Enum =>
        !arguments.TryGetString(argument.Key, out var text) ? current
        : Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) ? value
        : throw arguments.Malformed(argument.Key, $"'{text}' is not accepted: expected {accepted}.");
}
