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
using Microsoft.CodeAnalysis.Operations;

namespace Cherry.Analyzers
{
    /// <summary>
    /// CHERRY0005: two members of one class that answer the same URL segment after the naming and punctuation rules
    /// (an Index beside an explicit "index", a sub-tree beside a method, an alias, a PopArgs name).
    /// CHERRY0014: two applications mounted at the same script name on the same route builder; checked once per
    /// compilation, since it needs every MapCherry call. CHERRY0015: a mounted class with nothing to serve.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RouteConflictAnalyzer : DiagnosticAnalyzer
    {
        public const string SegmentProperty = "Segment";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(DiagnosticDescriptors.RouteConflict, DiagnosticDescriptors.MountConflict, DiagnosticDescriptors.MountWithoutHandlers);

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
                start.RegisterSymbolAction(symbolContext => CheckClass(symbolContext, (INamedTypeSymbol)symbolContext.Symbol, parsed), SymbolKind.NamedType);

                var mounts = new ConcurrentBag<Mount>();
                var container = start.Compilation.GetTypeByMetadataName(WellKnownNames.MapCherryContainer);
                start.RegisterOperationAction(operationContext =>
                {
                    var invocation = (IInvocationOperation)operationContext.Operation;
                    if (Mount.From(invocation, container) is { } mount)
                    {
                        mounts.Add(mount);
                    }
                    // A root from another assembly brings its own tree; one from this source gets one only if it has a handler.
                    if (MapCherryCall.RootOf(invocation, container) is INamedTypeSymbol root && root.Locations.Any(l => l.IsInSource)
                        && parsed.Get(root, operationContext.CancellationToken) is null)
                    {
                        operationContext.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MountWithoutHandlers, invocation.Syntax.GetLocation(), root.Name));
                    }
                }, OperationKind.Invocation);
                start.RegisterCompilationEndAction(end =>
                {
                    foreach (var group in mounts.GroupBy(m => (m.Builder, m.ScriptName), MountKey.Comparer))
                    {
                        var ordered = group.OrderBy(m => m.Location.SourceTree?.FilePath).ThenBy(m => m.Location.SourceSpan.Start).ToList();
                        foreach (var later in ordered.Skip(1))
                        {
                            end.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MountConflict, later.Location,
                                ordered[0].RootName, later.ScriptName, later.RootName));
                        }
                    }
                });
            });
        }

        private static void CheckClass(SymbolAnalysisContext context, INamedTypeSymbol type, ParsedClasses parsed)
        {
            // The class as the generator's parser sees it, parsed once for both analyzers; its problems are HandlerShapeAnalyzer's to report.
            if (parsed.Get(type, context.CancellationToken) is not { Node: var node })
            {
                return;
            }
            // The planner's own rule of who answers a segment: each lost claim is one report.
            foreach (var claim in TreePlanner.SegmentClaims(node))
            {
                var keeper = SymbolOf(claim.Owner, context.Compilation);
                if (claim.Loser is { } lost)
                {
                    var loser = SymbolOf(lost, context.Compilation);
                    Report(context, type, NameBeside(keeper, loser), loser, NameBeside(loser, keeper), claim.Segment);
                }
                else
                {
                    Report(context, type, $"PopArgs(\"{claim.PopArgsName}\")", keeper, keeper.Name, claim.Segment);
                }
            }
        }

        private static ISymbol SymbolOf(string declarationId, Compilation compilation) =>
            DocumentationCommentId.GetFirstSymbolForDeclarationId(declarationId, compilation)!;

        private static readonly SymbolDisplayFormat WithParameters = new(
            memberOptions: SymbolDisplayMemberOptions.IncludeParameters,
            parameterOptions: SymbolDisplayParameterOptions.IncludeType,
            miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

        /// <summary>A member's name, with its parameter types when the other member has the same name (two overloads).</summary>
        private static string NameBeside(ISymbol member, ISymbol other) =>
            member.Name == other.Name && member is IMethodSymbol ? member.ToDisplayString(WithParameters) : member.Name;

        private static void Report(SymbolAnalysisContext context, INamedTypeSymbol type, string keeper, ISymbol loser, string loserName, string segment)
        {
            // Members inherited from a class in another assembly are reported on the class being analyzed.
            var location = SymbolEqualityComparer.Default.Equals(loser.ContainingType, type) && loser.Locations.FirstOrDefault(l => l.IsInSource) is { } own
                ? own
                : type.Locations.FirstOrDefault() ?? Location.None;
            var properties = ImmutableDictionary<string, string?>.Empty.Add(SegmentProperty, segment);
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RouteConflict, location, properties, keeper, loserName, type.Name, segment));
        }

        /// <summary>One MapCherry call: the builder it is made on, its script name and root.</summary>
        private sealed class Mount
        {
            private Mount(ISymbol builder, string scriptName, string rootName, Location location)
            {
                Builder = builder;
                ScriptName = scriptName;
                RootName = rootName;
                Location = location;
            }

            public ISymbol Builder { get; }

            public string ScriptName { get; }

            public string RootName { get; }

            public Location Location { get; }

            public static Mount? From(IInvocationOperation invocation, INamedTypeSymbol? container)
            {
                if (MapCherryCall.From(invocation, container) is not { } call)
                {
                    return null;
                }
                ISymbol? builder = call.Argument("endpoints") switch
                {
                    ILocalReferenceOperation local => local.Local,
                    IParameterReferenceOperation parameter => parameter.Parameter,
                    IFieldReferenceOperation field => field.Field,
                    IPropertyReferenceOperation property => property.Property,
                    _ => null,
                };
                return builder is null ? null : new Mount(builder, call.ScriptName, call.Root.Name, invocation.Syntax.GetLocation());
            }
        }

        private sealed class MountKey : IEqualityComparer<(ISymbol Builder, string ScriptName)>
        {
            public static readonly MountKey Comparer = new MountKey();

            public bool Equals((ISymbol Builder, string ScriptName) x, (ISymbol Builder, string ScriptName) y) =>
                SymbolEqualityComparer.Default.Equals(x.Builder, y.Builder) && x.ScriptName == y.ScriptName;

            public int GetHashCode((ISymbol Builder, string ScriptName) key) =>
                SymbolEqualityComparer.Default.GetHashCode(key.Builder) ^ key.ScriptName.GetHashCode();
        }
    }
}
