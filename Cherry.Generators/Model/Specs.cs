using System;

namespace Cherry.Generators.Model
{
    // Specs are plain equatable records: no ISymbol, SyntaxNode or Compilation, so the incremental
    // pipeline can compare them and skip the emitter when nothing relevant changed.

    /// <summary>One class that can sit in a dispatch tree.</summary>
    /// <param name="Config">Its <c>[Config]</c> keys, base classes first (<see cref="Shared.ConfigSymbols.OfClass"/>).</param>
    internal sealed record NodeSpec(
        string TypeName,
        string ShortName,
        EquatableArray<HandlerSpec> Handlers,
        EquatableArray<ChildSpec> Children,
        DispatchHookSpec? DispatchHook,
        EquatableArray<string> PopArgs,
        PopHandlerSpec? PopHandler,
        bool IsRest,
        EquatableArray<ToolSpec> Tools,
        bool JsonOut,
        XmlRpcSpec? XmlRpc,
        EquatableArray<ConfigSpec> Config,
        EquatableArray<EndpointMetadataSpec> Metadata);

    /// <summary>A <c>[Config]</c> key and its value as plain text (null: None); <paramref name="Source"/> names the class or method that wrote it.</summary>
    internal sealed record ConfigSpec(string Source, string Key, string? Value);

    /// <summary>An [XmlRpc] class: its methods answer methodCalls posted to it.</summary>
    internal sealed record XmlRpcSpec(bool AllowNone);

    /// <summary>A property or field holding a sub-tree.</summary>
    /// <param name="DeclarationId">The member's documentation-comment id, by which an analyzer finds its symbol again.</param>
    internal sealed record ChildSpec(string MemberName, string Segment, string TypeName, string DeclarationId);

    /// <summary>A <c>[Dispatch]</c> method and the node type it returns; it may also take the request.</summary>
    internal sealed record DispatchHookSpec(string MethodName, string ReturnTypeName, bool TakesRequest);

    /// <summary>
    /// Where a <c>[PopArgs]</c> class's path goes on after popping: the node a member holds, or (<paramref name="IsFactory"/>)
    /// the node a method makes from the popped values, which then are not request parameters.
    /// </summary>
    internal sealed record PopHandlerSpec(string MemberName, string TypeName, bool IsFactory);

    internal enum HandlerKind
    {
        Member,
        Index,
        Default,
        Verb,
    }

    /// <param name="DeclarationId">The method's documentation-comment id (overloads differ), by which an analyzer finds its symbol again.</param>
    /// <param name="Config">The method's <c>[Config]</c> keys.</param>
    internal sealed record HandlerSpec(
        string MethodName,
        string DeclarationId,
        HandlerKind Kind,
        EquatableArray<string> Segments,
        EquatableArray<ParameterSpec> Parameters,
        ReturnSpec Return,
        EquatableArray<ToolSpec> Tools,
        bool JsonOut,
        EquatableArray<ConfigSpec> Config,
        EquatableArray<EndpointMetadataSpec> Metadata);

    internal enum ParameterKind
    {
        String,
        Parsable,
        Boolean,
        Enum,
        Array,
        VarArgs,
        Keywords,
        Request,
        Response,
        Session,
        HttpContext,
        CancellationToken,
        JsonBody,
        RpcValue,
        /// <summary>A <c>Cherry.Part</c>: a multipart part, bound from the whole parameter rather than its text.</summary>
        Part,
        /// <summary>A <c>[FromServices]</c> parameter: resolved from the request's DI scope.</summary>
        Service,
        /// <summary>
        /// A <c>StringValues</c>: CherryPy's untyped parameter, one text from a path segment or by name, or every text of a
        /// name that repeats.
        /// </summary>
        Values,
    }

    /// <param name="TypeName">The parameter's type; for arrays, the element type.</param>
    /// <param name="ElementKind">For arrays, how each element converts.</param>
    /// <param name="IsNullable">A nullable scalar (<c>int?</c>); for an array, one that may be absent (<c>string[]?</c>, or no nullable context); for a JSON body, one declared <c>T?</c>, which the document <c>null</c> may reach.</param>
    /// <param name="DefaultLiteral">The C# default value, or null when the parameter has none (a non-nullable array without one is required).</param>
    /// <param name="JsonKey">For a [JsonBody], the name its JSON metadata is found by (<see cref="Parsing.TypeNames.JsonKey"/>).</param>
    /// <param name="KeywordOnly">[KeywordOnly]: bound by name only, never from a path segment.</param>
    /// <param name="Schema">The value's JSON Schema for the OpenAPI document (an array's with its items), with the default;
    /// null when the type has none (a parameter the document describes without a schema) or the value is no request field.</param>
    /// <param name="Validation">What the bound value is checked against before the handler runs; null when nothing is.</param>
    internal sealed record ParameterSpec(
        string Name,
        ParameterKind Kind,
        string TypeName,
        ParameterKind ElementKind,
        bool IsNullable,
        string? DefaultLiteral,
        string? JsonKey = null,
        bool KeywordOnly = false,
        SchemaSpec? Schema = null,
        ValidationSpec? Validation = null)
    {
        /// <summary>A path segment can fill it: a single text (or an untyped value) not marked [KeywordOnly].</summary>
        public bool TakesSegment =>
            !KeywordOnly && Kind is ParameterKind.String or ParameterKind.Parsable or ParameterKind.Boolean or ParameterKind.Enum or ParameterKind.Values;
    }

