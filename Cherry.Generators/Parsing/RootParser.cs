using System.Threading;
using Cherry.Generators.Model;
using Cherry.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cherry.Generators.Parsing
{
    /// <summary>Finds the root types given to <c>MapCherry&lt;T&gt;</c> or <c>Quickstart.RunAsync&lt;T&gt;</c>; only they get a dispatch tree.</summary>
    internal static class RootParser
    {
        public static bool IsCandidate(SyntaxNode node) =>
            node is InvocationExpressionSyntax invocation
            && (invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "MapCherry" }
                || invocation.Expression is GenericNameSyntax { Identifier.ValueText: "MapCherry" }
                || invocation.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: WellKnownNames.QuickstartMethod } });

        /// <summary>A call named <c>MapCherryOpenApi</c>: only an app that serves the document gets it generated.</summary>
        public static bool IsOpenApiCandidate(SyntaxNode node) =>
            node is InvocationExpressionSyntax invocation
            && (invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "MapCherryOpenApi" }
                || invocation.Expression is IdentifierNameSyntax { Identifier.ValueText: "MapCherryOpenApi" });

        public static bool IsOpenApiCall(GeneratorSyntaxContext context, CancellationToken cancellation) =>
            context.SemanticModel.GetSymbolInfo(context.Node, cancellation).Symbol is IMethodSymbol method
            && method.ContainingType?.ToDisplayString() == WellKnownNames.MapCherryOpenApiContainer;

        public static (RootSpec Root, ParsedNodes Nodes)? Parse(GeneratorSyntaxContext context, CancellationToken cancellation)
        {
            if (context.SemanticModel.GetSymbolInfo(context.Node, cancellation).Symbol is not IMethodSymbol method
                || !WellKnownNames.MountsRoot(method)
                || method.TypeArguments[0] is not INamedTypeSymbol root
                || root.TypeKind != TypeKind.Class)
            {
                return null;
            }
            // Classes that declare handlers come from the [Exposed] and [Rest] steps, parsed once each.
            var compilation = context.SemanticModel.Compilation;
            var known = KnownTypes.For(compilation);
            var nodes = NodeParser.ParseReachedOnly(root, known, cancellation);
            return (new RootSpec(TypeNames.Of(root), root.Name, ConstructionParser.Parse(root, known)),
                new ParsedNodes(nodes, DocComments.Of(nodes, compilation, cancellation)));
        }
    }
}
