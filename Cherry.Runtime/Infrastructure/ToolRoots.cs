using System.ComponentModel;

namespace Cherry.Infrastructure;

/// <summary>
/// The built-in tools an app's configuration names, registered by the generated module initialiser of the app's
/// assembly. Only these are referenced by code, so native AOT trims every other tool away; <see cref="ToolRegistry"/>
/// starts from them.
/// </summary>
/// <remarks>For generated code; not meant to be called by hand. Register a tool by hand with <see cref="ToolRegistry.Register"/>.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ToolRoots
{
    private static readonly List<Func<Tool>> Rooted = [];

    public static void Add(Func<Tool> factory)
    {
        lock (Rooted)
        {
            Rooted.Add(factory);
        }
    }

    internal static Func<Tool>[] Snapshot()
    {
        lock (Rooted)
        {
            return [.. Rooted];
        }
    }
}