    internal enum ResultKind
    {
        None,
        Text,
        Bytes,
        Json,
        TextStream,
        ByteStream,
        ObjectStream,
        XmlRpc,
    }

    /// <param name="Awaitable">Task, ValueTask, or null when synchronous.</param>
    /// <param name="JsonKey">For a JSON result, the name its JSON metadata is found by (<see cref="Parsing.TypeNames.JsonKey"/>).</param>
    internal sealed record ReturnSpec(ResultKind Kind, string TypeName, string? Awaitable, string? JsonKey = null);

    /// <summary>
    /// A tool attribute as facts: its class, the tool's config name where the build knows it, and its constant arguments;
    /// the emitter re-creates the attribute from them. Planners and analyzers tell tools apart by <see cref="ToolName"/>.
    /// </summary>
    /// <param name="ToolName">A built-in tool's catalog name, a <c>[ToolDeclaration]</c> class's name; null for a hand-written tool's attribute.</param>
    /// <param name="Arguments">The constructor's arguments.</param>
    /// <param name="Source">Where it is written: <c>[Gzip] on Site.Admin.Index</c>, what start-up names when a value it sets is refused.</param>
    internal sealed record ToolSpec(string AttributeTypeName, string? ToolName, EquatableArray<ConstantSpec> Arguments, EquatableArray<NamedArgumentSpec> Properties, string Source)
    {
        /// <summary>json_in with its defaults, for a [JsonBody] handler under no [JsonIn].</summary>
        public static readonly ToolSpec JsonIn = new("global::Cherry.JsonInAttribute", Shared.ToolCatalog.JsonIn.Name, EquatableArray<ConstantSpec>.Empty,
            EquatableArray<NamedArgumentSpec>.Empty, "a [JsonBody] parameter");
    }

    /// <summary>
    /// An ASP.NET Core endpoint metadata attribute on a handler or node class (<c>[Authorize(Policy = "admin")]</c>,
    /// <c>[EnableRateLimiting("fixed")]</c>, ...) as facts, which the emitter re-creates as the handler's endpoint metadata.
    /// </summary>
    /// <param name="Source">Where it is written (<c>[Authorize] on Site.Admin</c>), which start-up names when its service or policy is missing.</param>
    /// <param name="DeclaredStatus">The status a response-type attribute (<c>[ProducesResponseType(201)]</c>) declares, for OpenAPI.</param>
    internal sealed record EndpointMetadataSpec(string AttributeTypeName, EquatableArray<ConstantSpec> Arguments, EquatableArray<NamedArgumentSpec> Properties, string Source, int? DeclaredStatus = null);

    /// <summary>
    /// A parameter's DataAnnotations rules: its own attributes, and for a JSON body the validated type it is with every
    /// validated type that type reaches (the planner gives each one generated method per tree).
    /// </summary>
    /// <param name="DisplayName">The name messages use: <c>[Display(Name = ...)]</c>, else the parameter's.</param>
    /// <param name="ValidatedType">The parameter's type, or its collection's element type, when it is one of <paramref name="Types"/>; else null.</param>
    /// <param name="ValidatedKind">Whether the parameter is <paramref name="ValidatedType"/> or a collection of it.</param>
    internal sealed record ValidationSpec(
        string DisplayName,
        EquatableArray<AttributeSpec> Attributes,
        string? ValidatedType,
        NestedKind ValidatedKind,
        EquatableArray<ValidatedTypeSpec> Types);

    /// <summary>
    /// A type whose values are checked member by member: it, or a type it holds, carries DataAnnotations rules or is an
    /// <c>IValidatableObject</c>.
    /// </summary>
    /// <param name="Attributes">The rules on the type itself, checked (with <c>IValidatableObject.Validate</c>) once its members pass.</param>
    internal sealed record ValidatedTypeSpec(string TypeName, string ShortName, EquatableArray<ValidatedMemberSpec> Members, EquatableArray<AttributeSpec> Attributes);

