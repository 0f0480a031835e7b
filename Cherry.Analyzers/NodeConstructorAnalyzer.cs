using System.Collections.Immutable;
using System.Linq;
using Cherry.Generators.Parsing;
using Cherry.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Cherry.Analyzers
{
    /// <summary>
    /// CHERRY0017: <c>MapCherry&lt;TRoot&gt;()</c> builds the root (and the nodes its constructor takes) once at start-up,
    /// so a constructor parameter of a per-request type (Request, Response, Session, HttpContext, CancellationToken)
    /// can never be given. The constructors walked are the generator's own (<see cref="ConstructionParser"/>).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class NodeConstructorAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(DiagnosticDescriptors.PerRequestValueInNodeConstructor);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var known = KnownTypes.For(start.Compilation);
                var container = start.Compilation.GetTypeByMetadataName(WellKnownNames.MapCherryContainer);
                start.RegisterOperationAction(operationContext =>
                {
                    var invocation = (IInvocationOperation)operationContext.Operation;
                    // MapCherry(root, ...) is given its root object: no constructor of the tree's runs.
                    if (MapCherryCall.RootOf(invocation, container) is INamedTypeSymbol root
                        && !invocation.TargetMethod.Parameters.Any(p => p.Name == "root"))
                    {
                        ConstructionParser.Parse(root, known, (owner, parameter) =>
                        {
                            if (parameter.Locations.FirstOrDefault(l => l.IsInSource) is { } location)
                            {
                                operationContext.ReportDiagnostic(Diagnostic.Create(
                                    DiagnosticDescriptors.PerRequestValueInNodeConstructor, location, owner.Name, parameter.Name, parameter.Type.Name));
                            }
                        });
                    }
                }, OperationKind.Invocation);
            });
        }
    }
}
