namespace Cherry;

/// <summary>
/// The tools that configuration can turn on by name (<c>tools.&lt;name&gt;.on = True</c>): the ones on by default, the
/// built-in ones Cherry's generator saw named in the app (attributes, <c>*.conf</c> and <c>appsettings*.json</c> files,
/// <c>"tools.…"</c> strings in code), and those registered by hand. Native AOT keeps no other tool.
/// </summary>
public sealed partial class ToolRegistry
{
    private readonly Dictionary<string, Func<Tool>> _factories = new(StringComparer.Ordinal);

    public ToolRegistry()
    {
        // The tools on by default are in every chain, so rooting them costs nothing.
        foreach (var factory in DefaultOn)
        {
            Register(factory);
        }
        foreach (var factory in ToolRoots.Snapshot())
        {
            Register(factory);
        }
    }

    /// <summary>
    /// Registers a tool under its own <see cref="Tool.Name"/>; a user's tool registered here is configurable exactly
    /// like a built-in one (<c>tools.&lt;name&gt;.on = True</c>).
    /// </summary>
    public void Register(Func<Tool> factory) => _factories[factory().Name] = factory;

    public bool Contains(string name) => _factories.ContainsKey(name);

    /// <summary>The names configuration can turn on.</summary>
    internal IEnumerable<string> Names => _factories.Keys;

    /// <summary>Why a tool name is unknown: a built-in tool the app never named is trimmed, and says how to opt in.</summary>
    internal static string Unknown(string name) =>
        ToolCatalog.Find(name) is { } builtIn
            ? $"the built-in tool '{name}' is not in this app: Cherry's generator keeps a built-in tool only where it sees it named "
              + $"(an attribute, a *.conf or appsettings*.json file of the project, a \"tools.{name}.…\" string in code). "
              + $"Opt in with AddCherry(options => options.Tools.Register(() => new {builtIn.ToolClass}()))."
            : $"there is no tool named '{name}'.";

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
