using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;

namespace Cherry;

/// <summary>
/// CherryPy's <c>proxy</c>: behind a reverse proxy, takes the scheme, host and client address from forwarding headers,
/// so <see cref="Request.Url"/>, redirects, <see cref="Request.Scheme"/> (the session cookie's Secure) and
/// <see cref="Request.RemoteAddress"/> report what the client used. Unlike CherryPy it believes those headers only from
/// <see cref="ProxyOptions.TrustedProxies"/>, and reads them hop by hop from the nearest outwards, as ASP.NET Core's
/// forwarded-headers middleware does.
/// </summary>
public sealed partial class ProxyTool : HookTool
{
    private static readonly IPNetwork[] DefaultNetworks = Networks(ToolCatalog.Proxy.DefaultTrustedProxies);

    private IPNetwork[] _trusted = DefaultNetworks;

    partial void Configured(ToolArguments arguments)
    {
        _trusted = Networks(Options.TrustedProxies);
    }

    public override ValueTask RunAsync(Request request)
    {
        Apply(request, Options.Base, Options.Local, Options.Remote, Options.Scheme, _trusted);
        return ValueTask.CompletedTask;
    }

    /// <summary>The helper form; <paramref name="trustedProxies"/> null trusts loopback only.</summary>
    public static void Apply(Request request, string? @base = null, string local = ToolCatalog.Proxy.DefaultLocal, string remote = ToolCatalog.Proxy.DefaultRemote,
        string scheme = ToolCatalog.Proxy.DefaultScheme, string[]? trustedProxies = null) =>
        Apply(request, @base, local, remote, scheme, trustedProxies is null ? DefaultNetworks : Networks(trustedProxies));

    private static void Apply(Request request, string? @base, string local, string remote, string scheme, IPNetwork[] trusted)
    {
        // From any peer but a trusted proxy the forwarding headers are the client's own words: the request stays as it came.
        var (forwardedScheme, forwardedHost, client) = IsTrusted(request.HttpContext.Connection.RemoteIpAddress, trusted)
            ? Forwarded(request.Headers, local, remote, scheme, trusted)
            : default;
        var requestScheme = request.HttpContext.Request.Scheme;
        if (forwardedScheme is not null)
        {
            requestScheme = scheme.Contains("ssl", StringComparison.OrdinalIgnoreCase)
                ? (forwardedScheme.Equals("on", StringComparison.OrdinalIgnoreCase) ? "https" : requestScheme)
                : forwardedScheme;
        }
        var host = forwardedHost ?? @base ?? HostHeader.Authority(request.HttpContext);
        var @new = host.Contains("://", StringComparison.Ordinal) ? host : requestScheme + "://" + host;
        // The forwarding headers may still carry what a client sent through the proxy: a base no URL can be built on is a 400.
        if (!Uri.TryCreate(@new, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https") || parsed.PathAndQuery != "/")
        {
            throw new HttpError(400, "The forwarded host or scheme does not name a valid base URL.");
        }
        // The scheme in lower case whatever the header's case, so that Request.Scheme compares as written.
        request.Base = parsed.Scheme + @new[parsed.Scheme.Length..];
        if (client is not null)
        {
            request.RemoteAddress = client;
        }
    }

    /// <summary>
    /// What the trusted proxies say, hop by hop from the nearest outwards, as ASP.NET Core's forwarded-headers middleware
    /// reads it (CherryPy takes each header's leftmost entry, which the client can write): each proxy appends one entry
    /// to each list, so the n-th entry from the right of every header is the n-th hop's. A hop's entries count while the
    /// peer that sent them is a trusted proxy; its <paramref name="remote"/> entry names the peer before it, the client
    /// once that is no trusted proxy. The farthest counted hop's scheme and host win (a header a proxy overwrites has the
    /// nearest hop's only). An entry that names no address ends the walk: the client is the last address found, if any.
    /// </summary>
    private static (string? Scheme, string? Host, string? Client) Forwarded(IHeaderDictionary headers, string local, string remote, string scheme, IPNetwork[] trusted)
    {
        var (schemes, hosts, peers) = (Entries(headers, scheme), Entries(headers, local), Entries(headers, remote));
        string? forwardedScheme = null, forwardedHost = null, client = null;
        var hops = Math.Max(peers.Length, Math.Max(schemes.Length, hosts.Length));
        for (var hop = 1; hop <= hops; hop++)
        {
            forwardedScheme = At(schemes, hop) ?? forwardedScheme;
            forwardedHost = At(hosts, hop) ?? forwardedHost;
            // An address, or an address and port (1.2.3.4:5678, [::1]:5678) as some proxies write it.
            if (!IPEndPoint.TryParse(At(peers, hop) ?? "", out var peer))
            {
                break;
            }
            var address = Normal(peer.Address);
            client = address.ToString();
            if (!IsTrusted(address, trusted))
            {
                break;
            }
        }
        return (forwardedScheme, forwardedHost, client);

        static string[] Entries(IHeaderDictionary headers, string name) =>
            name.Length == 0 ? [] : headers[name].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        static string? At(string[] entries, int hop) => hop <= entries.Length ? entries[^hop] : null;
    }

    /// <summary>
    /// A peer without an IP address is a Unix socket, which only this host can reach: trusted, as ASP.NET Core's
    /// forwarded-headers middleware trusts it.
    /// </summary>
    private static bool IsTrusted(IPAddress? address, IPNetwork[] trusted) =>
        address is null || Array.Exists(trusted, n => n.Contains(Normal(address)));

    // A dual-stack socket reports IPv4 peers as ::ffff:a.b.c.d; the networks name them as IPv4.
    private static IPAddress Normal(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static IPNetwork[] Networks(string[] entries) => Array.ConvertAll(entries, Network);

    /// <summary>A network (<c>10.0.0.0/8</c>), or an address as a network of one.</summary>
    private static IPNetwork Network(string entry)
    {
        if (entry.Contains('/'))
        {
            return IPNetwork.Parse(entry);
        }
        var address = Normal(IPAddress.Parse(entry));
        return new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
    }
}
