using System.Collections.Immutable;
using System.Linq;
using Cherry.Generators.Parsing;
using Cherry.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cherry.Analyzers
{
    /// <summary>
    /// CHERRY0001–0004 and 0006: what the generator's own <see cref="NodeParser"/> leaves out of a tree (a return type
    /// Cherry cannot write, a parameter it cannot bind, a malformed [Dispatch] hook, an [Exposed] method that is not
    /// public, or is static, generic, async void, takes a parameter by reference or two [JsonBody]s), and attributes that
    /// do not work together on a class (CHERRY0016), and attributes the kind of their target never reads (CHERRY0022: an
    /// alias of a sub-tree or a verb, a tool on an XML-RPC method, [KeywordOnly] on an injected parameter, [PopArgs] names
    /// no request fills), reported on each class of the tree.
    /// The parser is the generator's, so the IDE and the generated code cannot disagree.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HandlerShapeAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            DiagnosticDescriptors.UnsupportedReturnType, DiagnosticDescriptors.UnsupportedParameterType, DiagnosticDescriptors.InvalidDispatchHook,
            DiagnosticDescriptors.ExposedMemberNotReachable, DiagnosticDescriptors.ExposedNotDispatchable, DiagnosticDescriptors.AttributesDoNotCombine,
            DiagnosticDescriptors.AttributeNotHonoured);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var parsed = ParsedClasses.For(start.Compilation);
                if (parsed.Known.Exposed is null)
                {
                    return;
                }
                start.RegisterSymbolAction(symbolContext =>
                {
                    var type = (INamedTypeSymbol)symbolContext.Symbol;
                    if (parsed.Get(type, symbolContext.CancellationToken) is not { } parsedClass)
                    {
                        return;
                    }
                    foreach (var problem in parsedClass.Problems)
                    {
                        var member = problem.Member;
                        // A member inherited from a class in this source is reported when that class is analyzed.
                        if (member.Locations.FirstOrDefault(l => l.IsInSource) is not { } location)
                        {
                            location = type.Locations.FirstOrDefault() ?? Location.None;
                        }
                        else if (!SymbolEqualityComparer.Default.Equals(member, type) && !SymbolEqualityComparer.Default.Equals(member.ContainingType, type))
                        {
                            continue;
                        }
                        // An attribute its target cannot honour is reported on the attribute, whose name is the first argument.
                        if (problem.Descriptor == DiagnosticDescriptors.AttributeNotHonoured
                            && member.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == problem.Arguments[0] + "Attribute") is { } attribute)
                        {
                            location = Symbols.LocationOf(attribute, member);
                        }
                        symbolContext.ReportDiagnostic(Diagnostic.Create(problem.Descriptor, location, problem.Arguments.Cast<object>().ToArray()));
                    }
                }, SymbolKind.NamedType);
            });
        }
    }
}
