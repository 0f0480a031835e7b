using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace Cherry;

/// <summary>
/// <c>cherrypy.url()</c> outside a request: URLs from a base and a mount's script name, for background jobs, start-up
/// and e-mails. AddCherry registers it as a singleton, so take it from DI; the static <see cref="Build"/> needs
/// nothing. Inside a request, <see cref="Request.Url"/> is the one to use: it knows the client's Host, the proxy
/// tool's rewrites and the current path; this one knows only what the server listens on.
/// </summary>
public sealed class CherryUrls
{
    private readonly IServer? _server;

    /// <param name="server">The server whose first listening address is the default base (CherryPy's <c>server.base()</c>).</param>
    public CherryUrls(IServer? server) => _server = server;

    /// <summary>
    /// The URL of <paramref name="path"/> below the mount at <paramref name="scriptName"/> (<c>""</c> for an app mounted
    /// at <c>/</c>), from <paramref name="baseUrl"/> or, without one, <see cref="ServerBase()"/>. A path without a leading
    /// slash is taken from the mount's root (CherryPy joins it to the script name without a slash).
    /// </summary>
    /// <exception cref="InvalidOperationException">No base is given and the server listens on no address yet.</exception>
    public string Url(string path = "", string? queryString = null, string scriptName = "", string? baseUrl = null) =>
        Build(baseUrl ?? ServerBase(), path, queryString, scriptName);

    /// <summary>
    /// The base of the server's first listening address (CherryPy's <c>cherrypy.server.base()</c>), as
    /// <see cref="ServerBase(string)"/> reads it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The server listens on no address (not started, or no server).</exception>
    public string ServerBase()
    {
        var addresses = _server?.Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault()
            ?? throw new InvalidOperationException("The server listens on no address yet (it starts with the app): pass a baseUrl.");
        return ServerBase(first);
    }

    /// <summary>
    /// <c>scheme://host[:port]</c> for a listening address such as Kestrel lists (<c>http://0.0.0.0:8080</c>): a
    /// wildcard host (<c>0.0.0.0</c>, <c>[::]</c>, <c>+</c>, <c>*</c>) is this machine's name, as CherryPy answers,
    /// and the scheme's default port is left out. A Unix socket gives <c>http://localhost</c>.
    /// </summary>
    /// <exception cref="FormatException"><paramref name="address"/> is no listening address.</exception>
    public static string ServerBase(string address)
    {
        var binding = BindingAddress.Parse(address);
        var scheme = binding.Scheme.ToLowerInvariant();
        if (binding.IsUnixPipe || binding.IsNamedPipe)
        {
            return scheme + "://localhost";
        }
        var host = binding.Host is "0.0.0.0" or "[::]" or "::" or "+" or "*" ? System.Net.Dns.GetHostName() : binding.Host;
        var defaultPort = scheme == "https" ? 443 : 80;
        var port = binding.Port == defaultPort ? "" : ":" + binding.Port.ToString(CultureInfo.InvariantCulture);
        return scheme + "://" + host + port + binding.PathBase;
    }

    /// <summary>
    /// <c>baseUrl + scriptName + path + ?queryString</c>, the path normalised as <c>cherrypy.url</c> does (<c>.</c> and
    /// <c>..</c> resolved, never above the mount). What <see cref="Request.Url"/> builds from too.
    /// </summary>
    public static string Build(string baseUrl, string path, string? queryString = null, string scriptName = "")
    {
        var url = string.Concat(baseUrl.TrimEnd('/'), scriptName.TrimEnd('/'), Http.UrlPath.Normalize(path.StartsWith('/') ? path : "/" + path));
        return string.IsNullOrEmpty(queryString) ? url : url + "?" + queryString;
    }
}
