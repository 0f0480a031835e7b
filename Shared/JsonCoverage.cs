using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Cherry.Shared
{
    /// <summary>
    /// Which types a <c>[JsonSerializable(typeof(T))]</c> gives metadata for, as System.Text.Json's generator does:
    /// <c>T</c> itself, its element and type arguments, and its public properties' types, recursively. The analyzer
    /// judges a JSON handler covered by this rule (CHERRY0007) and the generator looks the handler's metadata up in
    /// the context this rule names, so what builds cleanly also starts.
    /// </summary>
    internal static class JsonCoverage
    {
        /// <summary>Adds <paramref name="listed"/> and every type it reaches to <paramref name="covered"/>.</summary>
        public static void Cover(ITypeSymbol listed, HashSet<ITypeSymbol> covered)
        {
            if (!covered.Add(listed))
            {
                return;
            }
            switch (listed)
            {
                case IArrayTypeSymbol array:
                    Cover(array.ElementType, covered);
                    break;
                case INamedTypeSymbol named:
                    foreach (var argument in named.TypeArguments)
                    {
                        Cover(argument, covered);
                    }
                    // The framework's types serialize as values or collections; their properties are not walked.
                    if (named.ContainingNamespace?.ToDisplayString().StartsWith("System", System.StringComparison.Ordinal) != true)
                    {
                        foreach (var property in named.GetMembers().OfType<IPropertySymbol>().Where(p => !p.IsStatic && p.DeclaredAccessibility == Accessibility.Public))
                        {
                            Cover(property.Type, covered);
                        }
                    }
                    break;
            }
        }
    }
}
