using System.Linq;
using Cherry.Generators.Model;

namespace Cherry.Generators.Emitting
{
    /// <summary>
    /// Writes DataAnnotations checking: the rules re-created once as static fields, one method per validated type that
    /// reads its members as properties (no reflection) and hands them to <c>ArgumentValidation</c>, and the invoker's
    /// check of its bound arguments before the call.
    /// </summary>
    internal static class ValidationEmitter
    {
        private const string Rules = "global::System.ComponentModel.DataAnnotations.ValidationAttribute[]";

        public static void WriteRuleFields(CodeWriter w, TreeSpec tree)
        {
            foreach (var invoker in tree.Invokers)
            {
                foreach (var parameter in invoker.Handler.Parameters)
                {
                    if (invoker.RulesOf(parameter.Name) is { } field)
                    {
                        WriteRuleField(w, field, parameter.Validation!.Attributes);
                    }
                }
            }
            foreach (var plan in tree.ValidatedTypes)
            {
                foreach (var member in plan.Type.Members)
                {
                    if (plan.RulesOf(member.Name) is { } field)
                    {
                        WriteRuleField(w, field, member.Attributes);
                    }
                }
                if (plan.RulesOf("") is { } own)
                {
                    WriteRuleField(w, own, plan.Type.Attributes);
                }
            }
        }

        private static void WriteRuleField(CodeWriter w, string field, EquatableArray<AttributeSpec> attributes) =>
            w.Line("private static readonly " + Rules + " " + field + " = new global::System.ComponentModel.DataAnnotations.ValidationAttribute[] { "
                + string.Join(", ", attributes.Select(a => TreeEmitter.AttributeCreation(a.TypeName, a.Arguments, a.Properties))) + " };");

        /// <summary>One method per validated type: each checked member, each nested value, then the type's own rules.</summary>
        public static void WriteTypeValidators(CodeWriter w, TreeSpec tree)
        {
            foreach (var plan in tree.ValidatedTypes)
            {
                var type = plan.Type;
                w.Line();
                using (w.Block("private static void " + plan.Method + "(" + type.TypeName + " value, " + RuntimeTypes.ArgumentValidation + " validation)"))
                {
                    w.Line("var before = validation.ErrorCount;");
                    foreach (var member in type.Members)
                    {
                        var jsonName = member.JsonName is { } explicitName ? CodeWriter.Quote(explicitName) : "null";
                        if (plan.RulesOf(member.Name) is { } field)
                        {
                            w.Line("validation.Member(value, value." + member.Name + ", " + CodeWriter.Quote(member.Name) + ", " + CodeWriter.Quote(member.DisplayName) + ", "
                                + jsonName + ", " + field + ");");
                        }
                        if (member.NestedType is { } nested)
                        {
                            var method = tree.ValidationMethod(nested);
                            var arguments = CodeWriter.Quote(member.Name) + ", " + jsonName + ", " + method + ");";
                            switch (member.NestedKind)
                            {
                                case NestedKind.Collection:
                                    w.Line("validation.Each(value." + member.Name + ", " + arguments);
                                    break;
                                case NestedKind.NullableValue:
                                    using (w.Block("if (value." + member.Name + " is { } nested_" + member.Name + ")"))
                                    {
                                        w.Line("validation.Nested(nested_" + member.Name + ", " + arguments);
                                    }
                                    break;
                                default:
                                    w.Line("validation.Nested(value." + member.Name + ", " + arguments);
                                    break;
                            }
                        }
                    }
                    w.Line("validation.Object(value, " + CodeWriter.Quote(type.ShortName) + ", " + (plan.RulesOf("") ?? "null") + ", before);");
                }
            }
        }

        /// <summary>The invoker's check of its bound arguments (locals named by <paramref name="local"/>), ending the request on any error.</summary>
        public static void WriteCheck(CodeWriter w, TreeSpec tree, InvokerSpec invoker, System.Func<ParameterSpec, string> local)
        {
            w.Line("var validation = new " + RuntimeTypes.ArgumentValidation + "(request, target);");
            foreach (var parameter in invoker.Handler.Parameters)
            {
                if (parameter.Validation is not { } validation)
                {
                    continue;
                }
                if (invoker.RulesOf(parameter.Name) is { } field)
                {
                    w.Line("validation.Parameter(" + local(parameter) + ", " + CodeWriter.Quote(parameter.Name) + ", " + CodeWriter.Quote(validation.DisplayName) + ", " + field + ");");
                }
                if (validation.ValidatedType is { } type)
                {
                    var method = tree.ValidationMethod(type);
                    var json = tree.JsonField(parameter.TypeName);
                    w.Line(validation.ValidatedKind == NestedKind.Collection
                        ? "validation.BodyItems(" + local(parameter) + ", " + json + ", " + method + ");"
                        : "validation.Body(" + local(parameter) + ", " + json + ", " + method + ");");
                }
            }
            w.Line("validation.ThrowIfAny();");
        }
    }
}
