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
    /// [Rest] class; a [Dispatch] hook only finds the next node) does nothing, which is never what its author meant; so does
    /// [JsonBody] or [KeywordOnly] on such a method's parameter. CHERRY0022: Cherry's attributes on a method the tree never
    /// calls by its kind (abstract, or of an interface or a struct: the implementing method does not inherit them), and
    /// [Exposed] on a property or field of a class that is no node (the generator's parser reports those of a node).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UnexposedToolAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            DiagnosticDescriptors.ToolOnUnexposedMember, DiagnosticDescriptors.AttributeNotHonoured);

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
                start.RegisterSymbolAction(symbolContext => AnalyzeMethod(symbolContext, known), SymbolKind.Method);
                start.RegisterSymbolAction(symbolContext =>
                {
                    var member = symbolContext.Symbol;
                    if (Symbols.Find(member, known.Exposed) is not { } exposed || member.ContainingType is not { } owner)
                    {
                        return;
                    }
                    var problem = owner.TypeKind != TypeKind.Class ? $"a {KindOf(owner)} is never a node of the tree, only a class is; make '{owner.Name}' a class"
                        : !NodeParser.IsNode(owner, known) ? NodeParser.ExposedMemberProblem(member, known)
                        : null;
                    if (problem is not null)
                    {
                        symbolContext.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.AttributeNotHonoured, Symbols.LocationOf(exposed, member), "Exposed", member.Name, problem));
                    }
                }, SymbolKind.Property, SymbolKind.Field);
            });
        }

        private static void AnalyzeMethod(SymbolAnalysisContext context, KnownTypes known)
        {
            var method = (IMethodSymbol)context.Symbol;
            if (method.MethodKind != MethodKind.Ordinary)
            {
                return;
            }
            // [JsonOut] is read by the generator rather than being a ToolAttribute, but it is a tool to the user.
            // [Config] is per-path configuration on a handler, so it does nothing on a method no request reaches either.
            bool IsTool(AttributeData a) => TypeHierarchy.DerivesFrom(a.AttributeClass, known.ToolAttribute) || Symbols.Is(a.AttributeClass, known.JsonOut)
                || a.AttributeClass?.ToDisplayString() == ConfigSymbols.ConfigAttribute;
            if (method.IsAbstract || method.ContainingType.TypeKind != TypeKind.Class)
            {
                // The tree calls a class's own methods; an override or an implementation reads only its own attributes.
                var why = method.ContainingType.TypeKind is TypeKind.Class or TypeKind.Interface
                    ? "an abstract or interface method is never what a request calls, and the method that implements it does not inherit the attribute; put it on that method"
                    : $"a {KindOf(method.ContainingType)} is never a node of the tree, only a class is; make '{method.ContainingType.Name}' a class";
                foreach (var attribute in method.GetAttributes().Where(a => IsTool(a) || Symbols.Is(a.AttributeClass, known.Exposed) || Symbols.Is(a.AttributeClass, known.Dispatch)))
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.AttributeNotHonoured, Symbols.LocationOf(attribute, method), ShortName(attribute), method.Name, why));
                }
                return;
            }
            // A [Dispatch] hook is reached, but only to find the next node: tools on it run for no request.
            if (NodeParser.RoleOf(method, NodeParser.IsRest(method.ContainingType, known), known) is MethodRole.Verb or MethodRole.Exposed)
            {
                return;
            }
            // ASP.NET Core's endpoint attributes ([Authorize], [EnableRateLimiting], ...) become a handler's policies only on
            // a handler; in a class that is no node they may serve another framework (an MVC controller), so only a node's count.
            var isNode = NodeParser.IsNode(method.ContainingType, known);
            foreach (var attribute in method.GetAttributes().Where(a => IsTool(a) || (isNode && known.IsEndpointMetadata(a.AttributeClass))))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ToolOnUnexposedMember, Symbols.LocationOf(attribute, method), ShortName(attribute), method.Name));
            }
            // How a request binds a parameter means nothing on a method no request calls.
            foreach (var parameter in method.Parameters)
            {
                foreach (var attribute in parameter.GetAttributes().Where(a => Symbols.Is(a.AttributeClass, known.JsonBody) || Symbols.Is(a.AttributeClass, known.KeywordOnly)))
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ToolOnUnexposedMember, Symbols.LocationOf(attribute, parameter), ShortName(attribute), method.Name));
                }
            }
        }

        private static string KindOf(INamedTypeSymbol type) => type.TypeKind switch
        {
            TypeKind.Interface => "an interface",
            TypeKind.Struct => type.IsRecord ? "a record struct" : "a struct",
            _ => "a type that is not a class",
        };

        private static string ShortName(AttributeData attribute)
        {
            var name = attribute.AttributeClass!.Name;
            return name.EndsWith("Attribute", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
        }
    }
}
