using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Cherry.Generators.Parsing;
using Cherry.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cherry.Analyzers
{
    /// <summary>
    /// Holds the built-in tool attributes' constants to the rules the runtime holds their values to at start-up: both
    /// read each tool's arguments and rules from <see cref="ToolCatalog"/>. CHERRY0008 (a value a rule refuses),
    /// CHERRY0009 (auth without a realm), CHERRY0010 (digest without a key).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ToolArgumentAnalyzer : DiagnosticAnalyzer
    {
        private static readonly Dictionary<string, ToolDeclaration> ByAttribute =
            ToolCatalog.All.Where(t => t.Attribute is not null).ToDictionary(t => t.Attribute!, StringComparer.Ordinal);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            DiagnosticDescriptors.InvalidToolArgument, DiagnosticDescriptors.MissingRealm, DiagnosticDescriptors.MissingDigestKey);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var toolAttribute = start.Compilation.GetTypeByMetadataName("Cherry.ToolAttribute");
                if (toolAttribute is null)
                {
                    return;
                }
                // A user's [ToolDeclaration] class, read once per compilation by the generator's own parser.
                var declared = new ConcurrentDictionary<INamedTypeSymbol, ToolDeclaration?>(SymbolEqualityComparer.Default);
                start.RegisterSymbolAction(symbolContext =>
                {
                    foreach (var attribute in symbolContext.Symbol.GetAttributes())
                    {
                        if (attribute.AttributeClass is { } type && TypeHierarchy.DerivesFrom(type, toolAttribute)
                            && (type.ContainingNamespace?.ToDisplayString() == "Cherry" && ByAttribute.TryGetValue(type.Name, out var tool)
                                || (tool = declared.GetOrAdd(type, t => Declaration(t, symbolContext.Compilation))) is not null))
                        {
                            Check(symbolContext, attribute, tool);
                        }
                    }
                }, SymbolKind.Method, SymbolKind.NamedType);
            });
        }

        private static ToolDeclaration? Declaration(INamedTypeSymbol type, Compilation compilation) =>
            ToolDeclarationParser.Declared(type) is not null && ToolDeclarationParser.Parse(type, compilation, static (_, _) => { }) is { } spec
                ? ToolDeclarationParser.ToCatalogEntry(spec)
                : null;

        private static void Check(SymbolAnalysisContext context, AttributeData attribute, ToolDeclaration tool)
        {
            var toolName = tool.Attribute!.EndsWith("Attribute", StringComparison.Ordinal) ? tool.Attribute.Substring(0, tool.Attribute.Length - "Attribute".Length) : tool.Attribute;
            foreach (var argument in tool.Arguments)
            {
                var (set, value) = ValueOf(attribute, argument);
                if ((set || argument.Required) && argument.CheckConstant(value) is { } problem)
                {
                    Report(context, attribute, argument.DiagnosticId, toolName, problem);
                }
            }
            if (tool.CrossRule?.Invoke(key => ValueOf(attribute, tool.Arguments.First(a => a.Key == key)).Value) is { } crossProblem)
            {
                Report(context, attribute, "CHERRY0008", toolName, crossProblem);
            }
        }

        /// <summary>The attribute's constant for an argument: a named property, a constructor argument, or every value of a params array.</summary>
        private static (bool Set, object? Value) ValueOf(AttributeData attribute, ToolArgument argument)
        {
            if (argument.Property is { } property)
            {
                foreach (var named in attribute.NamedArguments)
                {
                    if (named.Key == property)
                    {
                        return (true, Constant(named.Value));
                    }
                }
                // A user's declaration may take an argument through a constructor parameter of the property's name.
                var parameters = attribute.AttributeConstructor?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty;
                for (var i = 0; i < parameters.Length && i < attribute.ConstructorArguments.Length; i++)
                {
                    if (string.Equals(parameters[i].Name, property, StringComparison.OrdinalIgnoreCase))
                    {
                        return (true, Constant(attribute.ConstructorArguments[i]));
                    }
                }
                return (false, null);
            }
            var arguments = attribute.ConstructorArguments;
            if (argument.Position < 0 || arguments.Length <= argument.Position)
            {
                return (false, null);
            }
            // A params parameter is one array argument.
            return (true, Constant(arguments[argument.Position]));
        }

        private static object? Constant(TypedConstant constant) =>
            constant.Kind == TypedConstantKind.Array ? constant.Values.Select(v => v.Value as string).ToArray() : constant.Value;

        private static void Report(SymbolAnalysisContext context, AttributeData attribute, string id, string toolName, string problem)
        {
            var location = Symbols.LocationOf(attribute, context.Symbol);
            var diagnostic = id switch
            {
                "CHERRY0009" => Diagnostic.Create(DiagnosticDescriptors.MissingRealm, location, toolName),
                "CHERRY0010" => Diagnostic.Create(DiagnosticDescriptors.MissingDigestKey, location),
                _ => Diagnostic.Create(DiagnosticDescriptors.InvalidToolArgument, location, toolName, problem),
            };
            context.ReportDiagnostic(diagnostic);
        }
    }
}
