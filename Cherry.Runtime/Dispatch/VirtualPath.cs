namespace Cherry;

/// <summary>The segments left for a <see cref="DispatchAttribute"/> hook (CherryPy's <c>vpath</c>, without the synthetic "index").</summary>
public sealed class VirtualPath
{
    private readonly string[] _segments;
    private int _next;

    public VirtualPath(string[] segments) => _segments = segments;

    public int Count => _segments.Length - _next;

    public string this[int index] => _segments[_next + index];

    /// <summary>How many segments the hook consumed.</summary>
    public int Popped => _next;

    public string Pop() => Count > 0 ? _segments[_next++] : throw new InvalidOperationException("No segment is left to pop.");
}
