using System.ComponentModel;

namespace Cherry.Infrastructure;

/// <summary>What dispatch found: filled by generated code, read by the request runner.</summary>
/// <remarks>For generated code; not meant to be called by hand.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct HandlerMatch
{
    /// <summary>The request's HTTP method (input): REST resources choose their handler by it.</summary>
    public string Method;
    /// <summary>The request being dispatched (input), for a <see cref="DispatchAttribute"/> hook that takes it.</summary>
    public Request? Request;
    public HandlerEntry? Entry;
    public object? Target;
    /// <summary>Index in the path of the first positional segment, or -1.</summary>
    public int VirtualPathStart;
    public bool IsIndex;
    /// <summary>Parameters popped from the path (popargs); null when none, so the common case allocates nothing.</summary>
    public List<Parameter>? PathParameters;

    public void Set(HandlerEntry entry, object target, int virtualPathStart, bool isIndex)
    {
        Entry = entry;
        Target = target;
        VirtualPathStart = virtualPathStart;
        IsIndex = isIndex;
    }

    public readonly int PathParameterCount => PathParameters?.Count ?? 0;

    /// <summary>Drops parameters popped on a branch that matched nothing.</summary>
    public readonly void RemovePathParametersFrom(int count) => PathParameters?.RemoveRange(count, PathParameters.Count - count);

    public void AddPathParameter(string name, ReadOnlySpan<char> value) =>
        (PathParameters ??= []).Add(new Parameter(name, Segment.Value(value), ParameterSource.Path));
}
