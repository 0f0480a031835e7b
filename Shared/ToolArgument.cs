using System;
using System.Collections.Generic;

namespace Cherry.Shared
{
    /// <summary>
    /// One argument of a built-in tool, declared once (<see cref="ToolCatalog"/>): its config key
    /// (<c>tools.&lt;tool&gt;.&lt;key&gt;</c>), what sets it on the tool's attribute (a named property, or a constructor
    /// argument), and its rule. The runtime binds configuration with it and checks the final value, whichever source
    /// set it; the analyzers check an attribute's constants with the same rule.
    /// </summary>
    internal abstract class ToolArgument
    {
        protected ToolArgument(string key, string? property, int position)
        {
            Key = key;
            Property = property;
            Position = position;
        }

        public string Key { get; }

        /// <summary>The attribute's named property that sets it, or null.</summary>
        public string? Property { get; }

        /// <summary>The attribute's constructor argument that sets it (a params array takes every value), or -1.</summary>
        public int Position { get; }

        /// <summary>The diagnostic an attribute's bad value gets: CHERRY0008 unless a rule of its own says better.</summary>
        public string DiagnosticId { get; set; } = "CHERRY0008";

        /// <summary>Checked on the attribute even when it does not set the argument (a realm is required).</summary>
        public bool Required { get; set; }

        /// <summary>
        /// A text argument whose absence means something (declared <c>string?</c>): configuration's <c>None</c> sets it
        /// to null, switching off a value set above (<c>tools.proxy.base = None</c>). Elsewhere None is refused.
        /// </summary>
        public bool AllowsNone { get; set; }

        /// <summary>The C# types a tool argument can have, as a user's tool declares them: what configuration's values read as.</summary>
        public static readonly string[] Kinds = { "string", "string?", "bool", "int", "double", "string[]" };

        /// <summary>
        /// A user's tool argument (a property of its declaration, <c>[ToolDeclaration]</c>) of one of <see cref="Kinds"/>, with the
        /// rule its <paramref name="constraints"/> make; null for another type.
        /// </summary>
        public static ToolArgument? Declared(string kind, string key, string property, ArgumentConstraints constraints, bool required)
        {
            ToolArgument? argument = kind switch
            {
                "string" => new ToolArgument<string>(key, property, constraints.Rule<string>(property)),
                "string?" => new ToolArgument<string?>(key, property, constraints.Rule<string?>(property)) { AllowsNone = true },
                "bool" => new ToolArgument<bool>(key, property),
                "int" => new ToolArgument<int>(key, property, constraints.Rule<int>(property)),
                "double" => new ToolArgument<double>(key, property, constraints.Rule<double>(property)),
                "string[]" => new ToolArgument<string[]>(key, property, constraints.Rule<string[]>(property)),
                _ => null,
            };
            if (argument is not null)
            {
                argument.Required = required;
            }
            return argument;
        }

        /// <summary>The rule's verdict on an attribute's constant; null when it is fine or of another type.</summary>
        public abstract string? CheckConstant(object? value);

        /// <summary>
        /// The verdict on a value configuration gives (an INI literal already read to text, or a plain value; null for
        /// <c>None</c>): its type as the runtime reads it, then the rule; null when it is fine.
        /// </summary>
        public abstract string? CheckConfigured(string? text);
    }

    /// <inheritdoc />
    internal sealed class ToolArgument<T> : ToolArgument
    {
        private readonly Func<T, string?>? _rule;

        public ToolArgument(string key, string? property = null, Func<T, string?>? rule = null, int position = -1)
            : base(key, property, position) => _rule = rule;

        /// <summary>What is wrong with <paramref name="value"/>, in words, or null when it is fine.</summary>
        public string? Check(T value) => _rule?.Invoke(value);

        public override string? CheckConstant(object? value) =>
            value is T typed ? Check(typed) : value is null && Required ? Check(default!) : null;

        public override string? CheckConfigured(string? text)
        {
            if (text is null)
            {
                return AllowsNone ? null : "None is only for a text argument, to switch off a value set above.";
            }
            return Read(text, out var value) ?? Check(value);
        }

