using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Cherry.Generators.Model;
using Cherry.Shared;
using Microsoft.CodeAnalysis;

namespace Cherry.Generators.Parsing
{
    /// <summary>
    /// Reads DataAnnotations rules as facts: a parameter's own attributes, and the types a JSON body's value reaches that
    /// carry rules (on their properties, on themselves, or as <c>IValidatableObject</c>). The emitter turns them into a
    /// typed walk of the value, so checking reads no member by reflection (Microsoft.Extensions.Validation reads each
    /// property through <c>PropertyInfo.GetValue</c>); the rules themselves are the framework's attributes.
    /// </summary>
    internal sealed class ValidationParser
    {
        /// <summary>How many types one parameter's walk looks at: a bound on the generator's work, not on the client's.</summary>
        private const int MaxTypes = 256;

        private const string DataAnnotations = "System.ComponentModel.DataAnnotations.";

        private readonly KnownTypes _known;

        public ValidationParser(KnownTypes known)
        {
            _known = known;
        }

        /// <summary>The rules on a parameter, and with <paramref name="walksValue"/> (a JSON body) the validated types its value reaches; null when none.</summary>
        public ValidationSpec? ForParameter(IParameterSymbol parameter, bool walksValue)
        {
            var attributes = Rules(parameter.GetAttributes());
            // A nullable struct body is not walked: its checking method takes the struct, and such bodies are rare enough.
            var (root, kind) = !walksValue || parameter.Type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T ? (null, NestedKind.None)
                : Candidate(parameter.Type) is { } value ? (value, NestedKind.Value)
                : Element(parameter.Type) is { } element ? (element, NestedKind.Collection)
                : (null, NestedKind.None);
            var types = root is null ? EquatableArray<ValidatedTypeSpec>.Empty : Types(root);
            var validated = root is not null && types.Any(t => t.TypeName == TypeNames.Of(root)) ? TypeNames.Of(root) : null;
            if (attributes.Count == 0 && validated is null)
            {
                return null;
            }
            return new ValidationSpec(DisplayName(parameter), attributes, validated, validated is null ? NestedKind.None : kind, validated is null ? EquatableArray<ValidatedTypeSpec>.Empty : types);
        }

        /// <summary>Whether any attribute of the symbol is a DataAnnotations rule.</summary>
        public bool HasRules(ISymbol symbol) => symbol.GetAttributes().Any(a => _known.IsValidationAttribute(a.AttributeClass));

        /// <summary>
        /// The types reachable from <paramref name="root"/> through public properties (and collections' elements) that are
        /// checked: those with rules or <c>IValidatableObject</c>, and those holding one (a fixed point, so recursive types end).
        /// </summary>
        private EquatableArray<ValidatedTypeSpec> Types(INamedTypeSymbol root)
        {
            var candidates = new List<INamedTypeSymbol>();
            var members = new Dictionary<INamedTypeSymbol, List<(IPropertySymbol Property, EquatableArray<AttributeSpec> Rules, INamedTypeSymbol? Nested, NestedKind Kind)>>(SymbolEqualityComparer.Default);
            var pending = new Queue<INamedTypeSymbol>();
            pending.Enqueue(root);
            while (pending.Count > 0 && candidates.Count < MaxTypes)
            {
                var type = pending.Dequeue();
                if (members.ContainsKey(type))
                {
                    continue;
                }
                candidates.Add(type);
                var list = new List<(IPropertySymbol, EquatableArray<AttributeSpec>, INamedTypeSymbol?, NestedKind)>();
                foreach (var property in Properties(type))
                {
                    var (nested, kind) = Nested(property.Type);
                    if (nested is not null)
                    {
                        pending.Enqueue(nested);
                    }
                    list.Add((property, Rules(RulesOf(type, property)), nested, kind));
                }
                members[type] = list;
            }

            var validated = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            foreach (var type in candidates)
            {
                if (HasRules(type) || Implements(type, _known.ValidatableObject) || members[type].Any(m => m.Rules.Count > 0))
                {
                    validated.Add(type);
                }
            }
            for (var changed = true; changed;)
            {
                changed = false;
                foreach (var type in candidates)
                {
                    if (!validated.Contains(type) && members[type].Any(m => m.Nested is { } nested && validated.Contains(nested)))
                    {
                        changed = validated.Add(type);
                    }
                }
            }

            return candidates.Where(validated.Contains).Select(type => new ValidatedTypeSpec(
                    TypeNames.Of(type),
                    type.Name,
                    members[type]
                        .Select(m => (m.Property, m.Rules, Nested: m.Nested is { } n && validated.Contains(n) ? n : null, m.Kind))
                        .Where(m => m.Rules.Count > 0 || m.Nested is not null)
                        .Select(m => new ValidatedMemberSpec(
                            m.Property.Name,
                            DisplayName(m.Property),
                            JsonName(m.Property),
                            m.Rules,
                            m.Nested is { } nested ? TypeNames.Of(nested) : null,
                            m.Nested is null ? NestedKind.None : m.Kind))
                        .ToEquatableArray(),
                    Rules(type.GetAttributes())))
                .ToEquatableArray();
        }

