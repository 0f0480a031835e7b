using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Cherry.Shared
{
    /// <summary>
    /// A class as the dispatch tree sees it, with its base classes: shared by the generator and the analyzers so that
    /// both walk members and attributes the same way.
    /// </summary>
    internal static class TypeHierarchy
    {
        /// <summary>The methods a [Rest] class answers with, by name.</summary>
        public static readonly string[] RestVerbs = { "Get", "Head", "Post", "Put", "Delete", "Patch", "Options", "Trace" };

        /// <summary>Attributes of the class and its base classes, most derived first (tools on a base class apply).</summary>
        public static IEnumerable<AttributeData> InheritedAttributes(INamedTypeSymbol type)
        {
            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                foreach (var attribute in current.GetAttributes())
                {
                    yield return attribute;
                }
            }
        }

        /// <summary>Members of the class and its base classes, most derived first, hidden members skipped.</summary>
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
    }
}
