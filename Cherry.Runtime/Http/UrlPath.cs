namespace Cherry;

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
