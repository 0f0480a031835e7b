namespace Cherry;

/// <summary>Path rules the static tools share: resolving configured paths and keeping requests inside a directory.</summary>
internal static class StaticPaths
{
    /// <summary>
    /// An absolute path for <paramref name="path"/>: <c>~</c> expanded; a relative one under <paramref name="root"/>
    /// (CherryPy's rule) when there is one, itself taken from <paramref name="contentRoot"/> when relative, else under
    /// the app's content root, as ASP.NET Core resolves content paths (not the current directory).
    /// </summary>
    public static string Resolve(string path, string? root, string contentRoot)
    {
        if (path.StartsWith('~'))
        {
            path = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + path[1..];
        }
        var under = root is null ? contentRoot : Path.Combine(contentRoot, root);
        return Path.GetFullPath(Path.Combine(under, path));
    }

    /// <summary>
    /// The file system path for <paramref name="remainder"/> below <paramref name="root"/> (a full path without a
    /// trailing separator, whose own symlinks <paramref name="realRoot"/> resolves), or null when a part of it does
    /// not exist. <paramref name="found"/> is what the path names, a <see cref="FileInfo"/> or a
    /// <see cref="DirectoryInfo"/>, already read from the disk, so the caller needs no second look.
    /// </summary>
    /// <exception cref="HttpError">403 for a path that leaves the directory, also through a symlink; 400 for a NUL byte.</exception>
    public static string? Inside(string root, string realRoot, string remainder, out FileSystemInfo? found)
    {
        found = null;
        // Case-insensitive searches cost more than a scan for '%', which most paths lack.
        var decoded = remainder.Contains('%')
            ? remainder.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase).Replace("%5C", "\\", StringComparison.OrdinalIgnoreCase)
            : remainder;
        if (decoded.Contains('\0'))
        {
            throw new HttpError(400, "The path contains a NUL byte.");
        }
        var candidate = Path.GetFullPath(Path.Combine(root, decoded.TrimStart('/', '\\')));
        if (!Contains(root, candidate))
        {
            throw new HttpError(403);
        }
        // Follow each part below the root: a symlink may point anywhere, so its target must stay inside too.
        var current = realRoot;
        FileSystemInfo info = new DirectoryInfo(realRoot);
        foreach (var part in candidate[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            info = new FileInfo(current);
            if (!info.Exists)
            {
                info = new DirectoryInfo(current);
                if (!info.Exists)
                {
                    return null;
                }
            }
            // The attribute comes with the status already read; LinkTarget would cost a readlink for every part.
            if ((info.Attributes & FileAttributes.ReparsePoint) != 0)
            {
                current = info.ResolveLinkTarget(returnFinalTarget: true) is { } target ? Path.GetFullPath(target.FullName) : current;
                if (!Contains(realRoot, current))
                {
                    throw new HttpError(403);
                }
            }
        }
        // 'a.txt/', 'a.txt//' and 'a.txt/.' name a directory, which a file is not (POSIX's ENOTDIR): a miss, as in
        // CherryPy, rather than a check passed on 'a.txt' and a send that fails on 'a.txt/'.
        if (info is FileInfo && NamesDirectory(decoded))
        {
            return null;
        }
        found = info;
        return Path.TrimEndingDirectorySeparator(candidate);
    }

    /// <summary>Whether a path ends in a separator or a dot segment, so it can only name a directory.</summary>
    private static bool NamesDirectory(string path)
    {
        var last = path.AsSpan(path.AsSpan().LastIndexOfAny('/', '\\') + 1);
        return last is "" or "." or "..";
    }

    /// <summary>The directory as a full path with its own symlinks resolved, once, at start-up.</summary>
    public static string RealDirectory(string directory)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        var current = Path.GetPathRoot(full) ?? "/";
        foreach (var part in full[current.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            var info = new DirectoryInfo(current);
            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
            {
                current = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target.FullName));
            }
        }
        return current;
    }

    private static bool Contains(string root, string path) =>
        path.StartsWith(root, StringComparison.Ordinal) && (path.Length == root.Length || path[root.Length] == Path.DirectorySeparatorChar);

    /// <summary>Extension and type pairs (ToolRules.ContentTypePairs holds them to pairs) as a map.</summary>
    public static Dictionary<string, string> PairsToMap(string[] pairs)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < pairs.Length; i += 2)
        {
            map[pairs[i].TrimStart('.')] = pairs[i + 1];
        }
        return map;
    }
}
