namespace Cherry;

/// <summary>
/// proxy's arguments and their defaults (CherryPy's). <see cref="ProxyAttribute"/> sets them, configuration's
/// <c>tools.proxy.*</c> overrides them; their keys are declared once in Shared/ToolCatalog.cs.
/// </summary>
public sealed record ProxyOptions
{
    internal const string DefaultLocal = "X-Forwarded-Host";
    internal const string DefaultRemote = "X-Forwarded-For";
    internal const string DefaultScheme = "X-Forwarded-Proto";

    /// <summary>The host (optionally with scheme) to assume when no forwarding header names one (<c>base</c>).</summary>
    public string? Base { get; init; }

    /// <summary>The header naming the host the client used; empty ignores it (<c>local</c>).</summary>
    public string Local { get; init; } = DefaultLocal;

    /// <summary>The header naming the client's address; empty ignores it (<c>remote</c>).</summary>
    public string Remote { get; init; } = DefaultRemote;

    /// <summary>The header naming the scheme the client used; empty ignores it (<c>scheme</c>).</summary>
    public string Scheme { get; init; } = DefaultScheme;

    internal ProxyOptions Bind(ToolArguments arguments) => new()
    {
        Base = arguments.Bind(ToolCatalog.Proxy.Base, Base),
        Local = arguments.Bind(ToolCatalog.Proxy.Local, Local),
        Remote = arguments.Bind(ToolCatalog.Proxy.Remote, Remote),
        Scheme = arguments.Bind(ToolCatalog.Proxy.Scheme, Scheme),
    };
}
