namespace Cherry;

/// <summary>
/// Declares a tool of your own in one class, as CherryPy's <c>Tool(point, callable, name, priority)</c> does in one line:
/// put it on a <c>partial</c> class deriving from <see cref="ToolAttribute"/>. The class's public settable properties are
/// the tool's arguments (<c>TrustedProxies</c> is <c>tools.&lt;name&gt;.trusted_proxies</c>), their initialisers the
/// defaults, and System.ComponentModel.DataAnnotations' <c>[Range]</c>, <c>[Required]</c>, <c>[AllowedValues]</c> and
/// <c>[RegularExpression]</c> on them the rules; its <c>RunAsync(Request)</c> (or <c>void Run(Request)</c>) is the hook.
/// Cherry's generator writes the rest: the tool the attribute creates, the binding of configuration's values to a copy
/// of the attribute, and its registration, so <c>tools.&lt;name&gt;.on = True</c> works without code. The build holds
/// the attribute's constants and every <c>tools.&lt;name&gt;.*</c> key and value of the app's configuration to the
/// declaration (CHERRY0008, CHERRY0018, CHERRY0019); start-up holds the final values to it too.
/// </summary>
/// <param name="name">The config name, as in <c>tools.&lt;name&gt;.on</c>.</param>
/// <param name="point">The hook point the tool runs at.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ToolDeclarationAttribute(string name, HookPoint point) : Attribute
{
    public string Name { get; } = name;

    public HookPoint Point { get; } = point;

    /// <summary>The place among the hook point's tools: lower runs first (CherryPy's default, 50).</summary>
    public int Priority { get; set; } = 50;

    /// <summary>Runs even after an earlier hook of the same point failed (CherryPy's <c>failsafe</c>).</summary>
    public bool Failsafe { get; set; }

    /// <summary>
    /// A toolbox of the tool's own, as CherryPy's <c>Toolbox('myauth')</c>: configuration then names it
    /// <c>myauth.&lt;name&gt;.on</c> instead of <c>tools.&lt;name&gt;.on</c>. Null (the default) is <c>tools</c>.
    /// </summary>
    public string? Namespace { get; set; }
}
