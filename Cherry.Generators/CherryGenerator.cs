using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Cherry.Generators.Emitting;
using Cherry.Generators.Model;
using Cherry.Shared;
using Cherry.Generators.Parsing;
using Cherry.Generators.Planning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Cherry.Generators
{
    /// <summary>
    /// Pipeline wiring only: attributes and <c>MapCherry&lt;T&gt;</c> calls → node specs → one planned, equatable
    /// <see cref="TreeSpec"/> per root → its source. An unchanged plan is not emitted again.
    /// The pipeline carries no diagnostics: the analyzers report what the parser leaves out (HandlerShapeAnalyzer).
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class CherryGenerator : IIncrementalGenerator
    {
        public const string ExposedStep = "Exposed";
        public const string RestStep = "Rest";
        public const string RootsStep = "Roots";
        public const string JsonStep = "JsonTypes";
        public const string TreesStep = "Trees";
        public const string JsonSchemasStep = "JsonSchemas";
        public const string OpenApiStep = "OpenApi";
        public const string ToolMentionsStep = "ToolMentions";
        public const string ToolFilesStep = "ToolFiles";
        public const string ConfigNamespacesStep = "ConfigNamespaces";
        public const string ToolDeclarationsStep = "ToolDeclarations";

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            // Compiling Cherry.Runtime itself: the built-in tools' generated parts, from their declarations, and nothing an app gets.
            var compiling = context.CompilationProvider.Select(static (compilation, _) => compilation.AssemblyName);
            context.RegisterSourceOutput(compiling, static (spc, assembly) =>
            {
                if (assembly == BuiltInToolEmitter.RuntimeAssembly)
                {
                    foreach (var tool in ToolCatalog.All)
                    {
                        spc.AddSource(BuiltInToolEmitter.HintName(tool), SourceText.From(BuiltInToolEmitter.Emit(tool), System.Text.Encoding.UTF8));
                    }
                    spc.AddSource(BuiltInToolEmitter.DefaultOnHintName, SourceText.From(BuiltInToolEmitter.EmitDefaultOn(ToolCatalog.All), System.Text.Encoding.UTF8));
                }
            });
            var isApp = compiling.Select(static (assembly, _) => assembly != BuiltInToolEmitter.RuntimeAssembly);

            var exposed = context.SyntaxProvider.ForAttributeWithMetadataName(
                    WellKnownNames.Exposed,
                    static (node, _) => true,
                    static (ctx, ct) => IsFirstExposedOfItsClass(ctx)
                        ? ParseAlone(ctx.TargetSymbol.ContainingType, ctx.SemanticModel.Compilation, ct)
                        : ParsedNodes.Empty)
                .WithTrackingName(ExposedStep);

            var rest = context.SyntaxProvider.ForAttributeWithMetadataName(
                    WellKnownNames.Rest,
                    static (node, _) => true,
                    static (ctx, ct) => ParseAlone((INamedTypeSymbol)ctx.TargetSymbol, ctx.SemanticModel.Compilation, ct))
                .WithTrackingName(RestStep);

            var roots = context.SyntaxProvider.CreateSyntaxProvider(
                    static (node, _) => RootParser.IsCandidate(node),
                    static (ctx, ct) => RootParser.Parse(ctx, ct))
                .Where(static r => r is not null)
                .Select(static (r, _) => r!.Value)
                .WithTrackingName(RootsStep);

            var json = context.SyntaxProvider.ForAttributeWithMetadataName(
                    WellKnownNames.JsonSerializable,
                    static (node, _) => true,
                    JsonContextParser.Parse)
                .WithTrackingName(JsonStep);

            var parsed = exposed.Collect()
                .Combine(rest.Collect())
                .Combine(roots.Select(static (r, _) => r.Nodes).Collect())
                .Select(static (all, _) => all.Left.Left.Concat(all.Left.Right).Concat(all.Right).ToImmutableArray());

            // The trees see the specs alone: a doc comment edit gives equal nodes, so no tree is planned or emitted again.
            var trees = roots.Select(static (r, _) => r.Root).Collect()
                .Combine(parsed.Select(static (results, _) => results.SelectMany(r => r.Nodes).ToEquatableArray()))
                .Combine(json.Collect().Select(static (specs, _) => specs.SelectMany(s => s).ToEquatableArray()))
                .SelectMany(static (input, _) => PlanTrees(input.Left.Left, input.Left.Right, input.Right))
                .WithTrackingName(TreesStep);

            context.RegisterSourceOutput(trees, static (spc, tree) => spc.AddSource(tree.HintName, SourceText.From(TreeEmitter.Emit(tree), System.Text.Encoding.UTF8)));

            var mentionedInCode = context.SyntaxProvider.CreateSyntaxProvider(
                    static (node, _) => ToolMentionParser.IsCandidate(node),
                    static (ctx, _) => ToolMentionParser.FromLiteral(ctx.Node))
                .WithTrackingName(ToolMentionsStep);
            var mentionedInFiles = context.AdditionalTextsProvider
                .Where(static file => ToolMentionParser.IsConfigFile(file.Path))
                .Select(static (file, ct) => ToolMentionParser.Find(file.GetText(ct)?.ToString()))
                .WithTrackingName(ToolFilesStep);
            var toolClasses = mentionedInCode.Collect()
                .Combine(mentionedInFiles.Collect())
                .Select(static (all, _) => all.Left.Concat(all.Right).SelectMany(c => c).Distinct().OrderBy(c => c, System.StringComparer.Ordinal).ToEquatableArray());
            context.RegisterSourceOutput(toolClasses.Combine(isApp), static (spc, input) =>
            {
                var (classes, app) = input;
                if (app && classes.Count > 0)
                {
                    spc.AddSource(ToolRootsEmitter.HintName, SourceText.From(ToolRootsEmitter.Emit(classes), System.Text.Encoding.UTF8));
                }
            });

            // A binder per options class a typed namespace binds, registered by one module initialiser.
            var configNamespaces = context.SyntaxProvider.CreateSyntaxProvider(
                    static (node, _) => ConfigNamespaceParser.IsCandidate(node),
                    static (ctx, ct) => ConfigNamespaceParser.Parse(ctx, ct))
                .Where(static spec => spec is not null)
                .Select(static (spec, _) => spec!)
                .WithTrackingName(ConfigNamespacesStep)
                .Collect()
                .Select(static (specs, _) => specs.GroupBy(s => s.TypeName).Select(g => g.First()).OrderBy(s => s.TypeName, System.StringComparer.Ordinal).ToEquatableArray());
            context.RegisterSourceOutput(configNamespaces.Combine(isApp), static (spc, input) =>
            {
                var (specs, app) = input;
                if (app && specs.Count > 0)
                {
                    spc.AddSource(ConfigBindersEmitter.HintName, SourceText.From(ConfigBindersEmitter.Emit(specs), System.Text.Encoding.UTF8));
                }
            });

            // A user's [ToolDeclaration] class: the tool it makes, its binder and its registration, from its spec alone.
            var declaredTools = context.SyntaxProvider.ForAttributeWithMetadataName(
                    ToolDeclarationParser.AttributeName,
                    static (node, _) => true,
                    static (ctx, _) => ToolDeclarationParser.Parse((INamedTypeSymbol)ctx.TargetSymbol, ctx.SemanticModel.Compilation, static (_, _) => { }))
                .Where(static spec => spec is not null)
                .Select(static (spec, _) => spec!)
                .WithTrackingName(ToolDeclarationsStep);
            context.RegisterSourceOutput(declaredTools, static (spc, spec) =>
                spc.AddSource(DeclaredToolEmitter.HintName(spec), SourceText.From(DeclaredToolEmitter.Emit(spec), System.Text.Encoding.UTF8)));

            // The OpenAPI document: only when the app calls MapCherryOpenApi, one per tree, from its plan and the JSON schemas.
            var openApiWanted = context.SyntaxProvider.CreateSyntaxProvider(
                    static (node, _) => RootParser.IsOpenApiCandidate(node),
                    static (ctx, ct) => RootParser.IsOpenApiCall(ctx, ct))
                .Where(static called => called)
                .Collect()
                .Select(static (calls, _) => calls.Length > 0);

            var jsonSchemas = context.SyntaxProvider.ForAttributeWithMetadataName(
                    WellKnownNames.JsonSerializable,
                    static (node, _) => true,
                    JsonContextParser.ParseSchemas)
                .WithTrackingName(JsonSchemasStep);

            var summaries = parsed.Select(static (results, _) => results.SelectMany(r => r.Summaries).ToEquatableArray());

            var documents = trees.Combine(openApiWanted)
                .Where(static input => input.Right)
                .Select(static (input, _) => input.Left)
                .Combine(jsonSchemas.Collect().Select(static (specs, _) => specs.SelectMany(s => s).ToEquatableArray()))
                .Combine(summaries)
                .Select(static (input, _) => OpenApiPlanner.Plan(input.Left.Left, input.Left.Right, input.Right))
                .WithTrackingName(OpenApiStep);

            context.RegisterSourceOutput(documents, static (spc, document) => spc.AddSource(document.HintName, SourceText.From(OpenApiEmitter.Emit(document), System.Text.Encoding.UTF8)));
        }

        /// <summary>
        /// The class alone: what it reaches is only planned under a root, and the Roots step parses each root with
        /// everything it reaches, so parsing that again here (every class, and the whole tree from a root's own
        /// [Exposed] Index) tripled the generator's parsing.
        /// </summary>
        private static ParsedNodes ParseAlone(INamedTypeSymbol type, Compilation compilation, System.Threading.CancellationToken cancellation)
        {
            var nodes = new[] { NodeParser.ParseOne(type, KnownTypes.For(compilation), report: null, cancellation) }.ToEquatableArray();
            return new ParsedNodes(nodes, DocComments.Of(nodes, compilation, cancellation));
        }

        /// <summary>
        /// A class is parsed once, for its first [Exposed] method: the transform runs for every exposed method on every
        /// compilation change, and parsing the class each time made a 1,000-handler app ten times slower.
        /// </summary>
        private static bool IsFirstExposedOfItsClass(GeneratorAttributeSyntaxContext context)
        {
            var attribute = context.Attributes[0].AttributeClass;
            foreach (var member in context.TargetSymbol.ContainingType.GetMembers())
            {
                if (member is IMethodSymbol && member.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute)))
                {
                    return SymbolEqualityComparer.Default.Equals(member, context.TargetSymbol);
                }
            }
            return true;
        }

        private static IEnumerable<TreeSpec> PlanTrees(ImmutableArray<RootSpec> roots, EquatableArray<NodeSpec> nodes, EquatableArray<JsonTypeSpec> jsonTypes)
        {
            var byType = new Dictionary<string, NodeSpec>();
            foreach (var node in nodes)
            {
                byType[node.TypeName] = node;
            }
            var contexts = new Dictionary<string, string>();
            // A context that lists the type wins over one that only reaches it (its options were chosen for it).
            foreach (var spec in jsonTypes.OrderBy(s => s.Reached))
            {
                if (!contexts.ContainsKey(spec.TypeName))
                {
                    contexts[spec.TypeName] = spec.ContextTypeName;
                }
            }
            foreach (var root in roots.Distinct())
            {
                if (TreePlanner.Plan(root, byType, contexts) is { } tree)
                {
                    yield return tree;
                }
            }
        }
    }
}
