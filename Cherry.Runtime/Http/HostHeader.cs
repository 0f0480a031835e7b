using Microsoft.AspNetCore.Http;

namespace Cherry.Http;

/// <summary>
/// The authority a request names, for <see cref="Request.Base"/>: its Host header, or the local address it came in
/// on when the header is absent or empty (HTTP/1.0, or RFC 9112 §3.2's empty Host), as CherryPy falls back to the
/// server's own name. Kestrel lets through hosts that no URL can carry (<c>a..b</c>, <c>a:99999</c>); such a request
/// is a 400, as RFC 9112 §3.2 asks, rather than a failure where a redirect builds a URL from it.
/// </summary>
internal static class HostHeader
{
    /// <summary>False when the Host header cannot be the authority of an absolute URL.</summary>
    /// <param name="lastValid">
    /// The last host this check accepted, kept by the caller: clients send the same Host request after request, so
    /// comparing with it skips the parse. A racing write only costs a later check.
    /// </param>
    public static bool IsValid(HostString host, ref string? lastValid)
    {
        var value = host.Value;
        if (string.IsNullOrEmpty(value) || value == lastValid)
        {
            return true;
        }
        if (IsPlainName(value) || Uri.TryCreate("http://" + value + "/", UriKind.Absolute, out _))
        {
            lastValid = value;
            return true;
        }
        return false;
    }

    /// <summary><c>host</c> or <c>host:port</c>, or the local endpoint when the request names no host.</summary>
    public static string Authority(HttpContext context)
    {
        var host = context.Request.Host;
        if (host.HasValue)
        {
            return host.Value!;
        }
        var local = context.Connection.LocalIpAddress;
        var name = local is null ? "localhost"
            : local.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "[" + local + "]" : local.ToString();
        return context.Connection.LocalPort is > 0 and var port ? name + ":" + port.ToString(System.Globalization.CultureInfo.InvariantCulture) : name;
    }

    // The common cases without parsing a Uri: a DNS name whose labels are letters, digits and inner hyphens and whose
    // last label starts with a letter, or a dotted IPv4 address; either with a port within range. Anything else is
    // left to Uri's judgement.
    private static bool IsPlainName(string value)
    {
        var colon = value.LastIndexOf(':');
        var name = colon < 0 ? value.AsSpan() : value.AsSpan(0, colon);
        if (colon >= 0 && !(value.Length - colon - 1 is > 0 and <= 5
            && int.TryParse(value.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port)
            && port <= 65535))
        {
            return false;
        }
        var labels = 0;
        var lastStartsWithLetter = false;
        foreach (var range in name.Split('.'))
        {
            var label = name[range];
            if (label.IsEmpty || label[0] == '-' || label[^1] == '-' || label.ContainsAnyExcept(LabelCharacters))
            {
                return false;
            }
            labels++;
            lastStartsWithLetter = char.IsAsciiLetter(label[0]);
        }
        return lastStartsWithLetter || labels == 4 && System.Net.IPAddress.TryParse(name, out _);
    }

    private static readonly System.Buffers.SearchValues<char> LabelCharacters =
        System.Buffers.SearchValues.Create("-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
}
