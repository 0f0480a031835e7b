namespace Cherry.Http;

/// <summary>Joins and normalises URL paths the way <c>cherrypy.url</c> does: <c>.</c> and <c>..</c> resolved, never above the root.</summary>
public static class UrlPath
{
    /// <summary>Resolves <paramref name="relative"/> against the directory of <paramref name="current"/>.</summary>
    public static string Join(string current, string relative)
    {
        if (relative.Length == 0)
        {
            return current;
        }
        var slash = current.LastIndexOf('/');
        return (slash < 0 ? "/" : current[..(slash + 1)]) + relative;
    }

    /// <summary>CherryPy's <c>urljoin</c>: joins the non-empty atoms with <c>/</c>, collapses <c>//</c>; nothing is <c>/</c>.</summary>
    public static string UrlJoin(params string[] atoms)
    {
        var joined = string.Join("/", atoms.Where(a => a.Length > 0));
        while (joined.Contains("//", StringComparison.Ordinal))
        {
            joined = joined.Replace("//", "/", StringComparison.Ordinal);
        }
        return joined.Length == 0 ? "/" : joined;
    }

    public static string Normalize(string path)
    {
        if (!path.Contains("/.", StringComparison.Ordinal))
        {
            return path.Length == 0 ? "/" : path;
        }
        var parts = new List<string>();
        var segments = path.Split('/');
        foreach (var segment in segments)
        {
            switch (segment)
            {
                case "." or "":
                    break;
                case "..":
                    if (parts.Count > 0)
                    {
                        parts.RemoveAt(parts.Count - 1);
                    }
                    break;
                default:
                    parts.Add(segment);
                    break;
            }
        }
        var last = segments[^1];
        var trailing = path.EndsWith('/') || last is "." or "..";
        var joined = "/" + string.Join('/', parts);
        return trailing && parts.Count > 0 ? joined + "/" : joined;
    }
}