        /// <summary>The DataAnnotations rules among attributes, as facts in their written order.</summary>
        private EquatableArray<AttributeSpec> Rules(IEnumerable<AttributeData> attributes) =>
            attributes.Where(a => _known.IsValidationAttribute(a.AttributeClass))
                .Select(a => new AttributeSpec(
                    TypeNames.Of(a.AttributeClass!),
                    a.ConstructorArguments.Select(Literals.Constant).ToEquatableArray(),
                    a.NamedArguments.Select(n => new NamedArgumentSpec(n.Key, Literals.Constant(n.Value))).ToEquatableArray()))
                .ToEquatableArray();

        /// <summary>A property's attributes, with those a record's primary constructor parameter of its name carries (where C# puts <c>record R([Required] string Name)</c>'s).</summary>
        public static IEnumerable<AttributeData> RulesOf(ITypeSymbol type, IPropertySymbol property)
        {
            var own = property.GetAttributes().AsEnumerable();
            if (type.IsRecord && type is INamedTypeSymbol named)
            {
                foreach (var constructor in named.InstanceConstructors)
                {
                    foreach (var parameter in constructor.Parameters)
                    {
                        if (parameter.Name == property.Name && SymbolEqualityComparer.Default.Equals(parameter.Type, property.Type))
                        {
                            own = own.Concat(parameter.GetAttributes());
                        }
                    }
                }
            }
            return own;
        }

        /// <summary>The public readable instance properties, the most derived declaration of each name.</summary>
        private static IEnumerable<IPropertySymbol> Properties(INamedTypeSymbol type)
        {
            var seen = new HashSet<string>();
            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                foreach (var property in current.GetMembers().OfType<IPropertySymbol>())
                {
                    if (!property.IsStatic && !property.IsIndexer && property.DeclaredAccessibility == Accessibility.Public
                        && property.GetMethod?.DeclaredAccessibility == Accessibility.Public && seen.Add(property.Name))
                    {
                        yield return property;
                    }
                }
            }
        }

