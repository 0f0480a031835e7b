namespace Cherry;

/// <summary>Path rules the static tools share: resolving configured paths and keeping requests inside a directory.</summary>
internal static class StaticPaths
{
    /// <summary>An absolute path for <paramref name="path"/>: <c>~</c> expanded, relative ones under <paramref name="root"/>; null when relative without a root.</summary>
    public static string? Resolve(string path, string? root)
    {
        if (path.StartsWith('~'))
        {
            path = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + path[1..];
        }
        if (Path.IsPathRooted(path))
        {
            return Path.GetFullPath(path);
        }
        return root is null ? null : Path.GetFullPath(Path.Combine(root, path));
    }

    /// <summary>
    /// The file system path for <paramref name="remainder"/> below <paramref name="directory"/>, or null when it would
    /// leave the directory (also through a symlink).
    /// </summary>
    /// <exception cref="HttpError">403 for an escape attempt, 400 for a NUL byte.</exception>
    public static string? Inside(string directory, string remainder)
    {
        var decoded = remainder.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase).Replace("%5C", "\\", StringComparison.OrdinalIgnoreCase);
        if (decoded.Contains('\0'))
        {
            throw new HttpError(400, "The path contains a NUL byte.");
        }
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        var candidate = Path.GetFullPath(Path.Combine(root, decoded.TrimStart('/', '\\')));
        if (!Contains(root, candidate))
        {
            throw new HttpError(403);
        }
        var real = RealPath(candidate);
        if (real is not null && !Contains(RealPath(root) ?? root, real))
        {
            throw new HttpError(403);
        }
        return candidate;
    }

    private static bool Contains(string root, string path) =>
        path == root || path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The path with every symlink along it resolved; null when a part does not exist.</summary>
    private static string? RealPath(string path)
    {
        var parts = path.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var current = Path.GetPathRoot(path) ?? "/";
        foreach (var part in parts)
        {
            current = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (!info.Exists)
            {
                return null;
            }
            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
            {
                current = Path.GetFullPath(target.FullName);
            }
        }
        return current;
    }

    public static Dictionary<string, string> PairsToMap(string[] pairs, ToolArguments? arguments, string argument)
    {
        if (pairs.Length % 2 != 0)
        {
            throw arguments is null
                ? new ArgumentException("Extensions and content types come in pairs.", argument)
                : arguments.Malformed(argument, "expected pairs of extension and content type.");
        }
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < pairs.Length; i += 2)
        {
            map[pairs[i].TrimStart('.')] = pairs[i + 1];
        }
        return map;
    }
}
