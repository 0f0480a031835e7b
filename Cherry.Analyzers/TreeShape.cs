using System.Collections.Generic;
using System.Linq;
using Cherry.Shared;
using Microsoft.CodeAnalysis;

namespace Cherry.Analyzers
{
    /// <summary>What one class contributes to the dispatch tree, decided as the generator decides it.</summary>
    internal sealed class TreeShape
    {
        private readonly KnownTypes _known;

        public TreeShape(KnownTypes known) => _known = known;

        /// <summary>A class from source with handlers, a REST or PopArgs marker, a dispatch hook, or node members.</summary>
        public bool IsNode(INamedTypeSymbol type) => IsNode(type, new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default));

        private bool IsNode(INamedTypeSymbol type, HashSet<INamedTypeSymbol> seen)
        {
            if (type.TypeKind != TypeKind.Class || !type.Locations.Any(l => l.IsInSource) || !seen.Add(type))
            {
                return false;
            }
            if (Symbols.Has(type, _known.Rest) || Symbols.Has(type, _known.PopArgs))
            {
                return true;
            }
            foreach (var member in TypeHierarchy.AllMembers(type))
            {
                if (member is IMethodSymbol method && (Symbols.Has(method, _known.Exposed) || Symbols.Has(method, _known.Dispatch)))
                {
                    return true;
                }
                if (Symbols.SubTreeType(member) is { } child && IsNode(child, seen))
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>The exposed handlers the tree takes: public instance, not generic, no by-reference parameters.</summary>
        public IEnumerable<IMethodSymbol> Handlers(INamedTypeSymbol type) =>
            Symbols.PublicMethods(type).Where(m => Symbols.Has(m, _known.Exposed) && !m.IsGenericMethod && m.Parameters.All(p => p.RefKind == RefKind.None));

        /// <summary>The members that lead to sub-trees, with the class each leads to.</summary>
        public IEnumerable<(ISymbol Member, INamedTypeSymbol Type)> SubTrees(INamedTypeSymbol type)
        {
            foreach (var member in TypeHierarchy.AllMembers(type))
            {
                if (Symbols.SubTreeType(member) is { } child && IsNode(child))
                {
                    yield return (member, child);
                }
            }
        }

        /// <summary>Every URL segment of a class in the order the generator gives them out: handlers, then sub-trees.</summary>
        public IEnumerable<(string Segment, ISymbol Member)> Segments(INamedTypeSymbol type)
        {
            var isRest = Symbols.Has(type, _known.Rest);
            foreach (var handler in Handlers(type).Where(h => !(isRest && TypeHierarchy.RestVerbs.Contains(h.Name))))
            {
                foreach (var segment in _known.SegmentsOf(handler))
                {
                    yield return (segment, handler);
                }
            }
            foreach (var (member, _) in SubTrees(type))
            {
                yield return (_known.SegmentsOf(member).First(), member);
            }
        }
    }
}
