using System.Collections.Immutable;
using System.Linq;
using Cherry.Generators.Parsing;
using Cherry.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cherry.Analyzers
{
    /// <summary>
    /// CHERRY0013: a tool attribute or <c>[Config]</c> on a method that no request reaches as a handler (not [Exposed], not a verb of a
    /// [Rest] class; a [Dispatch] hook only finds the next node) does nothing, which is never what its author meant.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UnexposedToolAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.ToolOnUnexposedMember);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var known = KnownTypes.For(start.Compilation);
                if (known.ToolAttribute is null)
                {
                    return;
                }
                start.RegisterSymbolAction(symbolContext =>
                {
                    var method = (IMethodSymbol)symbolContext.Symbol;
                    // A [Dispatch] hook is reached, but only to find the next node: tools on it run for no request.
                    if (method.MethodKind != MethodKind.Ordinary || NodeParser.RoleOf(method, NodeParser.IsRest(method.ContainingType, known), known) is MethodRole.Verb or MethodRole.Exposed)
                    {
                        return;
                    }
                    // [JsonOut] is read by the generator rather than being a ToolAttribute, but it is a tool to the user.
                    // [Config] is per-path configuration on a handler, so it does nothing on a method no request reaches either.
                    foreach (var attribute in method.GetAttributes().Where(a => TypeHierarchy.DerivesFrom(a.AttributeClass, known.ToolAttribute) || Symbols.Is(a.AttributeClass, known.JsonOut)
                        || a.AttributeClass?.ToDisplayString() == ConfigSymbols.ConfigAttribute))
                    {
                        var name = attribute.AttributeClass!.Name;
                        name = name.EndsWith("Attribute", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
                        symbolContext.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ToolOnUnexposedMember, Symbols.LocationOf(attribute, method), name, method.Name));
                    }
                }, SymbolKind.Method);
            });
        }
    }
}
