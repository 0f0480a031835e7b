using System.Collections.Generic;
using System.Linq;
using Cherry.Generators.Model;

namespace Cherry.Generators.Emitting
{
    /// <summary>
    /// Writes a handler's invoker: positional segments, then query, form and multipart parameters, bound by name to the method's
    /// parameters and converted without reflection. Every mistake (missing, duplicate, unexpected, unparsable) is
    /// collected and answered as one 404 or 400, as CherryPy does; then <see cref="ResultEmitter"/> writes the call.
    /// </summary>
    internal static class BindingEmitter
    {
        public static void WriteInvoker(CodeWriter w, TreeSpec tree, InvokerSpec invoker)
        {
            var handler = invoker.Handler;
            var parameters = handler.Parameters;
            var bindable = parameters.Where(IsNamed).ToList();
            // A path segment is text, never a multipart part, and never fills a keyword-only parameter.
            var positional = bindable.Where(p => p.TakesSegment).ToList();
            var hasVarArgs = parameters.Any(p => p.Kind == ParameterKind.VarArgs);
            var hasKeywords = parameters.Any(p => p.Kind == ParameterKind.Keywords);

            w.Line();
            using (w.Block("private " + RuntimeTypes.ValueTask + " " + invoker.Name + "(" + RuntimeTypes.Request + " request)"))
            {
                w.Line("var target = (" + invoker.NodeTypeName + ")request.Target;");
                w.Line("var errors = new " + RuntimeTypes.ArgumentErrors + "();");
                w.Line("var positional = request.VirtualPath;");
                WriteLocals(w, bindable, hasKeywords);
                for (var i = 0; i < positional.Count; i++)
                {
                    using (w.Block("if (positional.Count > " + i + ")"))
                    {
                        w.Line("raw_" + positional[i].Name + " = positional[" + i + "];");
                        w.Line("has_" + positional[i].Name + " = true;");
                    }
                }
                if (!hasVarArgs)
                {
                    using (w.Block("if (positional.Count > " + positional.Count + ")"))
                    {
                        w.Line("errors.SurplusPositional();");
                    }
                }
                WriteNamedParameters(w, bindable, hasKeywords);
                foreach (var p in bindable.Where(IsRequired))
                {
                    using (w.Block(p.Kind switch
                    {
                        ParameterKind.Array => "if (all_" + p.Name + " is null)",
                        ParameterKind.Values => "if (!has_" + p.Name + " && all_" + p.Name + " is null)",
                        _ => "if (!has_" + p.Name + ")",
                    }))
                    {
                        w.Line("errors.Missing(" + CodeWriter.Quote(p.Name) + ");");
                    }
                }
                w.Line("errors.ThrowIfAny(request);");
                var arguments = parameters.Select(p => Argument(tree, p, positional.Count)).ToList();
                if (invoker.Validates)
                {
                    // Checked values are bound first, into locals, so the call passes what was checked.
                    for (var i = 0; i < parameters.Count; i++)
                    {
                        if (parameters[i].Validation is not null)
                        {
                            w.Line("var " + CheckedLocal(parameters[i]) + " = " + arguments[i] + ";");
                            arguments[i] = CheckedLocal(parameters[i]);
                        }
                    }
                    ValidationEmitter.WriteCheck(w, tree, invoker, CheckedLocal);
                }
                ResultEmitter.WriteCall(w, tree, handler.Return, "target." + handler.MethodName + "(" + string.Join(", ", arguments) + ")");
            }
        }

        private static string CheckedLocal(ParameterSpec p) => "checked_" + p.Name;

        /// <summary>No default, and for an array not nullable either (an absent array is otherwise empty).</summary>
        private static bool IsRequired(ParameterSpec p) => p.DefaultLiteral is null && !(p.Kind == ParameterKind.Array && p.IsNullable);

        /// <summary>The argument for a parameter the request itself supplies (the request, its session, ...), or null for others.</summary>
        public static string? ContextArgument(ParameterSpec p) => p.Kind switch
        {
            ParameterKind.Request => "request",
            ParameterKind.Response => "request.Response",
            ParameterKind.Session => "request.RequiredSession",
            ParameterKind.HttpContext => "request.HttpContext",
            ParameterKind.CancellationToken => "request.Aborted",
            ParameterKind.Service => "global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<" + p.TypeName + ">(request.HttpContext.RequestServices)",
            _ => null,
        };

        private static void WriteLocals(CodeWriter w, List<ParameterSpec> bindable, bool hasKeywords)
        {
            foreach (var p in bindable)
            {
                if (p.Kind == ParameterKind.Array)
                {
                    w.Line((p.ElementKind == ParameterKind.Part ? RuntimeTypes.ParameterList : RuntimeTypes.StringList) + "? all_" + p.Name + " = null;");
                }
                else
                {
                    w.Line(p.Kind == ParameterKind.Part ? RuntimeTypes.Parameter + " raw_" + p.Name + " = default;" : "string? raw_" + p.Name + " = null;");
                    w.Line("var has_" + p.Name + " = false;");
                    if (p.Kind == ParameterKind.Values)
                    {
                        // A path segment sets raw_ and has_; the named values, one or repeated, gather here.
                        w.Line(RuntimeTypes.StringList + "? all_" + p.Name + " = null;");
                    }
                }
            }
            if (hasKeywords)
            {
                w.Line(RuntimeTypes.PairList + "? keywords = null;");
            }
        }

