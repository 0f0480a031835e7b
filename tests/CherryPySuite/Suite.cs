namespace CherryPySuite;

/// <summary>A port of one CherryPy test module's <c>setup_server</c>: its services and its mounts.</summary>
public sealed record SuiteModule(Action<WebApplication> Map, Action<IServiceCollection>? AddServices = null);

/// <summary>The ported modules, by the name of CherryPy's test module.</summary>
public static class Suite
{
    public static readonly IReadOnlyDictionary<string, SuiteModule> Modules = new Dictionary<string, SuiteModule>(StringComparer.Ordinal)
    {
        ["test_objectmapping"] = new(Apps.ObjectMapping.Map),
    };
}
