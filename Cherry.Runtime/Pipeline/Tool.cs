namespace Cherry;

/// <summary>
/// A tool: a named unit of behaviour that binds callbacks to hook points, like CherryPy's toolbox.
/// One instance serves one handler; it is created and configured at start-up and then only read.
/// A tool may serve the response itself (set <see cref="Request.Handled"/>) or replace the error
/// response (set <see cref="Request.ErrorResponse"/>), so one shape covers plain, handler and error tools.
/// </summary>
public abstract class Tool
{
    /// <summary>The config name, as in <c>tools.&lt;name&gt;.on</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Adds this tool's hooks to a handler's chain.</summary>
    public abstract void Attach(ToolChainBuilder chain);

    /// <summary>
    /// Applies <c>tools.&lt;name&gt;.&lt;arg&gt;</c> values from configuration and checks the tool's settings (from
    /// configuration or its attribute); each consumed key must be taken from <paramref name="arguments"/>.
    /// </summary>
    public virtual void Configure(ToolArguments arguments) { }

    /// <summary>
    /// Takes what the tool needs from DI, once, at start-up (after <see cref="Configure"/>). A missing service stops
    /// start-up here, naming the key or realm and how to register it, instead of failing the first request.
    /// </summary>
    public virtual void Resolve(IServiceProvider services, ToolArguments arguments) { }

    /// <summary>Tools that must be on wherever this one is (session_auth needs sessions); checked at start-up.</summary>
    public virtual IReadOnlyList<string> Requires => [];

    /// <summary>
    /// The argument keys the tool's declaration names (a built-in's catalog entry, a <c>[ToolDeclaration]</c> class's
    /// properties), which start-up holds configuration's keys to even where <see cref="Configure"/> stopped early; empty
    /// for a tool written by hand, whose keys are those it reads.
    /// </summary>
    internal virtual IEnumerable<string> ArgumentKeys => ToolCatalog.Find(Name)?.Arguments.Select(a => a.Key) ?? [];

    /// <summary>
    /// What the configured tool adds to its whole mounted app, once per position it serves (staticdir's section and the
    /// check every request of the app gets before dispatch); most tools add nothing.
    /// </summary>
    internal virtual void JoinApp(MountedApp app) { }
}

/// <summary>A tool that runs one callback at one hook point.</summary>
public abstract class HookTool : Tool
{
    public abstract HookPoint Point { get; }

    public virtual int Priority => 50;

    public virtual bool Failsafe => false;

    public abstract ValueTask RunAsync(Request request);

    public sealed override void Attach(ToolChainBuilder chain) => chain.Add(Name, Point, Priority, Failsafe, RunAsync);
}
