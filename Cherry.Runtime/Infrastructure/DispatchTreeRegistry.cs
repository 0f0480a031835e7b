using System.ComponentModel;

namespace Cherry.Infrastructure;

/// <summary>Where generated module initialisers register the tree of each root type given to <c>MapCherry&lt;T&gt;</c>.</summary>
/// <remarks>For generated code; not meant to be called by hand.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DispatchTreeRegistry
{
    public static void Register<TRoot>(Func<DispatchTreeContext, DispatchTree> factory) => Holder<TRoot>.Factory = factory;

    /// <summary>
    /// The tree's OpenAPI document, a constant the generator writes when the app calls <c>MapCherryOpenApi</c>: paths
    /// below the mount point, which <c>MapCherryOpenApi</c> prefixes with each mount's path.
    /// </summary>
    public static void RegisterOpenApi<TRoot>(string document) => Holder<TRoot>.OpenApi = document;

    /// <summary>The document <see cref="RegisterOpenApi{TRoot}"/> was given, or null when none was generated.</summary>
    internal static string? OpenApi<TRoot>() => Holder<TRoot>.OpenApi;

    public static DispatchTree Create<TRoot>(DispatchTreeContext context) =>
        Holder<TRoot>.Factory?.Invoke(context) ?? throw new InvalidOperationException(
            $"Cherry generated no dispatch tree for {typeof(TRoot).FullName}. Is Cherry's source generator referenced, "
            + "and does the type (or a class below it) have an [Exposed] method?");

    /// <summary>Registers how to build <typeparamref name="TRoot"/> through its constructor, its parameters from DI.</summary>
    public static void RegisterRoot<TRoot>(Func<NodeServices, TRoot> create) => Holder<TRoot>.CreateRoot = create;

    internal static TRoot CreateRoot<TRoot>(NodeServices services) =>
        Holder<TRoot>.CreateRoot is { } create ? create(services) : throw new InvalidOperationException(
            $"Cherry generated no constructor call for {typeof(TRoot).FullName}: it needs a public constructor, or pass "
            + "the root object itself to MapCherry(root, scriptName).");

    private static class Holder<TRoot>
    {
        public static Func<DispatchTreeContext, DispatchTree>? Factory;

        public static Func<NodeServices, TRoot>? CreateRoot;

        public static string? OpenApi;
    }
}
