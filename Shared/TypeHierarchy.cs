using System.Collections.Generic;
using System.Linq;
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

        /// <summary>Whether <paramref name="baseType"/> is one of <paramref name="type"/>'s base classes (the type itself is not).</summary>
        public static bool DerivesFrom(INamedTypeSymbol? type, INamedTypeSymbol? baseType)
        {
            for (var current = type?.BaseType; current is not null && baseType is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, baseType))
                {
                    return true;
                }
            }
            return false;
        }

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

        /// <summary>
        /// Members of the class and its base classes, most derived first, hidden members skipped by C#'s rule: a method
        /// hides base methods of its signature only, so overloads (of one class or across classes) all stay, while any
        /// other member hides every base member of its name, and a method hides base non-methods of its name.
        /// </summary>
        public static IEnumerable<ISymbol> AllMembers(INamedTypeSymbol type)
        {
            var signatures = new HashSet<string>();
            var methodNames = new HashSet<string>();
            var otherNames = new HashSet<string>();
            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                // Members of one class do not hide each other, so what this level hides is added after it.
                var members = current.GetMembers();
                foreach (var member in members)
                {
                    var hidden = otherNames.Contains(member.Name)
                        || (member is IMethodSymbol method ? signatures.Contains(Signature(method)) : methodNames.Contains(member.Name));
                    if (!hidden)
                    {
                        yield return member;
                    }
                }
                if (current.BaseType is not { SpecialType: not SpecialType.System_Object })
                {
                    // The last level: nothing below it to hide, so its signatures need not be computed.
                    break;
                }
                foreach (var member in members)
                {
                    if (member is IMethodSymbol method)
                    {
                        signatures.Add(Signature(method));
                        methodNames.Add(member.Name);
                    }
                    else
                    {
                        otherNames.Add(member.Name);
                    }
                }
            }
        }

        private static string Signature(IMethodSymbol method) =>
            method.Name + "`" + method.Arity + "(" + string.Join(",", method.Parameters.Select(p => p.RefKind + " " + p.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))) + ")";
    }
}
