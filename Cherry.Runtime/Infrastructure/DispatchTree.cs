using System.ComponentModel;

namespace Cherry.Infrastructure;

/// <summary>
/// A mounted root's dispatch tree, generated at compile time: a chain of switches on path segments,
/// with no reflection and no lookup tables built at run time.
/// </summary>
/// <remarks>For generated code; not meant to be called by hand.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class DispatchTree
{
    /// <summary>Every handler position of the tree, for the start-up completion of tool chains.</summary>
    public abstract IReadOnlyList<HandlerEntry> Handlers { get; }

    /// <summary>Walks <paramref name="walker"/> from <paramref name="root"/>; false when no handler matches.</summary>
    public abstract bool Resolve(object root, ref PathWalker walker, ref HandlerMatch match);
}
