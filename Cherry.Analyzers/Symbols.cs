using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

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

        /// <summary>The value an argument passes, through its implicit conversions (a string boxed to <c>object</c>, <c>null</c> to <c>string?</c>).</summary>
        public static IOperation WithoutConversions(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }
            return operation;
        }

        public static Location LocationOf(AttributeData attribute, ISymbol fallback) =>
            attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? fallback.Locations.FirstOrDefault() ?? Location.None;
    }
}
