namespace Cherry;

/// <summary>
/// A mounted root's dispatch tree, generated at compile time: a chain of switches on path segments,
/// with no reflection and no lookup tables built at run time.
/// </summary>
public abstract class DispatchTree
{
    /// <summary>Every handler position of the tree, for the start-up completion of tool chains.</summary>
    public abstract IReadOnlyList<HandlerEntry> Handlers { get; }

    /// <summary>Walks <paramref name="walker"/> from <paramref name="root"/>; false when no handler matches.</summary>
    public abstract bool Resolve(object root, ref PathWalker walker, ref HandlerMatch match);
}

/// <summary>Where generated module initialisers register the tree of each root type given to <c>MapCherry&lt;T&gt;</c>.</summary>
public static class DispatchTreeRegistry
{
    public static void Register<TRoot>(Func<DispatchTreeContext, DispatchTree> factory) => Holder<TRoot>.Factory = factory;

    public static DispatchTree Create<TRoot>(DispatchTreeContext context) =>
        Holder<TRoot>.Factory?.Invoke(context) ?? throw new InvalidOperationException(
            $"Cherry generated no dispatch tree for {typeof(TRoot).FullName}. Is Cherry's source generator referenced, "
            + "and does the type (or a class below it) have an [Exposed] method?");

    private static class Holder<TRoot>
    {
        public static Func<DispatchTreeContext, DispatchTree>? Factory;
    }
}
