using Microsoft.CodeAnalysis;

namespace Cherry.Generators.Parsing
{
    internal static class TypeNames
    {
        private static readonly SymbolDisplayFormat Format = SymbolDisplayFormat.FullyQualifiedFormat
            .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers | SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

        /// <summary>The fully qualified name (<c>global::Ns.Type</c>) generated code uses.</summary>
        public static string Of(ITypeSymbol type) => type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(Format);
    }
}
