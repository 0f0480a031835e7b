using System.Collections.Immutable;
using System.Linq;
using Cherry.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cherry.Analyzers
{
    /// <summary>
    /// CHERRY0004: an [Exposed] method that is not public, or is static, is silently unreachable.
    /// CHERRY0006: an [Exposed] method that is generic or takes ref/out/in parameters cannot be called by a request.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ExposedMemberAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(DiagnosticDescriptors.ExposedMemberNotReachable, DiagnosticDescriptors.ExposedNotDispatchable);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var exposed = start.Compilation.GetTypeByMetadataName(WellKnownNames.Exposed);
                if (exposed is null)
                {
                    return;
                }
                start.RegisterSymbolAction(symbolContext =>
                {
                    var method = (IMethodSymbol)symbolContext.Symbol;
                    if (!Symbols.Has(method, exposed))
                    {
                        return;
                    }
                    var location = method.Locations.FirstOrDefault() ?? Location.None;
                    if (method.DeclaredAccessibility != Accessibility.Public || method.IsStatic)
                    {
                        symbolContext.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ExposedMemberNotReachable, location, method.Name));
                        return;
                    }
                    if (method.IsGenericMethod)
                    {
                        symbolContext.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ExposedNotDispatchable, location, method.Name,
                            "it is generic, and a request cannot choose its type arguments"));
                    }
                    foreach (var parameter in method.Parameters.Where(p => p.RefKind != RefKind.None))
                    {
                        symbolContext.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ExposedNotDispatchable,
                            parameter.Locations.FirstOrDefault() ?? location, method.Name,
                            $"parameter '{parameter.Name}' is passed by reference ({parameter.RefKind.ToString().ToLowerInvariant()}), and request values are not variables"));
                    }
                }, SymbolKind.Method);
            });
        }
    }
}
