namespace Cherry;

/// <summary>
/// Configuration in code for a class's tree positions or one handler, as CherryPy's <c>_cp_config</c> and
/// <c>@cherrypy.config</c>: <c>[Config("tools.gzip.on", true)]</c>, <c>[Config("tools.caching.delay", 3600)]</c>,
/// <c>[Config("db.scheme", "sqlite")]</c>. At each level of a path the class's keys come first and the config section of
/// that same path overrides them; deeper levels override shallower ones, and a handler's keys override its class's. The
/// value is written as configuration's plain text (<c>true</c> as <c>True</c>, numbers invariant, an enum by name, an
/// array as <c>a, b</c>; null is Python's None), and checked at build (CHERRY0018/0019) and at start-up as a config
/// file's would be.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class ConfigAttribute(string key, object? value) : Attribute
{
    public string Key { get; } = key;

    public object? Value { get; } = value;
}
