using System.ComponentModel;

namespace Cherry.Infrastructure;

/// <summary>
/// The tool a <see cref="ToolDeclarationAttribute"/> class makes: its hook at the declared point, or its wrapper around
/// the handler's call (<c>RunAsync(Request request, Func&lt;ValueTask&gt; handler)</c>, CherryPy's <c>HandlerWrapperTool</c>),
/// run on a copy of the attribute that configuration's <c>tools.&lt;name&gt;.*</c> values were bound to at start-up.
/// </summary>
/// <remarks>For generated code; not meant to be called by hand.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class DeclaredTool<TDeclaration> : Tool
    where TDeclaration : ToolAttribute
{
    private readonly string _name;
    private readonly HookPoint _point;
    private readonly int _priority;
    private readonly bool _failsafe;
    private readonly TDeclaration _declared;
    private readonly string[] _keys;
    private readonly Func<TDeclaration, ToolArguments, TDeclaration> _bind;
    private readonly Func<TDeclaration, Request, ValueTask>? _run;
    private readonly Func<TDeclaration, Request, Func<ValueTask>, ValueTask>? _wrap;

    /// <summary>The attribute as written until start-up binds configuration to a copy of it.</summary>
    private TDeclaration? _bound;

    /// <summary>A tool whose hook runs at <paramref name="point"/>.</summary>
    /// <param name="keys">The config key of each argument the class declares.</param>
    public DeclaredTool(string name, HookPoint point, int priority, bool failsafe, TDeclaration declared, string[] keys,
        Func<TDeclaration, ToolArguments, TDeclaration> bind, Func<TDeclaration, Request, ValueTask> run)
        : this(name, priority, declared, keys, bind)
    {
        (_point, _failsafe, _run) = (point, failsafe, run);
    }

    /// <summary>A tool that wraps the handler's call.</summary>
    public DeclaredTool(string name, int priority, TDeclaration declared, string[] keys,
        Func<TDeclaration, ToolArguments, TDeclaration> bind, Func<TDeclaration, Request, Func<ValueTask>, ValueTask> wrap)
        : this(name, priority, declared, keys, bind) => _wrap = wrap;

    private DeclaredTool(string name, int priority, TDeclaration declared, string[] keys, Func<TDeclaration, ToolArguments, TDeclaration> bind) =>
        (_name, _priority, _declared, _keys, _bind) = (name, priority, declared, keys, bind);

    public override string Name => _name;

    internal override IEnumerable<string> ArgumentKeys => _keys;

    public override void Configure(ToolArguments arguments) => _bound = _bind(_declared, arguments);

    public override void Attach(ToolChainBuilder chain)
    {
        var bound = _bound ?? _declared;
        if (_wrap is { } wrap)
        {
            chain.WrapHandler(_name, _priority, (request, next) => wrap(bound, request, () => next(request)));
        }
        else
        {
            var run = _run!;
            chain.Add(_name, _point, _priority, _failsafe, request => run(bound, request));
        }
    }
}
