namespace Cherry;

/// <summary>The tools that configuration can turn on by name (<c>tools.&lt;name&gt;.on = True</c>).</summary>
public sealed class ToolRegistry
{
    private readonly Dictionary<string, Func<Tool>> _factories = new(StringComparer.Ordinal);

    public ToolRegistry()
    {
        Register(TrailingSlashTool.ToolName, static () => new TrailingSlashTool());
        Register(EncodeTool.ToolName, static () => new EncodeTool());
        Register(JsonInTool.ToolName, static () => new JsonInTool());
        Register(ResponseHeadersTool.ToolName, static () => new ResponseHeadersTool());
    }

    /// <summary>Registers a tool; a user's tool registered here is configurable exactly like a built-in one.</summary>
    public void Register(string name, Func<Tool> factory) => _factories[name] = factory;

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
