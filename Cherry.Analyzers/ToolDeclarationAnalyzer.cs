using System.Collections.Immutable;
using System.Linq;
using Cherry.Generators.Parsing;
using Cherry.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cherry.Analyzers
{
    /// <summary>
    /// CHERRY0023: what keeps a <c>[ToolDeclaration]</c> class from making its tool, as the generator's own parser finds it
    /// (the generator then writes nothing for the class, so each reason is said here, on the class or the property).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ToolDeclarationAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.InvalidToolDeclaration);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSymbolAction(symbolContext =>
            {
                var type = (INamedTypeSymbol)symbolContext.Symbol;
                if (ToolDeclarationParser.Declared(type) is null)
                {
                    return;
                }
                ToolDeclarationParser.Parse(type, symbolContext.Compilation, (where, problem) =>
                    symbolContext.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidToolDeclaration, where.Locations.FirstOrDefault() ?? Location.None, type.Name, problem)));
            }, SymbolKind.NamedType);
        }
    }
}
