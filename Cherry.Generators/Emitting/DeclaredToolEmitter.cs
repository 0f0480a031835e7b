using System.Globalization;
using System.Linq;
using Cherry.Generators.Model;

namespace Cherry.Generators.Emitting
{
    /// <summary>
    /// Writes the rest of a <c>[ToolDeclaration]</c> class: the tool its <c>CreateTool</c> makes (a
    /// <c>DeclaredTool</c> running the class's hook on a copy bound to configuration), one <c>DeclaredArgument</c> per
    /// argument carrying its key and rule facts, and a module initialiser that registers the tool by name.
    /// </summary>
    internal static class DeclaredToolEmitter
    {
        public static string HintName(ToolDeclarationSpec spec) =>
            (spec.Namespace.Length == 0 ? "" : spec.Namespace + ".") + spec.ClassName + ".Tool.g.cs";

        public static string Emit(ToolDeclarationSpec spec)
        {
            var w = CodeWriter.GeneratedFile();
            if (spec.Namespace.Length > 0)
            {
                using (w.Block("namespace " + spec.Namespace))
                {
                    EmitClass(w, spec);
                }
            }
            else
            {
                EmitClass(w, spec);
            }
            return w.ToString();
        }

        private static void EmitClass(CodeWriter w, ToolDeclarationSpec spec)
        {
            using (w.Block("partial class " + spec.ClassName))
            {
                foreach (var argument in spec.Arguments)
                {
                    w.Line($"private static readonly {RuntimeTypes.DeclaredArgument}<{argument.Kind}> {Field(argument)} = new({Arguments(argument)});");
                }
                w.Line();
                w.Line($"/// <summary>The tool <c>{spec.Name}</c>: this attribute's hook at {spec.Point}, on a copy bound to configuration.</summary>");
                w.Line(CodeWriter.GeneratedCodeAttribute);
                w.Line("public override " + RuntimeTypes.Tool + " CreateTool() =>");
                using (w.Indented())
                {
                    var priority = spec.Priority.ToString(CultureInfo.InvariantCulture);
                    var keys = "new string[] { " + string.Join(", ", spec.Arguments.Select(a => CodeWriter.Quote(a.Key))) + " }";
                    w.Line(spec.Hook is HookShape.WrapperValueTask or HookShape.WrapperTask
                        ? $"new {RuntimeTypes.DeclaredTool}<{spec.ClassName}>({CodeWriter.Quote(spec.Name)}, {priority}, this, {keys}, static (declared, arguments) =>"
                        : $"new {RuntimeTypes.DeclaredTool}<{spec.ClassName}>({CodeWriter.Quote(spec.Name)}, {RuntimeTypes.HookPoint}.{spec.Point}, "
                            + $"{priority}, {(spec.Failsafe ? "true" : "false")}, this, {keys}, static (declared, arguments) =>");
                    w.Line("{");
                    using (w.Indented())
                    {
                        w.Line($"var bound = ({spec.ClassName})declared.MemberwiseClone();");
                        foreach (var argument in spec.Arguments)
                        {
                            w.Line($"bound.{argument.Property} = {Field(argument)}.Bind(arguments, declared.{argument.Property});");
                        }
                        w.Line("return bound;");
                    }
                    w.Line("},");
                    w.Line(spec.Hook switch
                    {
                        HookShape.ValueTask => "static (tool, request) => tool.RunAsync(request));",
                        HookShape.Task => "static (tool, request) => new global::System.Threading.Tasks.ValueTask(tool.RunAsync(request)));",
                        HookShape.WrapperValueTask => "static (tool, request, handler) => tool.RunAsync(request, handler));",
                        HookShape.WrapperTask => "static (tool, request, handler) => new global::System.Threading.Tasks.ValueTask(tool.RunAsync(request, handler)));",
                        _ => "static (tool, request) => { tool.Run(request); return default; });",
                    });
                }
                w.Line();
                w.Line("/// <summary>Makes the tool known by name, so configuration's <c>" + Shared.ConfigGrammar.ToolKey(spec.Name, "on") + "</c> turns it on without code.</summary>");
                w.Line(CodeWriter.GeneratedCodeAttribute);
                w.Line("[global::System.Runtime.CompilerServices.ModuleInitializer]");
                w.Line($"internal static void RegisterTool() => {RuntimeTypes.ToolRoots}.Add(static () => new {spec.ClassName}().CreateTool());");
            }
        }

        private static string Field(ToolArgumentSpec argument) => "s_" + argument.Property;

        private static string Arguments(ToolArgumentSpec argument)
        {
            var parts = new System.Collections.Generic.List<string> { CodeWriter.Quote(argument.Key), CodeWriter.Quote(argument.Property) };
            if (argument.Kind == "string?")
            {
                parts.Add("allowsNone: true");
            }
            if (argument.Minimum is { } minimum)
            {
                parts.Add("minimum: " + minimum.ToString("R", CultureInfo.InvariantCulture));
            }
            if (argument.Maximum is { } maximum)
            {
                parts.Add("maximum: " + maximum.ToString("R", CultureInfo.InvariantCulture));
            }
            if (argument.Allowed is { } allowed)
            {
                parts.Add("allowed: new string[] { " + string.Join(", ", allowed.Select(CodeWriter.Quote)) + " }");
            }
            if (argument.Pattern is { } pattern)
            {
                parts.Add("pattern: " + CodeWriter.Quote(pattern));
            }
            if (argument.Required)
            {
                parts.Add("required: true");
            }
            return string.Join(", ", parts);
        }
    }
}
