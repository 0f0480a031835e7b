using Microsoft.AspNetCore.Http;

namespace Cherry;

/// <summary>
/// CherryPy's <c>VirtualHost</c> dispatcher: the request's host picks a sub-tree prefix, put before the path for
/// dispatch and config sections only (the handler still sees the browser's path, and <see cref="Request.Url"/> builds
/// on it). Host names compare without case; a name given without a port matches every port, one with a port only it.
/// </summary>
internal sealed class VirtualHosts(IReadOnlyDictionary<string, string> prefixes, bool useXForwardedHost)
{
    private readonly Dictionary<string, string> _prefixes = new(prefixes, StringComparer.OrdinalIgnoreCase);

    /// <summary>The path to dispatch: <paramref name="pathInfo"/> behind the host's prefix, or unchanged for another host.</summary>
    public string DispatchPath(HttpContext context, string pathInfo)
    {
        var host = useXForwardedHost && context.Request.Headers["X-Forwarded-Host"] is [{ Length: > 0 } forwarded, ..]
            ? forwarded
            : context.Request.Headers.Host.ToString();
        if (!_prefixes.TryGetValue(host, out var prefix))
        {
            var colon = host.LastIndexOf(':');
            // "[::1]:8080" keeps its brackets; a bare IPv6 address has no port to drop.
            if (colon <= 0 || host.IndexOf(']', colon) >= 0 || !_prefixes.TryGetValue(host[..colon], out prefix))
            {
                return pathInfo;
            }
        }
        return prefix + (pathInfo.StartsWith('/') ? pathInfo : "/" + pathInfo);
    }
}
