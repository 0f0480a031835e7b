using System.Collections.Generic;
using System.Linq;

namespace Cherry.Shared
{
    /// <summary>The two kinds of finding a key and its value can get: CHERRY0018 and CHERRY0019.</summary>
    internal enum ConfigProblem
    {
        UnknownKey,
        InvalidValue,
    }

    /// <summary>
    /// What is wrong with a configured key or value, and, for a misspelt name, the word at fault and the nearest known
    /// one, which the message offers ("Did you mean ...") and a code fix puts in its place.
    /// </summary>
    internal sealed class ConfigFinding
    {
        public ConfigFinding(ConfigProblem problem, string message)
        {
            Problem = problem;
            Message = message;
        }

        public ConfigProblem Problem { get; }

        public string Message { get; }

        /// <summary>The misspelt name (or the quoted value) as written; null when there is no suggestion.</summary>
        public string? Misspelt { get; private set; }

        public string? Nearest { get; private set; }

        /// <summary>A value quoted as in an INI file outside INI files, where values are plain: its fix writes <paramref name="plain"/> instead.</summary>
        public static ConfigFinding QuotedAsInIni(string value, string plain) =>
            new(ConfigProblem.InvalidValue, ConfigGrammar.QuotedAsInIni(value, plain, "outside INI files")) { Misspelt = value, Nearest = plain };

        /// <summary>An unknown name, with the nearest of <paramref name="known"/> offered when one is near.</summary>
        public static ConfigFinding Unknown(string message, string misspelt, IEnumerable<string> known)
        {
            var nearest = ConfigGrammar.Nearest(misspelt, known);
            return new ConfigFinding(ConfigProblem.UnknownKey, message + ConfigGrammar.DidYouMean(nearest))
            {
                Misspelt = nearest is null ? null : misspelt,
                Nearest = nearest,
            };
        }
    }

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

        /// <summary>
        /// <paramref name="text"/> read as this property's value (boxed; an enum's member by its declared name); what is
        /// wrong with it in words, or null.
        /// </summary>
        public string? Read(string text, out object value)
        {
            string? problem = null;
            switch (Kind)
            {
                case ConfigValueKind.Boolean:
                    problem = ConfigGrammar.ReadBoolean(text, out var on);
                    value = on;
                    break;
                case ConfigValueKind.Int32:
                    problem = ConfigGrammar.ReadInt32(text, out var number);
                    value = number;
                    break;
                case ConfigValueKind.Int64:
                    problem = ConfigGrammar.ReadInt64(text, out var big);
                    value = big;
                    break;
                case ConfigValueKind.Double:
                    problem = ConfigGrammar.ReadDouble(text, out var real);
                    value = real;
                    break;
                case ConfigValueKind.Enum:
                    problem = ConfigGrammar.ReadEnumName(text, EnumNames, out var name);
                    value = name ?? "";
                    break;
                case ConfigValueKind.List:
                    value = ConfigGrammar.List(text);
                    break;
                default:
                    value = text;
                    break;
            }
            return problem;
        }
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
        public ConfigFinding? Check(string name, string? value) => Read(name, value, out _, out _);

        /// <summary>
        /// The property the key <paramref name="name"/> (after the namespace) sets and <paramref name="value"/> read for it
        /// (null for None, which leaves the property's default); what is wrong, or null.
        /// </summary>
        public ConfigFinding? Read(string name, string? value, out ConfigOptionsProperty? property, out object? read)
        {
            read = null;
            if (!_byName.TryGetValue(ConfigGrammar.OptionName(name), out property))
            {
                return ConfigFinding.Unknown($"{TypeName} has no settable property for '{name}'.", name, Properties.Select(p => ConfigGrammar.SnakeCase(p.Name)));
            }
            if (value is null)
            {
                return null;
            }
            var problem = property.Read(value, out var typed);
            read = typed;
            return problem is null ? null : new ConfigFinding(ConfigProblem.InvalidValue, $"{TypeName}.{property.Name}: {problem.TrimEnd('.')}.");
        }
    }
}