        /// <summary>
        /// <paramref name="text"/> (an INI literal already read to text, or a plain value) as a <typeparamref name="T"/>, by the
        /// one reading start-up and the build share; what is wrong with it in words, or null.
        /// </summary>
        public string? Read(string text, out T value)
        {
            value = default!;
            object typed;
            string? problem = null;
            if (typeof(T) == typeof(bool))
            {
                problem = ConfigGrammar.ReadBoolean(text, out var on);
                typed = on;
            }
            else if (typeof(T) == typeof(int))
            {
                problem = ConfigGrammar.ReadInt32(text, out var number);
                typed = number;
            }
            else if (typeof(T) == typeof(double))
            {
                problem = ConfigGrammar.ReadDouble(text, out var real);
                typed = real;
            }
            else if (typeof(T) == typeof(string[]))
            {
                typed = ConfigGrammar.List(text);
            }
            else if (typeof(T) == typeof(string))
            {
                typed = text;
            }
            else
            {
                throw new NotSupportedException($"no reader for {typeof(T).Name} arguments.");
            }
            if (problem is not null)
            {
                return problem;
            }
            value = (T)typed;
            return null;
        }
    }

    /// <summary>
    /// A built-in tool: its config name, its attribute's and its tool's class names, and every argument it takes.
    /// </summary>
    internal sealed class ToolDeclaration
    {
        public ToolDeclaration(string name, string? attribute, string toolClass, params ToolArgument[] arguments)
        {
            Name = name;
            Attribute = attribute;
            ToolClass = toolClass;
            Arguments = arguments;
        }

        public string Name { get; }

        /// <summary>The attribute's class name in namespace <c>Cherry</c>, or null when the tool has none.</summary>
        public string? Attribute { get; }

        /// <summary>
        /// The tool's class name in namespace <c>Cherry</c>: the generator roots it (<c>new GzipTool()</c>) for an app
        /// whose configuration names the tool, so native AOT keeps only the tools an app can use.
        /// </summary>
        public string ToolClass { get; }

        public IReadOnlyList<ToolArgument> Arguments { get; }

        /// <summary>A rule across arguments of the attribute, given a lookup of the attribute's values by key.</summary>
        public Func<Func<string, object?>, string?>? CrossRule { get; set; }

        /// <summary>The tool that must be on at the same path (session_auth reads the session that sessions loads), or null.</summary>
        public string? Needs { get; set; }

        /// <summary>
        /// The DI service the tool resolves at start-up under the value of one of its arguments (auth_basic's
        /// <c>CheckPassword</c> keyed by its realm), or null: start-up refuses the tool without it, the build warns where
        /// it sees no such registration.
        /// </summary>
        public KeyedService? Service { get; set; }
    }

    /// <summary>
    /// A keyed DI service a tool needs: its class in namespace <c>Cherry</c>, keyed by the value of the first of its
    /// <see cref="Keys"/> arguments that is set (auth_basic's <c>checkpassword</c>, else its <c>realm</c>).
    /// </summary>
    internal sealed class KeyedService
    {
        public KeyedService(string typeName, ToolArgument[] keys, string? defaultKey = null)
        {
            TypeName = typeName;
            Keys = keys;
            DefaultKey = defaultKey;
        }

        public string TypeName { get; }

        /// <summary>The arguments that name the key, the first that is set winning.</summary>
        public IReadOnlyList<ToolArgument> Keys { get; }

        /// <summary>The key when no argument is set; null when the last argument is required.</summary>
        public string? DefaultKey { get; }

        /// <summary>The key the first set argument names, with that argument; else <see cref="DefaultKey"/> and the last argument.</summary>
        /// <param name="valueOf">An argument's value where the tool runs (null when it is not set).</param>
        public (string? Key, ToolArgument Argument) KeyOf(Func<ToolArgument, string?> valueOf)
        {
            foreach (var argument in Keys)
            {
                if (valueOf(argument) is { } key)
                {
                    return (key, argument);
                }
            }
            return (DefaultKey, Keys[Keys.Count - 1]);
        }
    }
}
