using System.ComponentModel;

namespace Cherry.Infrastructure;

/// <summary>
/// Walks the non-empty segments of a path without allocating (CherryPy drops empty atoms).
/// Generated dispatch code consumes it; a position can be saved and restored for backtracking.
/// </summary>
/// <remarks>For generated code; not meant to be called by hand.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct PathWalker
{
    private readonly ReadOnlySpan<char> _path;

    public PathWalker(ReadOnlySpan<char> path)
    {
        _path = path;
        Position = 0;
    }

    /// <summary>The index in the path where the next segment search starts.</summary>
    public int Position { get; set; }

    /// <summary>True when the path ends with <c>/</c> (decides <see cref="Request.IsIndex"/> for a default handler).</summary>
    public readonly bool EndsWithSlash => _path.Length > 0 && _path[^1] == '/';

    /// <summary>Takes the next non-empty segment.</summary>
    public bool TryNext(out ReadOnlySpan<char> segment)
    {
        while (Position < _path.Length && _path[Position] == '/')
        {
            Position++;
        }
        if (Position >= _path.Length)
        {
            segment = default;
            return false;
        }
        var rest = _path[Position..];
        var end = rest.IndexOf('/');
        segment = end < 0 ? rest : rest[..end];
        Position += segment.Length;
        return true;
    }

    /// <summary>The position of the next non-empty segment, or the path's length when none remains.</summary>
    public readonly int NextSegmentStart
    {
        get
        {
            var p = Position;
            while (p < _path.Length && _path[p] == '/')
            {
                p++;
            }
            return p;
        }
    }

    public readonly bool HasMore => NextSegmentStart < _path.Length;

    /// <summary>The segments not yet taken, for a <see cref="DispatchAttribute"/> hook.</summary>
    public readonly VirtualPath Capture() => new(Remaining(_path[Position..].ToString(), 0));

    /// <summary>Skips segments a <see cref="DispatchAttribute"/> hook consumed.</summary>
    public void Skip(int segments)
    {
        for (var i = 0; i < segments && TryNext(out _); i++)
        {
        }
    }

    /// <summary>The segments from <paramref name="start"/> on, with <c>%2F</c> decoded after splitting.</summary>
    public static string[] Remaining(string path, int start)
    {
        if (start < 0 || start >= path.Length)
        {
            return [];
        }
        var parts = path[start..].Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Contains('%'))
            {
                parts[i] = parts[i].Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
            }
        }
        return parts;
    }
}
