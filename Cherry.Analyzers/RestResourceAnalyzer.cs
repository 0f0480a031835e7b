using System.Collections.Immutable;
using System.Linq;
using Cherry.Generators.Model;
using Cherry.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cherry.Analyzers
{
    /// <summary>
    /// CHERRY0011: a [Rest] class answers by HTTP method through its Get/Post/... methods; an [Exposed] method with
    /// another name is never dispatched, nor is a sub-tree it holds (only a [Dispatch] hook finds sub-resources), a class
    /// with no verb and no hook answers every request 405, and a verb declared twice leaves the generator no single method to call.
    /// Read from the generator's own parse of the class (<see cref="ParsedClasses"/>).
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
                var parsed = ParsedClasses.For(start.Compilation);
                if (parsed.Known.Rest is null)
                {
                    return;
                }
                start.RegisterSymbolAction(symbolContext =>
                {
                    var type = (INamedTypeSymbol)symbolContext.Symbol;
                    if (parsed.Get(type, symbolContext.CancellationToken) is not { Node.IsRest: true } parsedClass)
                    {
                        return;
                    }
                    var handlers = parsedClass.Node.Handlers;
                    foreach (var handler in handlers.Where(h => h.Kind != HandlerKind.Verb))
                    {
                        Report(symbolContext, type, handler,
                            $"the [Exposed] method '{handler.MethodName}' is not an HTTP verb; a [Rest] resource answers through {string.Join(", ", TypeHierarchy.RestVerbs)}");
                    }
                    // Dispatch on a [Rest] position runs the hook, then the verbs: it never walks the class's members.
                    foreach (var child in parsedClass.Node.Children)
                    {
                        if (type.GetMembers(child.MemberName).FirstOrDefault(m => DocumentationCommentId.CreateDeclarationId(m) == child.DeclarationId) is { } member)
                        {
                            symbolContext.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RestResourceShape, member.Locations.FirstOrDefault(), type.Name,
                                $"the sub-tree '{child.MemberName}' is never reached: a [Rest] resource takes the rest of the path as its verb's arguments; find sub-resources with a [Dispatch] hook, or mount it outside the resource"));
                        }
                    }
                    if (!handlers.Any(h => h.Kind == HandlerKind.Verb) && parsedClass.Node.DispatchHook is null
                        && Symbols.Find(type, parsed.Known.Rest) is { } rest)
                    {
                        symbolContext.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RestResourceShape, Symbols.LocationOf(rest, type), type.Name,
                            $"it has no public verb method ({string.Join(", ", TypeHierarchy.RestVerbs)}) and no [Dispatch] hook, so every request is answered 405; add the verbs it answers"));
                    }
                    foreach (var verb in handlers.Where(h => h.Kind == HandlerKind.Verb).GroupBy(h => h.MethodName).Where(g => g.Count() > 1))
                    {
                        foreach (var extra in verb.Skip(1))
                        {
                            Report(symbolContext, type, extra, $"'{verb.Key}' is declared {verb.Count()} times; one method per verb, with optional parameters for the variants");
                        }
                    }
                }, SymbolKind.NamedType);
            });
        }

        /// <summary>On the method, when this class declares it (an inherited one is reported on its own class).</summary>
        private static void Report(SymbolAnalysisContext context, INamedTypeSymbol type, HandlerSpec handler, string problem)
        {
            var method = type.GetMembers(handler.MethodName).FirstOrDefault(m => DocumentationCommentId.CreateDeclarationId(m) == handler.DeclarationId);
            if (method is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RestResourceShape, method.Locations.FirstOrDefault(), type.Name, problem));
            }
        }
    }
}