    /// <summary>A property that is checked: its rules, and the validated type it holds, itself or as a collection's elements.</summary>
    /// <param name="JsonName">Its explicit <c>[JsonPropertyName]</c>, else null: its name after the JSON naming policy, which error keys use.</param>
    /// <param name="NestedType">The validated type the property holds (its element type for a collection), or null.</param>
    /// <param name="NestedKind">How the property holds <paramref name="NestedType"/>.</param>
    internal sealed record ValidatedMemberSpec(
        string Name,
        string DisplayName,
        string? JsonName,
        EquatableArray<AttributeSpec> Attributes,
        string? NestedType,
        NestedKind NestedKind);

    internal enum NestedKind
    {
        None,
        /// <summary>A reference or a value of the type.</summary>
        Value,
        /// <summary>A <c>Nullable&lt;T&gt;</c> of a validated struct.</summary>
        NullableValue,
        /// <summary>An <c>IEnumerable&lt;T&gt;</c> of the type.</summary>
        Collection,
    }

    /// <summary>An attribute as facts (its class, constructor arguments and named arguments), which the emitter re-creates.</summary>
    internal sealed record AttributeSpec(string TypeName, EquatableArray<ConstantSpec> Arguments, EquatableArray<NamedArgumentSpec> Properties);

    /// <summary>An attribute's named argument: the property and its value.</summary>
    internal sealed record NamedArgumentSpec(string Name, ConstantSpec Value);

    /// <summary>
    /// An attribute's constant as facts: its kind, its type's name, and its value in invariant text (a number, a string's
    /// own characters, an enum's underlying number, a type's name), or its elements; the emitter renders it as C#.
    /// </summary>
    /// <param name="TypeName">The constant's type (<c>global::</c>-qualified; an array's element type).</param>
    internal sealed record ConstantSpec(ConstantKind Kind, string TypeName, string? Value, EquatableArray<ConstantSpec>? Elements = null);

    internal enum ConstantKind
    {
        Null,
        String,
        Char,
        Boolean,
        /// <summary>A number of <see cref="ConstantSpec.TypeName"/>'s type, or an enum member by its underlying number.</summary>
        Number,
        /// <summary>A <c>typeof</c> of <see cref="ConstantSpec.Value"/>.</summary>
        Type,
        Array,
    }

    /// <summary>
    /// What a parse step of the generator gives: the classes' specs, and apart from them their handlers' summaries, so
    /// that editing a doc comment changes no <see cref="NodeSpec"/> and re-plans no tree (only the OpenAPI document reads them).
    /// </summary>
    internal sealed record ParsedNodes(EquatableArray<NodeSpec> Nodes, EquatableArray<HandlerSummary> Summaries)
    {
        public static readonly ParsedNodes Empty = new(EquatableArray<NodeSpec>.Empty, EquatableArray<HandlerSummary>.Empty);
    }

    /// <summary>A root given to <c>MapCherry&lt;T&gt;</c>.</summary>
    /// <param name="Construction">How generated code builds it, or null when it has no public constructor.</param>
    internal sealed record RootSpec(string TypeName, string ShortName, ConstructionSpec? Construction);

    /// <summary>A constructor call that builds a tree node at start-up: each argument a node built the same way, or a service.</summary>
    internal sealed record ConstructionSpec(string TypeName, string ShortName, EquatableArray<ConstructorArgumentSpec> Arguments);

    /// <summary>One constructor argument: a node (<paramref name="Node"/>) or a service from DI of type <paramref name="TypeName"/>.</summary>
    internal sealed record ConstructorArgumentSpec(string ParameterName, string TypeName, ConstructionSpec? Node);

    /// <summary>A type a source-generated JSON context has metadata for, by its <see cref="Parsing.TypeNames.JsonKey"/>.</summary>
    /// <param name="Reached">Not listed itself but reached through a listed type; a context that lists it is preferred.</param>
    internal sealed record JsonTypeSpec(string ContextTypeName, string TypeName, bool Reached);

    /// <summary>The options class a typed namespace binds (<c>options.ConfigNamespace&lt;T&gt;("db")</c>), for its generated binder.</summary>
    internal sealed record ConfigNamespaceSpec(string TypeName, EquatableArray<OptionPropertySpec> Properties);

    /// <summary>A settable property of an options class: its name, its type, and an enum's member names (null for another type).</summary>
    internal sealed record OptionPropertySpec(string Name, string TypeName, EquatableArray<string>? EnumNames);

    internal static class EquatableString
    {
        public static EquatableArray<string> Of(params string[] items) => items.ToEquatableArray();
    }
}
