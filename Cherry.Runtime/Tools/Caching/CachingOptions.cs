using Cherry.Shared;

namespace Cherry;

/// <summary>
/// caching's arguments and their defaults (CherryPy's). <see cref="CachingAttribute"/> sets them, configuration's
/// <c>tools.caching.*</c> overrides them; their keys and rules are declared once in Shared/ToolCatalog.cs.
/// </summary>
public sealed record CachingOptions
{
    /// <summary>Seconds a stored response stays fresh (<c>delay</c>).</summary>
    public int Delay { get; init; } = 600;

    /// <summary>Seconds a concurrent miss waits for the first one before computing itself (<c>antistampede_timeout</c>).</summary>
    public int AntiStampedeTimeout { get; init; } = 5;

    /// <summary>Methods whose request removes the URL's stored responses (<c>invalid_methods</c>).</summary>
    public string[] InvalidMethods { get; init; } = ["POST", "PUT", "DELETE"];

    internal CachingOptions Bind(ToolArguments arguments) => new()
    {
        Delay = arguments.Bind(ToolCatalog.Caching.Delay, Delay),
        AntiStampedeTimeout = arguments.Bind(ToolCatalog.Caching.AntiStampedeTimeout, AntiStampedeTimeout),
        InvalidMethods = arguments.Bind(ToolCatalog.Caching.InvalidMethods, InvalidMethods),
    };
}
