using System.ComponentModel;

namespace Cherry.Infrastructure;

/// <summary>
/// The tool a <see cref="ToolDeclarationAttribute"/> class makes when its hook wraps the handler
/// (<c>RunAsync(Request request, Func&lt;ValueTask&gt; handler)</c>, CherryPy's <c>HandlerWrapperTool</c>): run on a copy of
/// the attribute that configuration's values were bound to at start-up.
/// </summary>
/// <remarks>For generated code; not meant to be called by hand.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class DeclaredHandlerWrapper<TDeclaration>(
    string name,
    int priority,
    TDeclaration declared,
    Func<TDeclaration, ToolArguments, TDeclaration> bind,
    Func<TDeclaration, Request, Func<ValueTask>, ValueTask> run) : Tool
    where TDeclaration : ToolAttribute
{
    private TDeclaration? _bound;

    public override string Name => name;

    public override void Configure(ToolArguments arguments) => _bound = bind(declared, arguments);

    public override void Attach(ToolChainBuilder chain)
    {
        var bound = _bound ?? declared;
        chain.WrapHandler(name, priority, (request, next) => run(bound, request, () => next(request)));
    }
}
