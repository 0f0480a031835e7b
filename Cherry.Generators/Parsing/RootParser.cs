using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Cherry.Generators.Model;
using Cherry.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cherry.Generators.Parsing
{
    /// <summary>Finds the root types given to <c>MapCherry&lt;T&gt;</c>; only they get a dispatch tree.</summary>
    internal static class RootParser
    {
        public static bool IsCandidate(SyntaxNode node) =>
            node is InvocationExpressionSyntax invocation
            && (invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "MapCherry" }
                || invocation.Expression is GenericNameSyntax { Identifier.ValueText: "MapCherry" });

        public static (RootSpec Root, EquatableArray<NodeSpec> Nodes)? Parse(GeneratorSyntaxContext context, CancellationToken cancellation)
        {
            if (context.SemanticModel.GetSymbolInfo(context.Node, cancellation).Symbol is not IMethodSymbol method
                || method.ContainingType?.ToDisplayString() != WellKnownNames.MapCherryContainer
                || method.TypeArguments.Length != 1
                || method.TypeArguments[0] is not INamedTypeSymbol root
                || root.TypeKind != TypeKind.Class)
            {
                return null;
            }
            // Classes that declare handlers come from the [Exposed] and [Rest] steps, parsed once each.
            var known = KnownTypes.For(context.SemanticModel.Compilation);
            var nodes = NodeParser.ParseReachedOnly(root, known, cancellation);
            return (new RootSpec(TypeNames.Of(root), root.Name, Construction(root, known, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default))), nodes);
        }

        /// <summary>
        /// Of several public constructors, the one marked <c>[ActivatorUtilitiesConstructor]</c> (DI's own marker), else the
        /// parameterless one (what <c>new T()</c> called before roots took services), else the one with most parameters.
        /// </summary>
        private static IMethodSymbol? Chosen(List<IMethodSymbol> constructors) =>
            constructors.Count <= 1 ? constructors.FirstOrDefault()
            : constructors.FirstOrDefault(c => c.GetAttributes().Any(a => a.AttributeClass?.Name == "ActivatorUtilitiesConstructorAttribute"))
              ?? constructors.FirstOrDefault(c => c.Parameters.Length == 0)
              ?? constructors.OrderByDescending(c => c.Parameters.Length).First();

        /// <summary>
        /// How start-up builds <paramref name="type"/>: its public constructor (<see cref="Chosen"/>); a parameter
        /// whose type is itself a tree node is built the same way (unless that would loop), any other comes from DI.
        /// </summary>
        private static ConstructionSpec? Construction(INamedTypeSymbol type, KnownTypes known, HashSet<ITypeSymbol> building)
        {
            var constructor = type.IsAbstract ? null : Chosen(type.InstanceConstructors.Where(c => c.DeclaredAccessibility == Accessibility.Public).ToList());
            if (constructor is null || !building.Add(type))
            {
                return null;
            }
            var arguments = constructor.Parameters.Select(p => new ConstructorArgumentSpec(
                p.Name,
                TypeNames.Of(p.Type),
                p.Type is INamedTypeSymbol { TypeKind: TypeKind.Class } node && !building.Contains(node) && NodeParser.IsNode(node, known)
                    ? Construction(node, known, building)
                    : null)).ToEquatableArray();
            building.Remove(type);
            return new ConstructionSpec(TypeNames.Of(type), type.Name, arguments);
        }
    }
}
