using System.ComponentModel;

namespace Cherry.Infrastructure;

/// <summary>
/// The tool a <see cref="ToolDeclarationAttribute"/> class makes: one hook at the declared point, run on a copy of the
/// attribute that configuration's <c>tools.&lt;name&gt;.*</c> values were bound to at start-up.
/// </summary>
/// <remarks>For generated code; not meant to be called by hand.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class DeclaredTool<TDeclaration>(
    string name,
    HookPoint point,
    int priority,
    bool failsafe,
    TDeclaration declared,
    Func<TDeclaration, ToolArguments, TDeclaration> bind,
    Func<TDeclaration, Request, ValueTask> run) : HookTool
    where TDeclaration : ToolAttribute
{
    /// <summary>The attribute as written until start-up binds configuration to a copy of it.</summary>
    private TDeclaration? _bound;

    public override string Name => name;

    public override HookPoint Point => point;

    public override int Priority => priority;

    public override bool Failsafe => failsafe;

    public override void Configure(ToolArguments arguments) => _bound = bind(declared, arguments);

    public override ValueTask RunAsync(Request request) => run(_bound ?? declared, request);
}
