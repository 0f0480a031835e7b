using System.Linq;
using Cherry.Generators.Model;

namespace Cherry.Generators.Emitting
{
    /// <summary>
    /// Writes the module initialiser that registers a binder for each options class a typed namespace binds: it creates the
    /// class and sets a property by name, so no reflection reads the class at run time and native AOT keeps what it sets.
    /// </summary>
    internal static class ConfigBindersEmitter
    {
        public const string HintName = "Cherry.ConfigBinders.g.cs";

        public static string Emit(EquatableArray<ConfigNamespaceSpec> namespaces)
        {
            var w = CodeWriter.GeneratedFile();
            using (w.Block("namespace Cherry.Generated"))
            {
                w.Line("/// <summary>The binders of this app's typed configuration namespaces.</summary>");
                w.Line(CodeWriter.GeneratedCodeAttribute);
                using (w.Block("internal static class CherryConfigBinders"))
                {
                    w.Line("[global::System.Runtime.CompilerServices.ModuleInitializer]");
                    using (w.Block("internal static void Register()"))
                    {
                        foreach (var spec in namespaces)
                        {
                            Register(w, spec);
                        }
                    }
                }
            }
            return w.ToString();
        }

        private static void Register(CodeWriter w, ConfigNamespaceSpec spec)
        {
            w.Line(RuntimeTypes.ConfigBinders + ".Register<" + spec.TypeName + ">(");
            using (w.Indented())
            {
                w.Line("static () => new " + spec.TypeName + "(),");
                using (w.Block("static (options, property, value) =>", "},"))
                {
                    using (w.Block("switch (property)"))
                    {
                        foreach (var property in spec.Properties)
                        {
                            w.Line("case " + CodeWriter.Quote(property.Name) + ":");
                            using (w.Indented())
                            {
                                // The runtime gives an enum's value as its member's name, checked against the names below.
                                w.Line("options." + property.Name + " = " + (property.EnumNames is null
                                    ? "(" + property.TypeName + ")value;"
                                    : "global::System.Enum.Parse<" + property.TypeName + ">((string)value);"));
                                w.Line("break;");
                            }
                        }
                    }
                }
                w.Line(string.Join(", ", spec.Properties.Select(p => "(" + CodeWriter.Quote(p.Name) + ", typeof(" + p.TypeName + "), "
                    + (p.EnumNames is { } names ? "new string[] { " + string.Join(", ", names.Select(CodeWriter.Quote)) + " }" : "null") + ")")) + ");");
            }
        }
    }
}
