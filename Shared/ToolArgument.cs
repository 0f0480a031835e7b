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

        /// <summary>What the argument does, in a sentence: the generated options property's and attribute property's documentation.</summary>
        public string? Doc { get; set; }

        /// <summary>
        /// The property's C# type when configuration's text is read into something else than the argument's own type
        /// (an enum read by name), or when absence is a value (<c>string[]?</c>); null for the argument's own type.
        /// </summary>
        public string? TypeName { get; set; }

        /// <summary>The default as C# when <see cref="TypeName"/> gives another type; else the typed default renders itself.</summary>
        public string? DefaultCode { get; set; }

        /// <summary>
        /// The options record's hand-written method that binds the argument (<c>T Bind&lt;Property&gt;(ToolArguments, T current)</c>),
        /// for a value configuration gives by name; null binds by the argument's own reading and rule.
        /// </summary>
        public string? BindWith { get; set; }

        /// <summary>Configuration's values are added after the attribute's instead of replacing them (response_headers's pairs).</summary>
        public bool Accumulates { get; set; }

        /// <summary>The C# type of the generated properties.</summary>
        public abstract string PropertyType { get; }

        /// <summary>The generated property's initialiser as C#, or null when the type's default is the default.</summary>
        public abstract string? DefaultLiteral { get; }

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

        /// <summary>The value the tool has when neither its attribute nor configuration sets the argument.</summary>
        public T Default { get; set; } = default!;

        public override string PropertyType => TypeName ?? (
            typeof(T) == typeof(bool) ? "bool"
            : typeof(T) == typeof(int) ? "int"
            : typeof(T) == typeof(double) ? "double"
            : typeof(T) == typeof(string[]) ? "string[]"
            : AllowsNone ? "string?" : "string");

        public override string? DefaultLiteral => DefaultCode ?? Default switch
        {
            null => typeof(T) == typeof(string) && !AllowsNone ? "\"\"" : typeof(T) == typeof(string[]) && TypeName is null ? "[]" : null,
            bool on => on ? "true" : null,
            int number => number == 0 ? null : number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            double real => real == 0 ? null : real.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            string text => Literal(text),
            string[] list => "[" + string.Join(", ", Array.ConvertAll(list, Literal)) + "]",
            _ => throw new NotSupportedException($"no literal for {typeof(T).Name} defaults."),
        };

        private static string Literal(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

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

        /// <summary>
        /// What the tool does and how its attribute turns it on, in a sentence: the generated attribute's documentation. A
        /// tool declared with one has its options record, its attribute and its tool's name, hook point and binding
        /// generated from this declaration (Cherry's generator, compiling Cherry.Runtime); its tool class holds only the hook.
        /// </summary>
        public string? Summary { get; set; }

        /// <summary>The <c>HookPoint</c> member its one hook runs at; null for a tool that attaches several hooks itself.</summary>
        public string? Point { get; set; }

        /// <summary>The hook's place among its point's hooks: lower runs first.</summary>
        public int Priority { get; set; } = 50;

        /// <summary>The hook runs even after an earlier hook of its point failed.</summary>
        public bool Failsafe { get; set; }

        /// <summary>In every chain unless configuration switches it off (CherryPy's trailing_slash, encode and log_tracebacks).</summary>
        public bool OnByDefault { get; set; }

        /// <summary>The options record's class name: the attribute's (or tool's) stem and <c>Options</c> unless given.</summary>
        public string OptionsRecord
        {
            get => _optionsRecord ?? Stem + "Options";
            set => _optionsRecord = value;
        }

        private string? _optionsRecord;

        /// <summary>The attribute's (or tool's) class name without its suffix: the tool's class in <c>ToolCatalog</c>.</summary>
        public string Stem => (Attribute ?? ToolClass).Replace("Attribute", "").Replace("Tool", "");

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
