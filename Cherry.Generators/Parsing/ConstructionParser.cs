using System;
using System.Collections.Generic;
using System.Linq;
using Cherry.Generators.Model;
using Cherry.Shared;
using Microsoft.CodeAnalysis;

namespace Cherry.Generators.Parsing
{
    /// <summary>
    /// How start-up builds a mounted root: its public constructor (<see cref="Chosen"/>); a parameter whose type is
    /// itself a tree node is built the same way (unless that would loop), any other is a service from DI. The
    /// generator emits the call from it; NodeConstructorAnalyzer walks the same constructors (CHERRY0017).
    /// </summary>
    internal static class ConstructionParser
    {
        /// <param name="perRequest">Called for each parameter of a per-request type, which a node built once cannot take.</param>
        public static ConstructionSpec? Parse(INamedTypeSymbol type, KnownTypes known, Action<INamedTypeSymbol, IParameterSymbol>? perRequest = null) =>
            Parse(type, known, perRequest, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default));

        private static ConstructionSpec? Parse(INamedTypeSymbol type, KnownTypes known, Action<INamedTypeSymbol, IParameterSymbol>? perRequest, HashSet<ITypeSymbol> building)
        {
            var constructor = type.IsAbstract ? null : Chosen(type.InstanceConstructors.Where(c => c.DeclaredAccessibility == Accessibility.Public).ToList());
            if (constructor is null || !building.Add(type))
            {
                return null;
            }
            var arguments = new List<ConstructorArgumentSpec>();
            foreach (var parameter in constructor.Parameters)
            {
                if (perRequest is not null && IsPerRequest(parameter.Type, known))
                {
                    perRequest(type, parameter);
                }
                var node = parameter.Type is INamedTypeSymbol { TypeKind: TypeKind.Class } named && !building.Contains(named) && NodeParser.IsNode(named, known)
                    ? Parse(named, known, perRequest, building)
                    : null;
                arguments.Add(new ConstructorArgumentSpec(parameter.Name, TypeNames.Of(parameter.Type), node));
            }
            building.Remove(type);
            return new ConstructionSpec(TypeNames.Of(type), type.Name, arguments.ToEquatableArray());
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

        /// <summary>What exists only while a request runs: the request and response, the session, the context, its cancellation.</summary>
        private static bool IsPerRequest(ITypeSymbol type, KnownTypes known) =>
            new[] { known.Request, known.Response, known.Session, known.HttpContext, known.CancellationToken }
                .Any(t => t is not null && SymbolEqualityComparer.Default.Equals(type, t));
    }
}
