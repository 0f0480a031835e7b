namespace Cherry;

/// <summary>
/// The base of every attribute that turns a tool on for a handler, its class, or a whole sub-tree
/// (tools on a class apply to every handler below it, as <c>_cp_config</c> does).
/// The generator re-creates the attribute with its arguments in generated code and calls
/// <see cref="CreateTool"/> once per handler at start-up, so user attributes work the same way as
/// the built-in ones and nothing is read by reflection.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public abstract class ToolAttribute : Attribute
{
    public abstract Tool CreateTool();
}
