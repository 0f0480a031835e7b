namespace Cherry;

/// <summary>The tools that configuration can turn on by name (<c>tools.&lt;name&gt;.on = True</c>).</summary>
public sealed class ToolRegistry
{
    private readonly Dictionary<string, Func<Tool>> _factories = new(StringComparer.Ordinal);

    public ToolRegistry()
    {
        Register(static () => new TrailingSlashTool());
        Register(static () => new EncodeTool());
        Register(static () => new DecodeTool());
        Register(static () => new GzipTool());
        Register(static () => new EtagsTool());
        Register(static () => new ExpiresTool());
        Register(static () => new CachingTool());
        Register(static () => new JsonInTool());
        Register(static () => new ResponseHeadersTool());
        Register(static () => new AcceptTool());
        Register(static () => new AllowTool());
        Register(static () => new AutovaryTool());
        Register(static () => new FlattenTool());
        Register(static () => new IgnoreHeadersTool());
        Register(static () => new ProxyTool());
        Register(static () => new RedirectTool());
        Register(static () => new ErrRedirectTool());
        Register(static () => new RefererTool());
        Register(static () => new LogHeadersTool());
        Register(static () => new LogTracebacksTool());
        Register(static () => new LogHooksTool());
        Register(static () => new LogAccessTool());
        Register(static () => new StaticDirTool());
        Register(static () => new AuthBasicTool());
        Register(static () => new SessionsTool());
        Register(static () => new CpStatsTool());
        Register(static () => new ProfilerTool());
        Register(static () => new SessionAuthTool());
        Register(static () => new AuthDigestTool());
        Register(static () => new StaticFileTool());
    }

    /// <summary>
    /// Registers a tool under its own <see cref="Tool.Name"/>; a user's tool registered here is configurable exactly
    /// like a built-in one (<c>tools.&lt;name&gt;.on = True</c>).
    /// </summary>
    public void Register(Func<Tool> factory) => _factories[factory().Name] = factory;

    public bool Contains(string name) => _factories.ContainsKey(name);

    public bool TryCreate(string name, out Tool tool)
    {
        if (_factories.TryGetValue(name, out var factory))
        {
            tool = factory();
            return true;
        }
        tool = null!;
        return false;
    }
}
