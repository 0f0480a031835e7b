using Microsoft.AspNetCore.Http;

namespace Cherry;

/// <summary>
/// CherryPy's staticdir sees the request-target as sent, so <c>/static/../../x</c> reaches it and its containment
/// check answers 403. Kestrel removes dot segments before routing: that request arrives as <c>/x</c>, and no static
/// tool would see it. This reads the raw target instead and refuses, with the same 403, a GET or HEAD whose dot
/// segments climb out of a staticdir section of the app. Dot segments still never reach the file system: a request
/// that is not refused is served by its normalised path, so dot segments that stay inside a section leave the
/// file to the tool, as CherryPy serves it.
/// </summary>
internal static class StaticTraversal
{
    /// <exception cref="HttpError">403 when the raw path climbs out of the deepest staticdir section it starts in.</exception>
    public static void ThrowIfLeavingSection(Request request)
    {
        var (context, app) = (request.HttpContext, request.App);
        var sections = app.StaticSections;
        if (sections.Count == 0 || context.Request.Method is not ("GET" or "HEAD")
            || RequestTarget.Raw(context) is not ['/', ..] target)
        {
            return;
        }
        var query = target.IndexOf('?');
        var rawPath = query < 0 ? target : target[..query];
        var script = app.ScriptName;
        // A dot segment starts right after a slash; most paths have none and are let through at once (the escaped
        // form is looked for only in a path with an escape, as a case-insensitive search costs more).
        if ((!rawPath.Contains("/.", StringComparison.Ordinal)
                && !(rawPath.Contains('%') && rawPath.Contains("/%2e", StringComparison.OrdinalIgnoreCase)))
            || !rawPath.StartsWith(script, StringComparison.Ordinal)
            || (rawPath.Length > script.Length && rawPath[script.Length] != '/'))
        {
            return;
        }
        var pathInfo = rawPath[script.Length..];
        var treePath = app.VirtualHosts is { } hosts ? hosts.DispatchPath(context, pathInfo) : pathInfo;
        foreach (var section in sections)
        {
            if (section == "/" || treePath.StartsWith(section + "/", StringComparison.Ordinal))
            {
                if (Climbs(section == "/" ? treePath : treePath[section.Length..]))
                {
                    throw new HttpError(403);
                }
                return;
            }
        }
    }

    /// <summary>Whether a <c>..</c> (also as <c>%2e</c>) takes the path above where it starts, as CherryPy's normpath finds.</summary>
    private static bool Climbs(string remainder)
    {
        var depth = 0;
        foreach (var segment in remainder.Split('/'))
        {
            var name = segment.Replace("%2e", ".", StringComparison.OrdinalIgnoreCase);
            if (name == "..")
            {
                if (--depth < 0)
                {
                    return true;
                }
            }
            else if (name is not ("" or "."))
            {
                depth++;
            }
        }
        return false;
    }
}
