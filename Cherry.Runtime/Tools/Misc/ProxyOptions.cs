namespace Cherry;

/// <summary>
/// proxy's arguments and their defaults (CherryPy's, and <see cref="TrustedProxies"/>, which CherryPy lacks).
/// <see cref="ProxyAttribute"/> sets them, configuration's <c>tools.proxy.*</c> overrides them; their keys are declared
/// once in Shared/ToolCatalog.cs.
/// </summary>
public sealed record ProxyOptions
{
    internal const string DefaultLocal = "X-Forwarded-Host";
    internal const string DefaultRemote = "X-Forwarded-For";
    internal const string DefaultScheme = "X-Forwarded-Proto";

    /// <summary>Loopback only, as ASP.NET Core's forwarded-headers middleware trusts by default: a proxy on the same host.</summary>
    internal static readonly string[] DefaultTrustedProxies = ["127.0.0.0/8", "::1"];

    /// <summary>The host (optionally with scheme) to assume when no forwarding header names one (<c>base</c>).</summary>
    public string? Base { get; init; }

    /// <summary>The header naming the host the client used; empty ignores it (<c>local</c>).</summary>
    public string Local { get; init; } = DefaultLocal;

    /// <summary>The header naming the client's address; empty ignores it (<c>remote</c>).</summary>
    public string Remote { get; init; } = DefaultRemote;

    /// <summary>The header naming the scheme the client used; empty ignores it (<c>scheme</c>).</summary>
    public string Scheme { get; init; } = DefaultScheme;

    /// <summary>
    /// The proxies whose forwarding headers count, as addresses or networks (<c>10.0.0.5</c>, <c>10.0.0.0/8</c>);
    /// loopback by default (<c>trusted_proxies</c>). A request whose peer is not one of them is taken as it came, its
    /// forwarding headers ignored; the client address is the nearest <see cref="Remote"/> entry that is not one of them.
    /// </summary>
    public string[] TrustedProxies { get; init; } = DefaultTrustedProxies;

    internal ProxyOptions Bind(ToolArguments arguments) => new()
    {
        Base = arguments.Bind(ToolCatalog.Proxy.Base, Base),
        Local = arguments.Bind(ToolCatalog.Proxy.Local, Local),
        Remote = arguments.Bind(ToolCatalog.Proxy.Remote, Remote),
        Scheme = arguments.Bind(ToolCatalog.Proxy.Scheme, Scheme),
        TrustedProxies = arguments.Bind(ToolCatalog.Proxy.TrustedProxies, TrustedProxies),
    };
}
