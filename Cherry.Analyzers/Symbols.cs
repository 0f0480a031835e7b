using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Cherry.Analyzers
{
    /// <summary>Symbol questions every Cherry analyzer asks, answered the way the generator answers them.</summary>
    internal static class Symbols
    {
        /// <summary>The methods a [Rest] class answers with, by name.</summary>
        public static readonly string[] Verbs = { "Get", "Head", "Post", "Put", "Delete", "Patch", "Options", "Trace" };

        public static bool Is(INamedTypeSymbol? type, INamedTypeSymbol? expected) =>
            expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);

        public static AttributeData? Find(ISymbol symbol, INamedTypeSymbol? attribute) =>
            attribute is null ? null : symbol.GetAttributes().FirstOrDefault(a => Is(a.AttributeClass, attribute));

        public static bool Has(ISymbol symbol, INamedTypeSymbol? attribute) => Find(symbol, attribute) is not null;

        /// <summary>Attributes of a class and its base classes, most derived first (tools on a base class apply).</summary>
        public static IEnumerable<AttributeData> Inherited(INamedTypeSymbol type)
        {
            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                foreach (var attribute in current.GetAttributes())
                {
                    yield return attribute;
                }
            }
        }

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
            AllMembers(type).OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary && !m.IsStatic && m.DeclaredAccessibility == Accessibility.Public);

        public static IEnumerable<ISymbol> AllMembers(INamedTypeSymbol type)
        {
            var names = new HashSet<string>();
            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (names.Add(member.Name))
                    {
                        yield return member;
                    }
                }
            }
        }

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
