using System.ComponentModel;

namespace Cherry.Infrastructure;

/// <summary>
/// CherryPy maps every punctuation character of a path segment to <c>_</c> before looking up a member.
/// Generated dispatch code normalises a segment into a stack buffer and switches on the result.
/// </summary>
/// <remarks>For generated code; not meant to be called by hand.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Segment
{
    /// <summary>Segments longer than this are not member names; dispatch treats them as unmatched without copying.</summary>
    public const int MaxMemberLength = SegmentNaming.MaxLength;

    /// <summary>Copies <paramref name="segment"/> into <paramref name="buffer"/> with punctuation mapped to <c>_</c>.</summary>
    public static ReadOnlySpan<char> Normalize(ReadOnlySpan<char> segment, Span<char> buffer)
    {
        if (segment.Length > buffer.Length)
        {
            return ReadOnlySpan<char>.Empty;
        }
        var first = segment.IndexOfAny(Punctuation);
        if (first < 0)
        {
            // Most segments are plain member names: nothing to map, nothing to copy.
            return segment;
        }
        segment.CopyTo(buffer);
        for (var i = first; i < segment.Length; i++)
        {
            if (IsPunctuation(buffer[i]))
            {
                buffer[i] = '_';
            }
        }
        return buffer[..segment.Length];
    }

    private static readonly System.Buffers.SearchValues<char> Punctuation = System.Buffers.SearchValues.Create(
        Enumerable.Range(0, 128).Select(c => (char)c).Where(IsPunctuation).ToArray());

    /// <summary>A popped segment's value: <c>%2F</c>, kept encoded while the path was split, decoded.</summary>
    public static string Value(ReadOnlySpan<char> segment) => segment.ToString().Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);

    /// <summary>Python's <c>string.punctuation</c>: the ASCII symbols.</summary>
    public static bool IsPunctuation(char c) => c < 128 && (char.IsAsciiLetterOrDigit(c) is false) && c > ' ' && c != 127;
}
