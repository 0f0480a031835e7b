using System.Collections.Concurrent;
using System.ComponentModel;

namespace Cherry.Infrastructure;

/// <summary>
/// The binders of the options classes typed namespaces bind to (<see cref="CherryOptions.ConfigNamespace{T}"/>), registered
/// by the generated module initialiser of the app's assembly: each creates the class and sets a property by name, so no
/// reflection reads the class at run time.
/// </summary>
/// <remarks>For generated code; not meant to be called by hand.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ConfigBinders
{
    private static readonly ConcurrentDictionary<Type, ConfigBinder> Binders = new();

    /// <param name="create">A new instance with the class's defaults.</param>
    /// <param name="set">Sets the named property to a value read for its type (an enum's as its member's name).</param>
    /// <param name="properties">The settable properties: name, type, and an enum's member names.</param>
    public static void Register<T>(Func<T> create, Action<T, string, object> set, params (string Property, Type Type, string[]? EnumNames)[] properties)
        where T : class =>
        Binders[typeof(T)] = new ConfigBinder(new ConfigOptionsType(typeof(T).Name, properties.Select(p => new ConfigOptionsProperty(p.Property, KindOf(p.Type, p.EnumNames), p.EnumNames))),
            () => create(), (target, property, value) => set((T)target, property, value));

    internal static ConfigBinder Find(Type type) =>
        Binders.TryGetValue(type, out var binder) ? binder
        : throw new CherryConfigurationException(CherryConfig.GlobalSection, type.Name,
            $"no binder was generated for {type.Name}: call options.ConfigNamespace<{type.Name}>(\"name\") with a constant name in the app's own code, so the build sees it.");

    private static ConfigValueKind KindOf(Type type, string[]? enumNames) =>
        enumNames is not null ? ConfigValueKind.Enum
        : type == typeof(bool) ? ConfigValueKind.Boolean
        : type == typeof(int) ? ConfigValueKind.Int32
        : type == typeof(long) ? ConfigValueKind.Int64
        : type == typeof(double) ? ConfigValueKind.Double
        : type == typeof(string[]) ? ConfigValueKind.List
        : ConfigValueKind.Text;
}

/// <summary>One options class's binder: its keys judged as the build judges them (<see cref="ConfigOptionsType"/>), then set.</summary>
internal sealed class ConfigBinder(ConfigOptionsType shape, Func<object> create, Action<object, string, object> set)
{
    /// <summary>
    /// A new instance with the keys of namespace <paramref name="name"/> among <paramref name="values"/> set; each bad key
    /// or value is added to <paramref name="errors"/>, naming where it was set.
    /// </summary>
    public object Bind(string name, IEnumerable<(string Key, string Value, string Origin)> values, List<CherryConfigurationException> errors)
    {
        var options = create();
        var prefix = name + ".";
        foreach (var (key, value, origin) in values.Where(v => v.Key.StartsWith(prefix, StringComparison.Ordinal)))
        {
            if (shape.Read(key[prefix.Length..], value, out var property, out var read) is { } problem)
            {
                errors.Add(new CherryConfigurationException(origin, key, problem.Message));
            }
            else
            {
                set(options, property!.Name, read!);
            }
        }
        return options;
    }
}
