using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Cherry.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Cherry.Generators.Parsing
{
    /// <summary>
    /// JSON Schemas for the OpenAPI document, read from types: a handler's query and form parameters (as ArgumentParser
    /// converts them) and the types a JSON context covers (as System.Text.Json writes them with the context's naming
    /// policy, [JsonPropertyName], [JsonIgnore] and [JsonRequired]). An object type is described once and referred to
    /// elsewhere, so recursive types need no expansion; nesting inside one type expression stops at <see cref="MaxDepth"/>.
    /// </summary>
    internal sealed class SchemaParser
    {
        private const int MaxDepth = 16;
        private const string JsonNamespace = "System.Text.Json.Serialization.";

        // System.Text.Json's JsonKnownNamingPolicy values.
        private const int CamelCase = 1;
        private const int SnakeCaseLower = 2;
        private const int SnakeCaseUpper = 3;
        private const int KebabCaseLower = 4;
        private const int KebabCaseUpper = 5;

        /// <summary>Request parameters: enums by name, as ArgumentParser reads them.</summary>
        public static readonly SchemaParser Parameters = new SchemaParser(0, stringEnums: true, requiredConstructorParameters: false);

        private readonly int _namingPolicy;
        private readonly bool _stringEnums;
        private readonly bool _requiredConstructorParameters;

        private SchemaParser(int namingPolicy, bool stringEnums, bool requiredConstructorParameters)
        {
            _namingPolicy = namingPolicy;
            _stringEnums = stringEnums;
            _requiredConstructorParameters = requiredConstructorParameters;
        }

        /// <summary>The schemas of a JSON context: its <c>[JsonSourceGenerationOptions]</c> choose property names and enum form.</summary>
        public static SchemaParser ForContext(INamedTypeSymbol context)
        {
            var options = context.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == JsonNamespace + "JsonSourceGenerationOptionsAttribute");
            var named = options?.NamedArguments ?? Enumerable.Empty<KeyValuePair<string, TypedConstant>>();
            var policy = named.Where(n => n.Key == "PropertyNamingPolicy").Select(n => n.Value.Value as int? ?? 0).FirstOrDefault();
            var stringEnums = named.Any(n => n.Key == "UseStringEnumConverter" && n.Value.Value is true);
            var requiredConstructorParameters = named.Any(n => n.Key == "RespectRequiredConstructorParameters" && n.Value.Value is true);
            return new SchemaParser(policy, stringEnums, requiredConstructorParameters);
        }

        /// <summary>A single request value (a query or form field), or null when the type has no JSON Schema form here.</summary>
        public SchemaSpec? Scalar(ITypeSymbol type)
        {
            var nullable = false;
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapper)
            {
                nullable = true;
                type = wrapper.TypeArguments[0];
            }
            var schema = type.TypeKind == TypeKind.Enum ? Enum((INamedTypeSymbol)type) : Primitive(type);
            return nullable && schema is not null ? schema with { Nullable = true } : schema;
        }

        /// <summary>How a value of <paramref name="type"/> appears in JSON: inline, or a reference (by JSON key) to an object type.</summary>
        public SchemaSpec Use(ITypeSymbol type) => Use(type, 0);

        /// <summary>The schema a type is described by: an object type's properties; any other type as <see cref="Use(ITypeSymbol)"/>.</summary>
        public SchemaSpec Define(ITypeSymbol type)
        {
            var use = Use(type);
            return use.Kind == SchemaKind.Reference ? Properties(type) : use;
        }

        /// <summary>The name of an object type under components/schemas: <c>PageDto</c>, <c>BoxOfPage</c>.</summary>
        public static string ComponentName(ITypeSymbol type) => type switch
        {
            IArrayTypeSymbol array => ComponentName(array.ElementType) + "Array",
            INamedTypeSymbol { IsGenericType: true } generic => generic.Name + "Of" + string.Join("And", generic.TypeArguments.Select(ComponentName)),
            _ => type.Name,
        };

        /// <summary>A parameter's C# default as JSON text (an enum by member name), or null when it has none worth writing.</summary>
        public static string? DefaultJson(object? value, ITypeSymbol type)
        {
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapper)
            {
                type = wrapper.TypeArguments[0];
            }
            if (type.TypeKind == TypeKind.Enum && value is not null)
            {
                var member = type.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, value));
                return member is null ? null : Literals.JsonString(member.Name);
            }
            return value switch
            {
                string s => Literals.JsonString(s),
                char c => Literals.JsonString(c.ToString()),
                bool b => b ? "true" : "false",
                double d => double.IsNaN(d) || double.IsInfinity(d) ? null : d.ToString("R", CultureInfo.InvariantCulture),
                float f => float.IsNaN(f) || float.IsInfinity(f) ? null : f.ToString("R", CultureInfo.InvariantCulture),
                decimal m => m.ToString(CultureInfo.InvariantCulture),
                sbyte or byte or short or ushort or int or uint or long or ulong => System.Convert.ToString(value, CultureInfo.InvariantCulture),
                _ => null,
            };
        }

        private SchemaSpec Use(ITypeSymbol type, int depth)
        {
            if (depth > MaxDepth)
            {
                return SchemaSpec.Any;
            }
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapper)
            {
                return Use(wrapper.TypeArguments[0], depth + 1) with { Nullable = true };
            }
            var schema = UseNonNullable(type, depth);
            return type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated && schema.Kind != SchemaKind.Any
                ? schema with { Nullable = true }
                : schema;
        }

        private SchemaSpec UseNonNullable(ITypeSymbol type, int depth)
        {
            if (type.TypeKind == TypeKind.Enum)
            {
                return Enum((INamedTypeSymbol)type);
            }
            if (Primitive(type) is { } primitive)
            {
                return primitive;
            }
            switch (type)
            {
                case IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte }:
                    // System.Text.Json writes bytes as base64 text.
                    return new SchemaSpec(SchemaKind.String, Format: "byte");
                case IArrayTypeSymbol array:
                    return new SchemaSpec(SchemaKind.Array, Items: Use(array.ElementType, depth + 1));
                case INamedTypeSymbol named:
                    if (Generic(named, "System.Collections.Generic.IDictionary<TKey, TValue>", "System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>") is { } dictionary)
                    {
                        return new SchemaSpec(SchemaKind.Map, Items: Use(dictionary.TypeArguments[1], depth + 1));
                    }
                    if (Generic(named, "System.Collections.Generic.IEnumerable<T>") is { } sequence)
                    {
                        return new SchemaSpec(SchemaKind.Array, Items: Use(sequence.TypeArguments[0], depth + 1));
                    }
                    // The framework's other types (object, JsonElement, JsonNode...) take any JSON.
                    if (named.ContainingNamespace?.ToDisplayString().StartsWith("System", System.StringComparison.Ordinal) == true
                        || named.TypeKind is not (TypeKind.Class or TypeKind.Struct))
                    {
                        return SchemaSpec.Any;
                    }
                    return new SchemaSpec(SchemaKind.Reference, Reference: TypeNames.JsonKey(named));
                default:
                    return SchemaSpec.Any;
            }
        }

        /// <summary>The public instance properties System.Text.Json writes, the most derived declaration of each name.</summary>
        private SchemaSpec Properties(ITypeSymbol type)
        {
            var properties = new List<SchemaPropertySpec>();
            var seen = new HashSet<string>();
            var constructorRequired = ConstructorRequired(type);
            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                foreach (var property in current.GetMembers().OfType<IPropertySymbol>())
                {
                    if (property.IsStatic || property.IsIndexer || property.DeclaredAccessibility != Accessibility.Public
                        || property.GetMethod?.DeclaredAccessibility is not Accessibility.Public || !seen.Add(property.Name) || Ignored(property))
                    {
                        continue;
                    }
                    var explicitName = Attribute(property, "JsonPropertyNameAttribute")?.ConstructorArguments.FirstOrDefault().Value as string;
                    var rules = ValidationParser.RulesOf(type, property).ToList();
                    var required = property.IsRequired || Attribute(property, "JsonRequiredAttribute") is not null || constructorRequired.Contains(property.Name)
                        || ValidationParser.IsRequired(rules);
                    properties.Add(new SchemaPropertySpec(explicitName ?? Name(property.Name), ValidationParser.Constrain(Use(property.Type, 1), rules), required));
                }
            }
            return new SchemaSpec(SchemaKind.Object, Properties: properties.ToEquatableArray());
        }

        /// <summary>
        /// With <c>RespectRequiredConstructorParameters</c>, the properties that a parameter without a default of the
        /// constructor System.Text.Json calls sets: the [JsonConstructor] one, else the one public constructor when it has
        /// parameters (with a public parameterless one, properties are set one by one).
        /// </summary>
        private HashSet<string> ConstructorRequired(ITypeSymbol type)
        {
            var names = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
            if (!_requiredConstructorParameters || type is not INamedTypeSymbol named)
            {
                return names;
            }
            var constructors = named.InstanceConstructors.Where(c => c.DeclaredAccessibility == Accessibility.Public).ToList();
            var constructor = constructors.FirstOrDefault(c => Attribute(c, "JsonConstructorAttribute") is not null)
                ?? (constructors.Count == 1 ? constructors[0] : null);
            foreach (var parameter in constructor?.Parameters ?? Enumerable.Empty<IParameterSymbol>())
            {
                if (!parameter.HasExplicitDefaultValue)
                {
                    names.Add(parameter.Name);
                }
            }
            return names;
        }

        /// <summary>[JsonIgnore] without a condition, or with <c>Always</c>, leaves the property out.</summary>
        private static bool Ignored(IPropertySymbol property) =>
            Attribute(property, "JsonIgnoreAttribute") is { } ignore
            && ignore.NamedArguments.Where(n => n.Key == "Condition").Select(n => n.Value.Value as int? ?? 1).DefaultIfEmpty(1).First() == 1;

        private static AttributeData? Attribute(ISymbol symbol, string name) =>
            symbol.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == JsonNamespace + name);

        private SchemaSpec Enum(INamedTypeSymbol type)
        {
            var members = type.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).ToList();
            var asStrings = _stringEnums || type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == JsonNamespace + "JsonConverterAttribute"
                && a.ConstructorArguments.FirstOrDefault().Value is INamedTypeSymbol converter && converter.Name.StartsWith("JsonStringEnumConverter", System.StringComparison.Ordinal));
            return asStrings
                ? new SchemaSpec(SchemaKind.String, Enum: members.Select(m => Literals.JsonString(m.Name)).ToEquatableArray())
                : new SchemaSpec(SchemaKind.Integer, Enum: members.Select(m => System.Convert.ToString(m.ConstantValue, CultureInfo.InvariantCulture) ?? "0").ToEquatableArray());
        }

        private static SchemaSpec? Primitive(ITypeSymbol type)
        {
            switch (type.SpecialType)
            {
                case SpecialType.System_String:
                case SpecialType.System_Char:
                    return SchemaSpec.String;
                case SpecialType.System_Boolean:
                    return new SchemaSpec(SchemaKind.Boolean);
                case SpecialType.System_Int32:
                    return new SchemaSpec(SchemaKind.Integer, Format: "int32");
                case SpecialType.System_Int64:
                    return new SchemaSpec(SchemaKind.Integer, Format: "int64");
                case SpecialType.System_SByte:
                case SpecialType.System_Byte:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_UInt32:
                case SpecialType.System_UInt64:
                    return new SchemaSpec(SchemaKind.Integer);
                case SpecialType.System_Single:
                    return new SchemaSpec(SchemaKind.Number, Format: "float");
                case SpecialType.System_Double:
                    return new SchemaSpec(SchemaKind.Number, Format: "double");
                case SpecialType.System_Decimal:
                    return new SchemaSpec(SchemaKind.Number);
                case SpecialType.System_DateTime:
                    return new SchemaSpec(SchemaKind.String, Format: "date-time");
            }
            return type.ToDisplayString() switch
            {
                "System.DateTimeOffset" => new SchemaSpec(SchemaKind.String, Format: "date-time"),
                "System.DateOnly" => new SchemaSpec(SchemaKind.String, Format: "date"),
                "System.TimeOnly" => new SchemaSpec(SchemaKind.String, Format: "time"),
                "System.TimeSpan" => SchemaSpec.String,
                "System.Guid" => new SchemaSpec(SchemaKind.String, Format: "uuid"),
                "System.Uri" => new SchemaSpec(SchemaKind.String, Format: "uri"),
                "System.Int128" or "System.UInt128" or "System.Numerics.BigInteger" => new SchemaSpec(SchemaKind.Integer),
                "System.Half" => new SchemaSpec(SchemaKind.Number),
                _ => null,
            };
        }

        /// <summary>The type itself or the first interface it implements whose definition is one of <paramref name="definitions"/>.</summary>
        private static INamedTypeSymbol? Generic(INamedTypeSymbol type, params string[] definitions) =>
            new[] { type }.Concat(type.AllInterfaces)
                .FirstOrDefault(t => t.IsGenericType && definitions.Contains(t.OriginalDefinition.ToDisplayString()));

        /// <summary>The property's name under the context's naming policy (System.Text.Json's rules for camelCase; words for the others).</summary>
        private string Name(string name) => _namingPolicy switch
        {
            CamelCase => Camel(name),
            SnakeCaseLower => Separated(name, '_', upper: false),
            SnakeCaseUpper => Separated(name, '_', upper: true),
            KebabCaseLower => Separated(name, '-', upper: false),
            KebabCaseUpper => Separated(name, '-', upper: true),
            _ => name,
        };

        private static string Camel(string name)
        {
            if (name.Length == 0 || !char.IsUpper(name[0]))
            {
                return name;
            }
            // A leading run of capitals is lowered up to the last one, which starts the next word (URLValue: urlValue).
            var chars = name.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                if (i == 1 && !char.IsUpper(chars[i]))
                {
                    break;
                }
                if (i > 0 && i + 1 < chars.Length && !char.IsUpper(chars[i + 1]))
                {
                    break;
                }
                chars[i] = char.ToLowerInvariant(chars[i]);
            }
            return new string(chars);
        }

        private static string Separated(string name, char separator, bool upper)
        {
            var text = new StringBuilder();
            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                var startsWord = i > 0 && char.IsUpper(c)
                    && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])));
                if (startsWord)
                {
                    text.Append(separator);
                }
                text.Append(upper ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
            }
            return text.ToString();
        }
    }
}