        /// <summary>Query, form and multipart parameters, each to its parameter by name; the rest to **kwargs or an error.</summary>
        private static void WriteNamedParameters(CodeWriter w, List<ParameterSpec> bindable, bool hasKeywords)
        {
            using (w.Block("foreach (var parameter in request.Parameters.AsSpan())"))
            using (w.Block("switch (parameter.Name)"))
            {
                foreach (var p in bindable)
                {
                    w.Line("case " + CodeWriter.Quote(p.Name) + ":");
                    using (w.Indented())
                    {
                        // A part binds from the whole parameter (its Part), anything else from its text.
                        var value = p.Kind == ParameterKind.Part || p.ElementKind == ParameterKind.Part ? "parameter" : "parameter.Value";
                        if (p.Kind == ParameterKind.Array)
                        {
                            w.Line("(all_" + p.Name + " ??= new()).Add(" + value + ");");
                        }
                        else if (p.Kind == ParameterKind.Values)
                        {
                            // Given by a segment and by name: Python's "multiple values for argument".
                            using (w.Block("if (has_" + p.Name + ")"))
                            {
                                w.Line("errors.Duplicate(" + CodeWriter.Quote(p.Name) + ", parameter.Source);");
                            }
                            using (w.Block("else"))
                            {
                                w.Line("(all_" + p.Name + " ??= new()).Add(" + value + ");");
                            }
                        }
                        else
                        {
                            using (w.Block("if (has_" + p.Name + ")"))
                            {
                                w.Line("errors.Duplicate(" + CodeWriter.Quote(p.Name) + ", parameter.Source);");
                            }
                            using (w.Block("else"))
                            {
                                w.Line("raw_" + p.Name + " = " + value + ";");
                                w.Line("has_" + p.Name + " = true;");
                            }
                        }
                        w.Line("break;");
                    }
                }
                w.Line("default:");
                using (w.Indented())
                {
                    w.Line(hasKeywords
                        ? "(keywords ??= new " + RuntimeTypes.PairList + "()).Add(new " + RuntimeTypes.Pair + "(parameter.Name, parameter.Value));"
                        : "errors.Unexpected(parameter.Name, parameter.Source);");
                    w.Line("break;");
                }
            }
        }

        private static bool IsNamed(ParameterSpec p) =>
            p.Kind is ParameterKind.String or ParameterKind.Parsable or ParameterKind.Boolean or ParameterKind.Enum or ParameterKind.Array or ParameterKind.Part
                or ParameterKind.Values;

        private static string Argument(TreeSpec tree, ParameterSpec p, int positionalCount)
        {
            if (ContextArgument(p) is { } fromRequest)
            {
                return fromRequest;
            }
            switch (p.Kind)
            {
                case ParameterKind.VarArgs:
                    return RuntimeTypes.ArgumentParser + ".Rest(positional, " + positionalCount + ")";
                case ParameterKind.Keywords:
                    return "(global::System.Collections.Generic.IReadOnlyList<" + RuntimeTypes.Pair + ">?)keywords ?? global::System.Array.Empty<" + RuntimeTypes.Pair + ">()";
                case ParameterKind.JsonBody:
                    return RuntimeTypes.JsonBinding + (p.IsNullable ? ".ReadNullableBody(request, " : ".ReadBody(request, ") + tree.JsonField(p.TypeName) + ", " + CodeWriter.Quote(p.Name) + ")";
                case ParameterKind.Array:
                    return RuntimeTypes.ArgumentParser + ".ParseAll(all_" + p.Name + ", static (value, name) => " + Convert(p.ElementKind, p.TypeName, "value", "name") + ", " + CodeWriter.Quote(p.Name) + ")";
                case ParameterKind.Values:
                    return RuntimeTypes.ArgumentParser + ".Values(has_" + p.Name + ", raw_" + p.Name + ", all_" + p.Name + ", " + (p.DefaultLiteral ?? "default") + ")";
                case ParameterKind.Part:
                    return "(has_" + p.Name + " ? " + Convert(p.Kind, p.TypeName, "raw_" + p.Name, CodeWriter.Quote(p.Name)) + " : " + (p.DefaultLiteral ?? "default!") + ")";
                default:
                    var converted = Convert(p.Kind, p.TypeName, "raw_" + p.Name + "!", CodeWriter.Quote(p.Name));
                    return "(has_" + p.Name + " ? " + (p.IsNullable ? "(" + p.TypeName + "?)" : "") + converted + " : " + (p.DefaultLiteral ?? "default!") + ")";
            }
        }

        private static string Convert(ParameterKind kind, string typeName, string value, string name) => kind switch
        {
            ParameterKind.String => value,
            ParameterKind.Boolean => RuntimeTypes.ArgumentParser + ".ParseBoolean(" + value + ", " + name + ")",
            ParameterKind.Enum => RuntimeTypes.ArgumentParser + ".ParseEnum<" + typeName + ">(" + value + ", " + name + ")",
            ParameterKind.Part => RuntimeTypes.ArgumentParser + ".ParsePart(" + value + ", " + name + ")",
            _ => RuntimeTypes.ArgumentParser + ".Parse<" + typeName + ">(" + value + ", " + name + ")",
        };
    }
}
