using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Cherry.Generators.Parsing
{
    /// <summary>C# source text for constant values: parameter defaults and tool attribute arguments; JSON string text.</summary>
    internal static class Literals
    {
        /// <summary>A JSON string: quotes, backslashes, control characters and the other line breaks escaped.</summary>
        public static string JsonString(string text)
        {
            var json = new StringBuilder(text.Length + 2).Append('"');
            foreach (var c in text)
            {
                var escape = c switch
                {
                    '"' => "\\\"",
                    '\\' => "\\\\",
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    // C# also ends a line at these, which would split a generated raw string literal.
                    < ' ' or '\u0085' or '\u2028' or '\u2029' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                    _ => null,
                };
                if (escape is null)
                {
                    json.Append(c);
                }
                else
                {
                    json.Append(escape);
                }
            }
            return json.Append('"').ToString();
        }

        public static string Default(object? value, ITypeSymbol type)
        {
            if (value is null)
            {
                return "default";
            }
            var underlying = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
                ? nullable.TypeArguments[0]
                : type;
            return Of(value, underlying);
        }

        public static string Of(object value, ITypeSymbol type)
        {
            var primitive = value switch
            {
                string s => SymbolDisplay.FormatLiteral(s, quote: true),
                char c => SymbolDisplay.FormatLiteral(c, quote: true),
                bool b => b ? "true" : "false",
                double d => d.ToString("R", CultureInfo.InvariantCulture) + "d",
                float f => f.ToString("R", CultureInfo.InvariantCulture) + "f",
                decimal m => m.ToString(CultureInfo.InvariantCulture) + "m",
                _ => System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? "default",
            };
            return type.SpecialType == SpecialType.System_String || type.SpecialType == SpecialType.System_Boolean
                ? primitive
                : "(" + TypeNames.Of(type) + ")(" + primitive + ")";
        }

        public static string Of(TypedConstant constant)
        {
            if (constant.IsNull)
            {
                return "null";
            }
            switch (constant.Kind)
            {
                case TypedConstantKind.Array:
                    var elementType = ((IArrayTypeSymbol)constant.Type!).ElementType;
                    return "new " + TypeNames.Of(elementType) + "[] { " + string.Join(", ", constant.Values.Select(Of)) + " }";
                case TypedConstantKind.Type:
                    return "typeof(" + TypeNames.Of((ITypeSymbol)constant.Value!) + ")";
                default:
                    return Of(constant.Value!, constant.Type!);
            }
        }
    }
}
