using System.Collections.Generic;
using System.Linq;
using Cherry.Shared;
using Microsoft.CodeAnalysis;

namespace Cherry.Analyzers
{
    /// <summary>Symbol questions every Cherry analyzer asks, answered the way the generator answers them.</summary>
    internal static class Symbols
    {
        public static bool Is(INamedTypeSymbol? type, INamedTypeSymbol? expected) =>
            expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);

        public static AttributeData? Find(ISymbol symbol, INamedTypeSymbol? attribute) =>
            attribute is null ? null : symbol.GetAttributes().FirstOrDefault(a => Is(a.AttributeClass, attribute));

        public static bool Has(ISymbol symbol, INamedTypeSymbol? attribute) => Find(symbol, attribute) is not null;

        public static bool DerivesFrom(INamedTypeSymbol? type, INamedTypeSymbol? baseType)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (Is(current, baseType))
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>Public instance methods of a class and its bases, most derived first, hidden ones skipped.</summary>
        public static IEnumerable<IMethodSymbol> PublicMethods(INamedTypeSymbol type) =>
            TypeHierarchy.AllMembers(type).OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary && !m.IsStatic && m.DeclaredAccessibility == Accessibility.Public);

        /// <summary>The class a public instance property or field leads to, if it could be a sub-tree.</summary>
        public static INamedTypeSymbol? SubTreeType(ISymbol member) => member switch
        {
            IPropertySymbol { IsStatic: false, DeclaredAccessibility: Accessibility.Public, IsIndexer: false, GetMethod: not null } p => p.Type as INamedTypeSymbol,
            IFieldSymbol { IsStatic: false, DeclaredAccessibility: Accessibility.Public, IsImplicitlyDeclared: false } f => f.Type as INamedTypeSymbol,
            _ => null,
        } is { TypeKind: TypeKind.Class } type && type.Locations.Any(l => l.IsInSource) ? type : null;

        public static Location LocationOf(AttributeData attribute, ISymbol fallback) =>
            attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? fallback.Locations.FirstOrDefault() ?? Location.None;
    }
}
