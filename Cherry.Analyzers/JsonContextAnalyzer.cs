using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Cherry.Generators.Model;
using Cherry.Generators.Parsing;
using Cherry.Generators.Planning;
using Cherry.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cherry.Analyzers
{
    /// <summary>
    /// CHERRY0007: a JSON result or [JsonBody] parameter whose type no JsonSerializerContext of the compilation covers.
    /// Both sides are the generator's own reading: which handlers read or write JSON, and of which type, from the
    /// shared parse of each class (<see cref="ParsedClasses"/>); what each context covers, from
    /// <see cref="JsonContextParser"/>. Without the metadata MapCherry stops at start-up, so it is an error. Needs every
    /// context and every handler, so it reports at the end of the compilation.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class JsonContextAnalyzer : DiagnosticAnalyzer
    {
        public const string ContextProperty = "Context";
        public const string TypeProperty = "Type";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.JsonTypeNotInContext);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var parsed = ParsedClasses.For(start.Compilation);
                var known = parsed.Known;
                if (known.JsonSerializerContext is null || known.JsonSerializable is null || known.Exposed is null)
                {
                    return;
                }
                var contexts = new ConcurrentBag<(INamedTypeSymbol Context, EquatableArray<JsonTypeSpec> Covers)>();
                var needs = new ConcurrentBag<JsonNeed>();
                start.RegisterSymbolAction(symbolContext =>
                {
                    var type = (INamedTypeSymbol)symbolContext.Symbol;
                    if (TypeHierarchy.DerivesFrom(type, known.JsonSerializerContext))
                    {
                        var serializable = type.GetAttributes().Where(a => Symbols.Is(a.AttributeClass, known.JsonSerializable));
                        contexts.Add((type, JsonContextParser.Parse(type, serializable, symbolContext.CancellationToken)));
                    }
                    if (parsed.Get(type, symbolContext.CancellationToken) is { } parsedClass)
                    {
                        AddNeeds(needs, parsedClass.Node, type);
                    }
                }, SymbolKind.NamedType);
                start.RegisterCompilationEndAction(end =>
                {
                    var covered = new HashSet<string>(contexts.SelectMany(c => c.Covers).Select(c => c.TypeName));
                    var target = contexts.Select(c => c.Context)
                        .Where(c => c.Locations.Any(l => l.IsInSource))
                        .OrderBy(c => c.ToDisplayString())
                        .FirstOrDefault();
                    foreach (var need in needs.Where(n => !covered.Contains(n.TypeName)))
                    {
                        Report(end, need, target);
                    }
                });
            });
        }

        /// <summary>The JSON types of the class's own handlers (inherited ones are its base class's to report).</summary>
        private static void AddNeeds(ConcurrentBag<JsonNeed> needs, NodeSpec node, INamedTypeSymbol type)
        {
            foreach (var handler in node.Handlers.Where(h => IsDeclaredIn(h, type)))
            {
                // The planner's own list of what a handler needs JSON metadata for.
                foreach (var (_, key, parameter) in TreePlanner.JsonNeeds(handler))
                {
                    needs.Add(new JsonNeed(key, parameter is null ? "the [JsonOut] result" : $"the [JsonBody] parameter '{parameter}'", handler, parameter));
                }
            }
        }

        private static bool IsDeclaredIn(HandlerSpec handler, INamedTypeSymbol type) =>
            type.GetMembers(handler.MethodName).Any(m => DocumentationCommentId.CreateDeclarationId(m) == handler.DeclarationId);

        private static void Report(CompilationAnalysisContext end, JsonNeed need, INamedTypeSymbol? target)
        {
            var method = DocumentationCommentId.GetFirstSymbolForDeclarationId(need.Handler.DeclarationId, end.Compilation) as IMethodSymbol;
            var location = (need.Parameter is { } name ? method?.Parameters.FirstOrDefault(p => p.Name == name)?.Locations.FirstOrDefault() : method?.Locations.FirstOrDefault())
                ?? Location.None;
            var typeText = need.TypeName.Replace("global::", "");
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(TypeProperty, need.TypeName)
                .Add(ContextProperty, target?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
            var advice = target is null
                ? $"declare a JsonSerializerContext with [JsonSerializable(typeof({typeText}))]"
                : $"add [JsonSerializable(typeof({typeText}))] to {target.Name}";
            end.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.JsonTypeNotInContext, location, properties, typeText, need.Role, need.Handler.MethodName, advice));
        }

        private sealed record JsonNeed(string TypeName, string Role, HandlerSpec Handler, string? Parameter);
    }
}
