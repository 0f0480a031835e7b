using System.Collections.Immutable;
using Cherry.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cherry.Analyzers
{
    /// <summary>CHERRY0004: an [Exposed] method that is not public, or is static, is silently unreachable.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ExposedMemberAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(DiagnosticDescriptors.ExposedMemberNotReachable);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var exposed = start.Compilation.GetTypeByMetadataName("Cherry.ExposedAttribute");
                if (exposed is null)
                {
                    return;
                }
                start.RegisterSymbolAction(symbolContext =>
                {
                    var method = (IMethodSymbol)symbolContext.Symbol;
                    if (method.DeclaredAccessibility == Accessibility.Public && !method.IsStatic)
                    {
                        return;
                    }
                    foreach (var attribute in method.GetAttributes())
                    {
                        if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, exposed))
                        {
                            symbolContext.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ExposedMemberNotReachable, method.Locations[0], method.Name));
                            return;
                        }
                    }
                }, SymbolKind.Method);
            });
        }
    }
}