        /// <summary>The user type a property holds, itself, as a nullable struct, or as a collection's elements.</summary>
        private (INamedTypeSymbol? Type, NestedKind Kind) Nested(ITypeSymbol type)
        {
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapper)
            {
                return Candidate(wrapper.TypeArguments[0]) is { } inner ? (inner, NestedKind.NullableValue) : (null, NestedKind.None);
            }
            if (Candidate(type) is { } value)
            {
                return (value, NestedKind.Value);
            }
            return Element(type) is { } element ? (element, NestedKind.Collection) : (null, NestedKind.None);
        }

        /// <summary>The element of an array or an <c>IEnumerable&lt;T&gt;</c> that is a user type (not a dictionary's pairs).</summary>
        private INamedTypeSymbol? Element(ITypeSymbol type)
        {
            if (type is IArrayTypeSymbol array)
            {
                return Candidate(array.ElementType);
            }
            if (type.SpecialType == SpecialType.System_String || _known.EnumerableOfT is null)
            {
                return null;
            }
            var sequence = type is INamedTypeSymbol named && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, _known.EnumerableOfT)
                ? named
                : type.AllInterfaces.FirstOrDefault(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, _known.EnumerableOfT));
            return sequence is null ? null : Candidate(sequence.TypeArguments[0]);
        }

        /// <summary>A class or struct of the app's own: the framework's types (strings, dates, collections) hold no rules to walk.</summary>
        private static INamedTypeSymbol? Candidate(ITypeSymbol type) =>
            type is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct, SpecialType: SpecialType.None } named
                && named.ContainingNamespace?.ToDisplayString() is var ns && !(ns == "System" || ns!.StartsWith("System.", System.StringComparison.Ordinal)
                    || ns == "Microsoft" || ns.StartsWith("Microsoft.", System.StringComparison.Ordinal) || ns == "Cherry")
                ? named
                : null;

        private static bool Implements(INamedTypeSymbol type, INamedTypeSymbol? contract) =>
            contract is not null && type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, contract));

        /// <summary><c>[Display(Name = "...")]</c>, else the symbol's own name: what DataAnnotations' messages call it.</summary>
        private static string DisplayName(ISymbol symbol) =>
            symbol.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == DataAnnotations + "DisplayAttribute")
                .SelectMany(a => a.NamedArguments).Where(n => n.Key == "Name").Select(n => n.Value.Value as string).FirstOrDefault(n => n is not null)
            ?? symbol.Name;

        private static string? JsonName(IPropertySymbol property) =>
            property.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == "System.Text.Json.Serialization.JsonPropertyNameAttribute")
                .Select(a => a.ConstructorArguments.FirstOrDefault().Value as string).FirstOrDefault();

        /// <summary>Whether the attributes include <c>[Required]</c>: a JSON property the document must hold.</summary>
        public static bool IsRequired(IEnumerable<AttributeData> attributes) =>
            attributes.Any(a => a.AttributeClass?.ToDisplayString() == DataAnnotations + "RequiredAttribute");

        /// <summary>
        /// The schema with the constraints DataAnnotations' rules state, as JSON Schema words: lengths (<c>minItems</c> for
        /// arrays), ranges (exclusive where the rule says), a pattern, a format and allowed values.
        /// </summary>
        public static SchemaSpec Constrain(SchemaSpec schema, IEnumerable<AttributeData> attributes)
        {
            if (schema.Kind is SchemaKind.Reference or SchemaKind.Object or SchemaKind.Any)
            {
                return schema;
            }
            var constraints = schema.Constraints ?? ConstraintsSpec.None;
            foreach (var attribute in attributes)
            {
                var arguments = attribute.ConstructorArguments;
                int? Int(int index) => index < arguments.Length && arguments[index].Value is int value ? value : null;
                string? Named(string name) => attribute.NamedArguments.Where(n => n.Key == name).Select(n => n.Value.Value).FirstOrDefault() switch
                {
                    int value => value.ToString(CultureInfo.InvariantCulture),
                    bool value => value ? "true" : "false",
                    string value => value,
                    _ => null,
                };
                switch (attribute.AttributeClass?.ToDisplayString())
                {
                    case DataAnnotations + "RangeAttribute" when arguments.Length == 2 && Number(arguments[0]) is { } minimum && Number(arguments[1]) is { } maximum:
                        constraints = constraints with
                        {
                            Minimum = minimum,
                            Maximum = maximum,
                            ExclusiveMinimum = Named("MinimumIsExclusive") == "true",
                            ExclusiveMaximum = Named("MaximumIsExclusive") == "true",
                        };
                        break;
                    case DataAnnotations + "StringLengthAttribute":
                        constraints = constraints with { MaxLength = Int(0), MinLength = Named("MinimumLength") is { } min ? int.Parse(min, CultureInfo.InvariantCulture) : constraints.MinLength };
                        break;
                    case DataAnnotations + "MinLengthAttribute":
                        constraints = constraints with { MinLength = Int(0) };
                        break;
                    case DataAnnotations + "MaxLengthAttribute":
                        constraints = constraints with { MaxLength = Int(0) };
                        break;
                    case DataAnnotations + "LengthAttribute":
                        constraints = constraints with { MinLength = Int(0), MaxLength = Int(1) };
                        break;
                    case DataAnnotations + "RegularExpressionAttribute" when arguments.Length == 1 && arguments[0].Value is string pattern:
                        constraints = constraints with { Pattern = pattern };
                        break;
                    case DataAnnotations + "EmailAddressAttribute":
                        schema = schema with { Format = "email" };
                        break;
                    case DataAnnotations + "UrlAttribute":
                        schema = schema with { Format = "uri" };
                        break;
                    case DataAnnotations + "Base64StringAttribute":
                        schema = schema with { Format = "byte" };
                        break;
                    case DataAnnotations + "AllowedValuesAttribute" when schema.Enum.Count == 0 && arguments.Length == 1 && arguments[0].Kind == TypedConstantKind.Array:
                        var values = arguments[0].Values.Select(v => v.Value switch
                        {
                            string text => Literals.JsonString(text),
                            null => "null",
                            var other => SchemaParser.DefaultJson(other, v.Type!),
                        }).ToList();
                        if (values.All(v => v is not null))
                        {
                            schema = schema with { Enum = values.Select(v => v!).ToEquatableArray() };
                        }
                        break;
                }
            }
            return constraints == ConstraintsSpec.None ? schema : schema with { Constraints = constraints };
        }

        /// <summary>A numeric constant as JSON text; null for anything else (<c>Range(typeof(DateTime), ...)</c> has no JSON Schema bound).</summary>
        private static string? Number(TypedConstant constant) => constant.Value switch
        {
            int value => value.ToString(CultureInfo.InvariantCulture),
            double value when !double.IsNaN(value) && !double.IsInfinity(value) => value.ToString("R", CultureInfo.InvariantCulture),
            _ => null,
        };
    }
}
