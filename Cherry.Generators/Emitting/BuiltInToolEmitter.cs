using System.Linq;
using Cherry.Shared;

namespace Cherry.Generators.Emitting
{
    /// <summary>
    /// Writes, when the generator compiles Cherry.Runtime itself, everything about a built-in tool that its declaration in
    /// Shared/ToolCatalog.cs says: the options record (a property per argument, with its default and documentation, and
    /// the binding of <c>tools.&lt;name&gt;.*</c>), the attribute (its properties, positional constructor and
    /// <c>CreateTool</c>), and the tool class's name, hook point, priority, options and <c>Configure</c>. The tool class
    /// written by hand holds only the hook.
    /// </summary>
    internal static class BuiltInToolEmitter
    {
        /// <summary>The assembly whose compilation gets the built-in tools (and nothing an app gets).</summary>
        public const string RuntimeAssembly = "Cherry.Runtime";

        public static string HintName(ToolDeclaration tool) => "Cherry." + tool.Stem + ".BuiltInTool.g.cs";

        public const string DefaultOnHintName = "Cherry.ToolRegistry.DefaultOn.g.cs";

        /// <summary>The tools declared on by default, as the registry and every chain start from them.</summary>
        public static string EmitDefaultOn(System.Collections.Generic.IEnumerable<ToolDeclaration> tools)
        {
            var w = CodeWriter.GeneratedFile();
            using (w.Block("namespace Cherry"))
            {
                w.Line(CodeWriter.GeneratedCodeAttribute);
                using (w.Block("partial class ToolRegistry"))
                {
                    Summary(w, "CherryPy's tools that are on by default in every chain (declared <c>OnByDefault</c>); configuration can switch each off.");
                    var factories = string.Join(", ", tools.Where(t => t.OnByDefault).Select(t => $"static () => new {t.ToolClass}()"));
                    w.Line($"internal static readonly global::System.Func<global::Cherry.Tool>[] DefaultOn = [{factories}];");
                }
            }
            return w.ToString();
        }

        public static string Emit(ToolDeclaration tool)
        {
            var w = CodeWriter.GeneratedFile();
            var bound = Bound(tool);
            using (w.Block("namespace Cherry"))
            {
                if (bound.Length > 0)
                {
                    EmitOptions(w, tool, bound);
                    w.Line();
                }
                if (tool.Attribute is not null)
                {
                    EmitAttribute(w, tool, bound);
                    w.Line();
                }
                EmitTool(w, tool, bound.Length > 0);
            }
            return w.ToString();
        }

        /// <summary>The arguments with a property of their own; one without is read inside another's binding (an alias).</summary>
        private static ToolArgument[] Bound(ToolDeclaration tool) => tool.Arguments.Where(a => a.Property is not null).ToArray();

        private static string Catalog(ToolDeclaration tool, ToolArgument argument) =>
            $"global::Cherry.Shared.ToolCatalog.{tool.Stem}.{argument.Property}";

        private static void EmitOptions(CodeWriter w, ToolDeclaration tool, ToolArgument[] bound)
        {
            Summary(w, $"{tool.Name}'s arguments and their defaults. {(tool.Attribute is null ? "Configuration's" : $"<see cref=\"{tool.Attribute}\"/> sets them, configuration's")} "
                + $"<c>tools.{tool.Name}.*</c> overrides them; Shared/ToolCatalog.cs declares them (key, default, rule) once.");
            w.Line(CodeWriter.GeneratedCodeAttribute);
            using (w.Block($"public sealed partial record {tool.OptionsRecord}"))
            {
                foreach (var argument in bound)
                {
                    var key = $"<c>{argument.Key}</c>";
                    Summary(w, argument.Doc!.Contains(key) ? argument.Doc + "." : $"{argument.Doc} ({key}).");
                    var initialiser = argument.DefaultLiteral is { } literal ? $" = {literal};" : "";
                    w.Line($"public {argument.PropertyType} {argument.Property} {{ get; init; }}{initialiser}");
                    w.Line();
                }
                w.Line($"internal {tool.OptionsRecord} Bind(global::Cherry.ToolArguments arguments) => new()");
                w.Line("{");
                using (w.Indented())
                {
                    foreach (var argument in bound)
                    {
                        var catalog = Catalog(tool, argument);
                        var binding = argument.BindWith is { } method ? $"{method}(arguments, {argument.Property})"
                            : argument.Accumulates ? $"arguments.Check({catalog}, [.. {argument.Property}, .. arguments.Bind({catalog}, [])])"
                            : $"arguments.Bind({catalog}, {argument.Property})";
                        w.Line($"{argument.Property} = {binding},");
                    }
                }
                w.Line("};");
            }
        }

