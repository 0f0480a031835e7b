using System.Collections.Immutable;
using System.Linq;
using Cherry.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cherry.Analyzers
{
    /// <summary>
    /// CHERRY0011: a [Rest] class answers by HTTP method through its Get/Post/... methods; an [Exposed] method with
    /// another name is never dispatched, and a verb declared twice leaves the generator no single method to call.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RestResourceAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.RestResourceShape);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var rest = start.Compilation.GetTypeByMetadataName(WellKnownNames.Rest);
                var exposed = start.Compilation.GetTypeByMetadataName(WellKnownNames.Exposed);
                if (rest is null)
                {
                    return;
                }
                start.RegisterSymbolAction(symbolContext =>
                {
                    var type = (INamedTypeSymbol)symbolContext.Symbol;
                    if (!Symbols.Has(type, rest))
                    {
                        return;
                    }
                    foreach (var method in type.GetMembers().OfType<IMethodSymbol>().Where(m => Symbols.Has(m, exposed) && !TypeHierarchy.RestVerbs.Contains(m.Name)))
                    {
                        symbolContext.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RestResourceShape, method.Locations.FirstOrDefault(), type.Name,
                            $"the [Exposed] method '{method.Name}' is not an HTTP verb; a [Rest] resource answers through {string.Join(", ", TypeHierarchy.RestVerbs)}"));
                    }
                    foreach (var verb in TypeHierarchy.RestVerbs)
                    {
                        var overloads = type.GetMembers(verb).OfType<IMethodSymbol>().Where(m => !m.IsStatic && m.DeclaredAccessibility == Accessibility.Public).ToList();
                        foreach (var extra in overloads.Skip(1))
                        {
                            symbolContext.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RestResourceShape, extra.Locations.FirstOrDefault(), type.Name,
                                $"'{verb}' is declared {overloads.Count} times; one method per verb, with optional parameters for the variants"));
                        }
                    }
                }, SymbolKind.NamedType);
            });
        }
    }
}
