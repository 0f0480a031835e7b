using System.Globalization;

namespace Cherry.Http;

/// <summary>One satisfiable range: <see cref="Start"/> inclusive, <see cref="Stop"/> exclusive.</summary>
public readonly record struct ByteRange(long Start, long Stop)
{
    public long Length => Stop - Start;
}

/// <summary>CherryPy's <c>get_ranges</c>, with RFC 9110's rule that a malformed Range header is ignored.</summary>
public static class ByteRanges
{
    /// <summary>
    /// Parses <c>bytes=a-b,c-,-n</c> for an entity of <paramref name="length"/> bytes.
    /// </summary>
    /// <returns>
    /// null when the header must be ignored (not bytes, malformed, or a range ending before it starts): serve the whole entity;
    /// an empty list when no range is satisfiable: answer 416; otherwise the ranges, clamped to the entity.
    /// </returns>
    public static IReadOnlyList<ByteRange>? Parse(string? header, long length)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }
        var equals = header.IndexOf('=');
        if (equals < 0 || !header[..equals].Trim().Equals("bytes", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var ranges = new List<ByteRange>();
        foreach (var raw in header[(equals + 1)..].Split(','))
        {
            var spec = raw.Trim();
            var dash = spec.IndexOf('-');
            if (dash < 0)
            {
                return null;
            }
            var first = spec[..dash].Trim();
            var last = spec[(dash + 1)..].Trim();
            if (first.Length == 0)
            {
                // Suffix range: the last N bytes; an empty or zero suffix is not a range.
                if (!TryNumber(last, out var suffix) || suffix == 0)
                {
                    return null;
                }
                ranges.Add(new ByteRange(Math.Max(0, length - suffix), length));
                continue;
            }
            if (!TryNumber(first, out var start))
            {
                return null;
            }
            long stop;
            if (last.Length == 0)
            {
                stop = length;
            }
            else if (!TryNumber(last, out var end))
            {
                return null;
            }
            else if (end < start)
            {
                return null;
            }
            else
            {
                stop = end < length ? end + 1 : length;
            }
            if (start < length)
            {
                ranges.Add(new ByteRange(start, stop));
            }
        }
        return ranges;
    }

    private static bool TryNumber(string text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