        private static void EmitAttribute(CodeWriter w, ToolDeclaration tool, ToolArgument[] bound)
        {
            Summary(w, tool.Summary!);
            w.Line(CodeWriter.GeneratedCodeAttribute);
            using (w.Block($"public sealed partial class {tool.Attribute} : global::Cherry.ToolAttribute"))
            {
                if (bound.Length == 0)
                {
                    w.Line($"public override global::Cherry.Tool CreateTool() => new {tool.ToolClass}();");
                    return;
                }
                w.Line($"private {tool.OptionsRecord} _options = new();");
                var positional = bound.Where(a => a.Position >= 0).OrderBy(a => a.Position).ToList();
                if (positional.Count > 0)
                {
                    w.Line();
                    var parameters = string.Join(", ", positional.Select(a => (a.PropertyType == "string[]" && a == positional[positional.Count - 1] ? "params " : "") + a.PropertyType + " " + Parameter(a)));
                    var sets = string.Join(", ", positional.Select(a => $"{a.Property} = {Parameter(a)}"));
                    w.Line($"public {tool.Attribute}({parameters}) => _options = _options with {{ {sets} }};");
                }
                foreach (var argument in bound)
                {
                    w.Line();
                    w.Line($"/// <inheritdoc cref=\"{tool.OptionsRecord}.{argument.Property}\"/>");
                    w.Line(argument.Position >= 0
                        ? $"public {argument.PropertyType} {argument.Property} => _options.{argument.Property};"
                        : $"public {argument.PropertyType} {argument.Property} {{ get => _options.{argument.Property}; set => _options = _options with {{ {argument.Property} = value }}; }}");
                }
                w.Line();
                w.Line($"public override global::Cherry.Tool CreateTool() => new {tool.ToolClass} {{ Options = _options }};");
            }
        }

        private static void EmitTool(CodeWriter w, ToolDeclaration tool, bool hasOptions)
        {
            w.Line(CodeWriter.GeneratedCodeAttribute);
            using (w.Block($"partial class {tool.ToolClass}"))
            {
                w.Line($"public const string ToolName = {CodeWriter.Quote(tool.Name)};");
                w.Line();
                w.Line("public override string Name => ToolName;");
                if (tool.Point is { } point)
                {
                    w.Line();
                    w.Line($"public override global::Cherry.HookPoint Point => global::Cherry.HookPoint.{point};");
                    if (tool.Priority != 50)
                    {
                        w.Line();
                        w.Line($"public override int Priority => {tool.Priority};");
                    }
                    if (tool.Failsafe)
                    {
                        w.Line();
                        w.Line("public override bool Failsafe => true;");
                    }
                }
                if (tool.Needs is { } needed)
                {
                    w.Line();
                    w.Line($"public override global::System.Collections.Generic.IReadOnlyList<string> Requires => [{CodeWriter.Quote(needed)}];");
                }
                if (!hasOptions)
                {
                    return;
                }
                w.Line();
                w.Line($"public {tool.OptionsRecord} Options {{ get; set; }} = new();");
                w.Line();
                Summary(w, "Binds configuration's values over the attribute's, then lets the tool derive what it keeps from them.");
                using (w.Block("public override void Configure(global::Cherry.ToolArguments arguments)"))
                {
                    w.Line("Options = Options.Bind(arguments);");
                    w.Line("Configured(arguments);");
                }
                w.Line();
                w.Line("partial void Configured(global::Cherry.ToolArguments arguments);");
            }
        }

        private static string Parameter(ToolArgument argument) =>
            char.ToLowerInvariant(argument.Property![0]) + argument.Property.Substring(1);

        private static void Summary(CodeWriter w, string text)
        {
            w.Line("/// <summary>");
            foreach (var line in text.Split('\n'))
            {
                w.Line("/// " + line.Trim());
            }
            w.Line("/// </summary>");
        }
    }
}
