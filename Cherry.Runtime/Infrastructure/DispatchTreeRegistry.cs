using System.ComponentModel;

namespace Cherry.Infrastructure;

/// <summary>Where generated module initialisers register the tree of each root type given to <c>MapCherry&lt;T&gt;</c>.</summary>
/// <remarks>For generated code; not meant to be called by hand.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
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
