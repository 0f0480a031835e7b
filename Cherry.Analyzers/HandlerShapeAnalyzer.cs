using System.Collections.Immutable;
using System.Linq;
using Cherry.Generators.Parsing;
using Cherry.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cherry.Analyzers
{
    /// <summary>
    /// CHERRY0001–0003: what the generator's own <see cref="NodeParser"/> leaves out of a tree (a return type Cherry
    /// cannot write, a parameter it cannot bind, a malformed [Dispatch] hook), reported on each class of the tree.
    /// The parser is the generator's, so the IDE and the generated code cannot disagree.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HandlerShapeAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            DiagnosticDescriptors.UnsupportedReturnType, DiagnosticDescriptors.UnsupportedParameterType, DiagnosticDescriptors.InvalidDispatchHook);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var known = new KnownTypes(start.Compilation);
                if (known.Exposed is null)
                {
                    return;
                }
                start.RegisterSymbolAction(symbolContext =>
                {
                    var type = (INamedTypeSymbol)symbolContext.Symbol;
                    if (!NodeParser.IsNode(type, known))
                    {
                        return;
                    }
                    NodeParser.ParseOne(type, known, (descriptor, member, arguments) =>
                    {
                        // A member inherited from a class in this source is reported when that class is analyzed.
                        if (member.Locations.FirstOrDefault(l => l.IsInSource) is not { } location)
                        {
                            location = type.Locations.FirstOrDefault() ?? Location.None;
                        }
                        else if (!SymbolEqualityComparer.Default.Equals(member.ContainingType, type))
                        {
                            return;
                        }
                        symbolContext.ReportDiagnostic(Diagnostic.Create(descriptor, location, arguments.Cast<object>().ToArray()));
                    }, symbolContext.CancellationToken);
                }, SymbolKind.NamedType);
            });
        }
    }
}
