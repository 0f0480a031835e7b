using System.Collections.Generic;
using System.Linq;

namespace Cherry.Shared
{
    /// <summary>The kinds of options property a typed namespace binds: each reads by ConfigGrammar's one reading.</summary>
    internal enum ConfigValueKind
    {
        Text,
        Boolean,
        Int32,
        Int64,
        Double,
        List,
        Enum,
    }

    /// <summary>One settable property of an options class: its name, its kind, and an enum's member names.</summary>
    internal sealed class ConfigOptionsProperty
    {
        public ConfigOptionsProperty(string name, ConfigValueKind kind, IReadOnlyList<string>? enumNames = null)
        {
            Name = name;
            Kind = kind;
            EnumNames = enumNames ?? System.Array.Empty<string>();
        }

        public string Name { get; }

        public ConfigValueKind Kind { get; }

        public IReadOnlyList<string> EnumNames { get; }

        /// <summary>What is wrong with <paramref name="text"/> as this property's value, in words, or null.</summary>
        public string? Read(string text) => Kind switch
        {
            ConfigValueKind.Boolean => ConfigGrammar.ReadBoolean(text, out _),
            ConfigValueKind.Int32 => ConfigGrammar.ReadInt32(text, out _),
            ConfigValueKind.Int64 => ConfigGrammar.ReadInt64(text, out _),
            ConfigValueKind.Double => ConfigGrammar.ReadDouble(text, out _),
            ConfigValueKind.Enum => ConfigGrammar.ReadEnumName(text, EnumNames, out _),
            _ => null,
        };
    }

    /// <summary>
    /// An options class a declared namespace binds to (<c>options.ConfigNamespace&lt;DbOptions&gt;("db")</c>), as the build
    /// sees it: its keys are its settable properties (<see cref="ConfigGrammar.OptionName"/>), each value read by its type.
    /// </summary>
    internal sealed class ConfigOptionsType
    {
        private readonly Dictionary<string, ConfigOptionsProperty> _byName;

        public ConfigOptionsType(string typeName, IEnumerable<ConfigOptionsProperty> properties)
        {
            TypeName = typeName;
            Properties = properties.ToList();
            _byName = new Dictionary<string, ConfigOptionsProperty>();
            foreach (var property in Properties)
            {
                _byName[ConfigGrammar.OptionName(property.Name)] = property;
            }
        }

        public string TypeName { get; }

        public IReadOnlyList<ConfigOptionsProperty> Properties { get; }

        /// <summary>What is wrong with the key <paramref name="name"/> (after the namespace) and its value, or null.</summary>
        public (ConfigProblem Problem, string Message)? Check(string name, string? value)
        {
            if (!_byName.TryGetValue(ConfigGrammar.OptionName(name), out var property))
            {
                return (ConfigProblem.UnknownKey, $"{TypeName} has no settable property for '{name}'."
                    + ConfigGrammar.DidYouMean(ConfigGrammar.Nearest(name, Properties.Select(p => ConfigGrammar.SnakeCase(p.Name)))));
            }
            // None leaves the property's default.
            return value is not null && property.Read(value) is { } problem ? (ConfigProblem.InvalidValue, $"{TypeName}.{property.Name}: {problem.TrimEnd('.')}.") : null;
        }
    }
}
