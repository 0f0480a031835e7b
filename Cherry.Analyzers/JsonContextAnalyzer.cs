using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Cherry.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cherry.Analyzers
{
    /// <summary>
    /// CHERRY0007: a [JsonOut] result or [JsonBody] parameter whose type no JsonSerializerContext of the compilation
    /// covers (listed, or reached through a listed type's properties). Without it MapCherry throws at start-up, so it
    /// is an error. Needs every context and every handler, so it reports at the end of the compilation.
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
                var known = KnownTypes.For(start.Compilation);
                if (known.JsonSerializerContext is null || known.JsonSerializable is null || known.Exposed is null)
                {
                    return;
                }
                var contexts = new ConcurrentBag<(INamedTypeSymbol Context, ImmutableArray<ITypeSymbol> Listed)>();
                var needs = new ConcurrentBag<(ITypeSymbol Type, string Role, string Handler, Location Location)>();
                start.RegisterSymbolAction(symbolContext =>
                {
                    var type = (INamedTypeSymbol)symbolContext.Symbol;
                    if (Symbols.DerivesFrom(type.BaseType, known.JsonSerializerContext))
                    {
                        var listed = type.GetAttributes()
                            .Where(a => Symbols.Is(a.AttributeClass, known.JsonSerializable) && a.ConstructorArguments.Length == 1)
                            .Select(a => a.ConstructorArguments[0].Value as ITypeSymbol)
                            .OfType<ITypeSymbol>()
                            .ToImmutableArray();
                        contexts.Add((type, listed));
                    }
                }, SymbolKind.NamedType);
                start.RegisterSymbolAction(symbolContext =>
                {
                    var method = (IMethodSymbol)symbolContext.Symbol;
                    var type = method.ContainingType;
                    var isHandler = Symbols.Has(method, known.Exposed) || (Symbols.Has(type, known.Rest) && TypeHierarchy.RestVerbs.Contains(method.Name));
                    if (!isHandler)
                    {
                        return;
                    }
                    var jsonOut = Symbols.Has(method, known.JsonOut) || TypeHierarchy.InheritedAttributes(type).Any(a => Symbols.Is(a.AttributeClass, known.JsonOut));
                    if (jsonOut && Result(method.ReturnType, known) is { } result)
                    {
                        needs.Add((result, "the [JsonOut] result", method.Name, method.Locations.FirstOrDefault() ?? Location.None));
                    }
                    foreach (var parameter in method.Parameters.Where(p => Symbols.Has(p, known.JsonBody)))
                    {
                        needs.Add((parameter.Type, $"the [JsonBody] parameter '{parameter.Name}'", method.Name, parameter.Locations.FirstOrDefault() ?? Location.None));
                    }
                }, SymbolKind.Method);
                start.RegisterCompilationEndAction(end =>
                {
                    var covered = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
                    foreach (var (_, listed) in contexts)
                    {
                        foreach (var type in listed)
                        {
                            JsonCoverage.Cover(type, covered);
                        }
                    }
                    var target = contexts.Select(c => c.Context)
                        .Where(c => c.Locations.Any(l => l.IsInSource))
                        .OrderBy(c => c.ToDisplayString())
                        .FirstOrDefault();
                    foreach (var (type, role, handler, location) in needs)
                    {
                        if (covered.Contains(type))
                        {
                            continue;
                        }
                        var typeText = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString();
                        var properties = ImmutableDictionary<string, string?>.Empty
                            .Add(TypeProperty, type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))
                            .Add(ContextProperty, target?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
                        var advice = target is null
                            ? $"declare a JsonSerializerContext with [JsonSerializable(typeof({typeText}))]"
                            : $"add [JsonSerializable(typeof({typeText}))] to {target.Name}";
                        end.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.JsonTypeNotInContext, location, properties, typeText, role, handler, advice));
                    }
                });
            });
        }

        /// <summary>The type a [JsonOut] handler serializes: its result, awaited; null when there is nothing to check.</summary>
        private static ITypeSymbol? Result(ITypeSymbol type, KnownTypes known)
        {
            if (type is INamedTypeSymbol { IsGenericType: true } named
                && (Symbols.Is(named.OriginalDefinition, known.TaskOfT) || Symbols.Is(named.OriginalDefinition, known.ValueTaskOfT)))
            {
                type = named.TypeArguments[0];
            }
            return type.SpecialType is SpecialType.System_Void or SpecialType.System_Object
                || Symbols.Is(type as INamedTypeSymbol, known.Task) || Symbols.Is(type as INamedTypeSymbol, known.ValueTask)
                ? null
                : type;
        }
    }
}
