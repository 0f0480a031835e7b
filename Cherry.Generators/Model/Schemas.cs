namespace Cherry.Generators.Model
{
    // JSON Schemas, read from types at parse time (Parsing/SchemaParser.cs) for the OpenAPI document: equatable,
    // so a type whose shape did not change leaves the pipeline cached.

    internal enum SchemaKind
    {
        /// <summary>No schema: any value (a type the parser cannot describe).</summary>
        Any,
        String,
        Integer,
        Number,
        Boolean,
        Array,
        Object,
        /// <summary>An object whose property names are data (a dictionary); <see cref="SchemaSpec.Items"/> is each value's schema.</summary>
        Map,
        /// <summary>A named object type, described once under components/schemas.</summary>
        Reference,
    }

    /// <param name="Format">OpenAPI's format (<c>int32</c>, <c>date-time</c>, <c>uuid</c>), or null.</param>
    /// <param name="Nullable">The value may be JSON null.</param>
    /// <param name="Items">An array's element, or a map's value.</param>
    /// <param name="Enum">The allowed values, each as JSON text (<c>"Red"</c> with quotes, or <c>1</c>).</param>
    /// <param name="Reference">For <see cref="SchemaKind.Reference"/>: the type's JSON key until the OpenAPI planner
    /// gives it its component name.</param>
    /// <param name="Default">A parameter's default value as JSON text, or null.</param>
    /// <param name="Constraints">The bounds DataAnnotations' rules put on the value, or null.</param>
    internal sealed record SchemaSpec(
        SchemaKind Kind,
        string? Format = null,
        bool Nullable = false,
        SchemaSpec? Items = null,
        EquatableArray<SchemaPropertySpec> Properties = default,
        EquatableArray<string> Enum = default,
        string? Reference = null,
        string? Default = null,
        ConstraintsSpec? Constraints = null)
    {
        public static readonly SchemaSpec Any = new(SchemaKind.Any);

        public static readonly SchemaSpec String = new(SchemaKind.String);
    }

    /// <summary>A value's bounds from DataAnnotations: numbers as JSON text; lengths count characters, or an array's items.</summary>
    internal sealed record ConstraintsSpec(
        string? Minimum = null,
        string? Maximum = null,
        bool ExclusiveMinimum = false,
        bool ExclusiveMaximum = false,
        int? MinLength = null,
        int? MaxLength = null,
        string? Pattern = null)
    {
        public static readonly ConstraintsSpec None = new();
    }

    /// <param name="Name">The name in JSON (after [JsonPropertyName] and the context's naming policy).</param>
    internal sealed record SchemaPropertySpec(string Name, SchemaSpec Schema, bool Required);

    /// <summary>The schema of one type a JSON context covers, as that context writes it.</summary>
    /// <param name="TypeName">The type's JSON key (<see cref="Parsing.TypeNames.JsonKey"/>).</param>
    /// <param name="ComponentName">The name it would have under components/schemas (<c>PageDto</c>, <c>BoxOfPage</c>).</param>
    internal sealed record JsonSchemaTypeSpec(string ContextTypeName, string TypeName, string ComponentName, SchemaSpec Schema);
}
