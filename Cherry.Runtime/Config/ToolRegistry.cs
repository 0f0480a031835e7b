namespace Cherry;

/// <summary>The tools that configuration can turn on by name (<c>tools.&lt;name&gt;.on = True</c>).</summary>
public sealed class ToolRegistry
{
    private readonly Dictionary<string, Func<Tool>> _factories = new(StringComparer.Ordinal);

    public ToolRegistry()
    {
        Register(TrailingSlashTool.ToolName, static () => new TrailingSlashTool());
        Register(EncodeTool.ToolName, static () => new EncodeTool());
        Register(DecodeTool.ToolName, static () => new DecodeTool());
        Register(GzipTool.ToolName, static () => new GzipTool());
        Register(EtagsTool.ToolName, static () => new EtagsTool());
        Register(ExpiresTool.ToolName, static () => new ExpiresTool());
        Register(CachingTool.ToolName, static () => new CachingTool());
        Register(JsonInTool.ToolName, static () => new JsonInTool());
        Register(ResponseHeadersTool.ToolName, static () => new ResponseHeadersTool());
        Register(AcceptTool.ToolName, static () => new AcceptTool());
        Register(AllowTool.ToolName, static () => new AllowTool());
        Register(AutovaryTool.ToolName, static () => new AutovaryTool());
        Register(FlattenTool.ToolName, static () => new FlattenTool());
        Register(IgnoreHeadersTool.ToolName, static () => new IgnoreHeadersTool());
        Register(ProxyTool.ToolName, static () => new ProxyTool());
        Register(RedirectTool.ToolName, static () => new RedirectTool());
        Register(ErrRedirectTool.ToolName, static () => new ErrRedirectTool());
        Register(RefererTool.ToolName, static () => new RefererTool());
        Register(LogHeadersTool.ToolName, static () => new LogHeadersTool());
        Register(LogTracebacksTool.ToolName, static () => new LogTracebacksTool());
        Register(LogHooksTool.ToolName, static () => new LogHooksTool());
        Register(LogAccessTool.ToolName, static () => new LogAccessTool());
        Register(StaticDirTool.ToolName, static () => new StaticDirTool());
        Register(AuthBasicTool.ToolName, static () => new AuthBasicTool());
        Register(SessionsTool.ToolName, static () => new SessionsTool());
        Register(CpStatsTool.ToolName, static () => new CpStatsTool());
        Register(ProfilerTool.ToolName, static () => new ProfilerTool());
        Register(SessionAuthTool.ToolName, static () => new SessionAuthTool());
        Register(AuthDigestTool.ToolName, static () => new AuthDigestTool());
        Register(StaticFileTool.ToolName, static () => new StaticFileTool());
    }

    /// <summary>Registers a tool; a user's tool registered here is configurable exactly like a built-in one.</summary>
    public void Register(string name, Func<Tool> factory) => _factories[name] = factory;

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
