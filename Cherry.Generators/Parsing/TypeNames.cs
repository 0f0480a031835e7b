using Microsoft.CodeAnalysis;

namespace Cherry.Generators.Parsing
{
    internal static class TypeNames
    {
        private static readonly SymbolDisplayFormat Format = SymbolDisplayFormat.FullyQualifiedFormat
            .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers | SymbolDisplayMiscellaneousOptions.UseSpecialTypes
                | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        private static readonly SymbolDisplayFormat KeyFormat = SymbolDisplayFormat.FullyQualifiedFormat
            .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers | SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

        /// <summary>
        /// The fully qualified name (<c>global::Ns.Type</c>) generated code uses; nullability kept on type arguments
        /// (<c>Dictionary&lt;string, object?&gt;</c>) but not at the top, where generated code adds it itself.
        /// </summary>
        public static string Of(ITypeSymbol type) => type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(Format);

        /// <summary>
        /// The name by which a JSON type finds its metadata: <see cref="Of"/> without nullable reference annotations
        /// anywhere, since <c>List&lt;Item?&gt;</c> and <c>List&lt;Item&gt;</c> are one runtime type with one metadata.
        /// </summary>
        public static string JsonKey(ITypeSymbol type) => type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(KeyFormat);
    }
}
