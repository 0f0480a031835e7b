using System.Globalization;
using System.Linq;
using System.Text;
using Cherry.Generators.Model;
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

        /// <summary>A parameter's default as C#: the same facts and rendering as an attribute's constant.</summary>
        public static string Default(object? value, ITypeSymbol type)
        {
            if (value is null)
            {
                return "default";
            }
            var underlying = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
                ? nullable.TypeArguments[0]
                : type;
            return Render(Constant(value, underlying));
        }

        /// <summary>An attribute's constant as facts (<see cref="ConstantSpec"/>), for the model.</summary>
        public static ConstantSpec Constant(TypedConstant constant)
        {
            var typeName = constant.Type is { } type ? TypeNames.Of(type) : "object";
            if (constant.IsNull)
            {
                return new ConstantSpec(ConstantKind.Null, typeName, null);
            }
            return constant.Kind switch
            {
                TypedConstantKind.Array => new ConstantSpec(ConstantKind.Array, TypeNames.Of(((IArrayTypeSymbol)constant.Type!).ElementType), null,
                    constant.Values.Select(Constant).ToEquatableArray()),
                TypedConstantKind.Type => new ConstantSpec(ConstantKind.Type, TypeNames.Of((ITypeSymbol)constant.Value!), null),
                _ => Constant(constant.Value!, constant.Type!),
            };
        }

        /// <summary>A scalar constant of <paramref name="type"/> (an enum's value is its underlying number).</summary>
        private static ConstantSpec Constant(object value, ITypeSymbol type)
        {
            var typeName = TypeNames.Of(type);
            return value switch
            {
                string text => new ConstantSpec(ConstantKind.String, typeName, text),
                char c => new ConstantSpec(ConstantKind.Char, typeName, c.ToString()),
                bool b => new ConstantSpec(ConstantKind.Boolean, typeName, b ? "true" : "false"),
                double d => new ConstantSpec(ConstantKind.Number, typeName, d.ToString("R", CultureInfo.InvariantCulture)),
                float f => new ConstantSpec(ConstantKind.Number, typeName, f.ToString("R", CultureInfo.InvariantCulture)),
                var number => new ConstantSpec(ConstantKind.Number, typeName, System.Convert.ToString(number, CultureInfo.InvariantCulture)),
            };
        }

        /// <summary>A constant of the model as C#: what re-creates an attribute in generated code.</summary>
        public static string Render(ConstantSpec constant) => constant.Kind switch
        {
            ConstantKind.Null => "null",
            ConstantKind.String => SymbolDisplay.FormatLiteral(constant.Value!, quote: true),
            ConstantKind.Char => SymbolDisplay.FormatLiteral(constant.Value![0], quote: true),
            ConstantKind.Boolean => constant.Value!,
            ConstantKind.Type => "typeof(" + constant.TypeName + ")",
            ConstantKind.Array => "new " + constant.TypeName + "[] { " + string.Join(", ", constant.Elements!.Value.Select(Render)) + " }",
            _ => "(" + constant.TypeName + ")(" + constant.Value + NumberSuffix(constant.TypeName) + ")",
        };

        /// <summary>A double or float keeps its kind of literal (<c>1d</c>), so that an integral-looking value stays exact.</summary>
        private static string NumberSuffix(string typeName) => typeName switch
        {
            "double" => "d",
            "float" => "f",
            "decimal" => "m",
            _ => "",
        };
    }
}
