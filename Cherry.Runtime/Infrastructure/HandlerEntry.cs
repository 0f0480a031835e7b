using System.ComponentModel;

namespace Cherry.Infrastructure;

/// <summary>
/// One handler at one position of a generated tree, as the build knows it: its invoker, the tools its attributes declare,
/// its [Config] keys. Generated code creates these and nothing changes them; what start-up computes for it (its chains
/// and settings) is kept apart, in its mounted app's <c>CompletedHandler</c>.
/// </summary>
/// <remarks>For generated code; not meant to be called by hand.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class HandlerEntry
{
    /// <param name="path">The handler's position in the tree (<c>/dir1/leaf</c>), which per-path config sections match.</param>
    /// <param name="invoke">Binds the arguments and calls the handler; null for an entry that only answers <paramref name="dispatchError"/>.</param>
    /// <param name="createTools">Creates the tools declared by attributes, outermost class first.</param>
    /// <param name="allow">The <c>Allow</c> header of a REST resource.</param>
    /// <param name="dispatchError">404 or 405 when dispatch found no handler; answered before the body is read.</param>
    /// <param name="requiresSession">The handler takes a <see cref="Session"/>: start-up checks that the sessions tool is on for it.</param>
    /// <param name="services">The handler's [FromServices] parameters and their types: start-up checks that DI has each.</param>
    /// <param name="jsonOut">The handler is <c>[JsonOut]</c> (or, for a 405, its REST class is): its errors are problem documents.</param>
    /// <param name="tools">What the build's plan knows of each tool <paramref name="createTools"/> makes, in order: its config name (null
    /// for a hand-written attribute, whose name only its tool knows) and where it is written (<c>[Gzip] on Site.Admin.Index</c>).</param>
    /// <param name="config">The <c>[Config]</c> keys of its classes and its method, root first: each at the tree path it applies from,
    /// with the class or method that wrote it and its plain-text value (null: None).</param>
    /// <param name="metadata">Creates the ASP.NET Core endpoint metadata of its classes and its method, root first (<c>[Authorize]</c>,
    /// <c>[EnableRateLimiting]</c>, ...), which the policies of ASP.NET Core's middleware read after dispatch.</param>
    /// <param name="metadataSources">Where each of <paramref name="metadata"/>'s attributes is written (<c>[Authorize] on Site.Admin</c>).</param>
    public HandlerEntry(string path, Func<Request, ValueTask>? invoke, Func<Tool[]>? createTools = null, string? allow = null, int dispatchError = 0,
        bool requiresSession = false, (string Parameter, Type Type)[]? services = null, bool jsonOut = false,
        (string Path, string Source, string Key, string? Value)[]? config = null, (string? Name, string Source)[]? tools = null,
        Func<object[]>? metadata = null, string[]? metadataSources = null)
    {
        CreateMetadata = metadata;
        MetadataSources = metadataSources ?? [];
        Tools = tools ?? [];
        Config = config ?? [];
        Services = services ?? [];
        JsonOut = jsonOut;
        RequiresSession = requiresSession;
        Path = path;
        Invoke = invoke;
        CreateTools = createTools ?? (static () => []);
        Allow = allow;
        DispatchError = dispatchError;
    }

    public string Path { get; }

    public string? Allow { get; }

    public int DispatchError { get; }

    public bool RequiresSession { get; }

    public bool JsonOut { get; }

    internal (string Parameter, Type Type)[] Services { get; }

    internal Func<Request, ValueTask>? Invoke { get; }

    /// <summary>Configuration written in code for this handler (<see cref="ConfigAttribute"/>), merged at start-up level by level with the sections.</summary>
    internal (string Path, string Source, string Key, string? Value)[] Config { get; }

    internal Func<Tool[]> CreateTools { get; }

    /// <summary>Creates the handler's endpoint metadata; null when it has none.</summary>
    internal Func<object[]>? CreateMetadata { get; }

    internal string[] MetadataSources { get; }

    /// <summary>The plan's facts of the tools <see cref="CreateTools"/> makes, in order (empty when it makes none).</summary>
    internal (string? Name, string Source)[] Tools { get; }

    public override string ToString() => Path;
}
