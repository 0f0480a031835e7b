using System.Text.RegularExpressions;

namespace Cherry.Http;

/// <summary>
/// Where a redirect target leads, read as a browser reads it (WHATWG URL): tabs and newlines are dropped, leading
/// spaces and controls too, and for http and https a backslash is a slash. So <c>\\evil.example\x</c>,
/// <c>/\evil.example</c> and <c>/&#9;/evil.example</c> are all <c>//evil.example</c> to a browser: another site.
/// A target without a scheme is a path on this site, whatever separators it starts with (CherryPy's urljoin, and .NET's
/// Uri, which reads <c>\\host\x</c> as a UNC path and answers <c>file://host/x</c>, would both send the client away);
/// a target with a scheme names its place explicitly and is taken as it is.
/// </summary>
internal static partial class RedirectTarget
{
    /// <summary>
    /// The absolute URL of <paramref name="target"/> from <paramref name="current"/>: a target without a scheme always on
    /// current's scheme and authority; null for a target with a scheme that .NET's Uri does not read as that scheme.
    /// </summary>
    public static Uri? Resolve(Uri current, string target)
    {
        if (SchemePattern().Match(target) is { Success: true } scheme)
        {
            // C:\x has the scheme "c" to a browser, and is file:///C:/x to Uri: what a browser would not open is not given.
            // A browser drops tabs and newlines inside a scheme, Uri refuses them: such a target is not given either.
            return Uri.TryCreate(target, UriKind.Absolute, out var absolute)
                && absolute.Scheme.Equals(scheme.Groups[1].Value, StringComparison.OrdinalIgnoreCase)
                ? absolute
                : null;
        }
        var path = OnSite(target);
        return Uri.TryCreate(current, path, out var resolved) && resolved.Scheme == current.Scheme && resolved.Authority == current.Authority
            ? resolved
            // Never expected (the path has at most one leading slash); if Uri ever reads it elsewhere, the site's root.
            : new Uri(current, "/");
    }

    /// <summary>
    /// The target as a reference within the site: its leading run of spaces, controls, slashes and backslashes, which a
    /// browser would read as the start of an authority when it holds two separators, becomes one slash (none when it
    /// holds no separator, as a browser drops leading spaces).
    /// </summary>
    private static string OnSite(string target)
    {
        var start = 0;
        var separator = false;
        while (start < target.Length && (target[start] <= ' ' || target[start] is '/' or '\\'))
        {
            separator |= target[start] is '/' or '\\';
            start++;
        }
        return start == 0 ? target : (separator ? "/" : "") + target[start..];
    }

    /// <summary>A scheme (RFC 3986: a letter, then letters, digits, +, - or .) and its colon, as a browser finds it: after leading spaces and controls, across tabs and newlines.</summary>
    [GeneratedRegex(@"^[\x00-\x20]*([A-Za-z][A-Za-z0-9+.\-\t\r\n]*):")]
    private static partial Regex SchemePattern();
}
