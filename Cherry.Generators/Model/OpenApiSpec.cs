namespace Cherry.Generators.Model
{
    // One root's OpenAPI 3.1 document as data (Planning/OpenApiPlanner.cs builds it from the planned TreeSpec;
    // Emitting/OpenApiEmitter.cs writes it as JSON). Paths are relative to where the root is mounted.

    /// <param name="ClassName">The generated class that registers the document.</param>
    /// <param name="SecuritySchemes">The auth tools some operation needs: <c>basic</c>, <c>digest</c>.</param>
    internal sealed record OpenApiSpec(
        RootSpec Root,
        string ClassName,
        EquatableArray<OperationSpec> Operations,
        EquatableArray<SchemaComponentSpec> Schemas,
        EquatableArray<string> SecuritySchemes)
    {
        public string HintName => ClassName + ".g.cs";
    }

    /// <param name="Path">The URL template below the mount point (<c>/pages/{name}</c>).</param>
    /// <param name="Method">Lower case, as OpenAPI writes it.</param>
    /// <param name="Security">The security schemes that guard it (any one of them).</param>
    /// <param name="Entry">The index of its handler entry in the tree's <c>Handlers</c>: start-up reads that entry's
    /// completed chain for what configuration adds (the <c>x-cherry-entry</c> member, which the served document leaves out).</param>
    /// <param name="Statuses">The statuses it answers with, in order: <c>200</c> with <paramref name="Response"/> unless
    /// the handler declares others (<c>[ProducesResponseType]</c>) or a redirect answers for it.</param>
    internal sealed record OperationSpec(
        string Path,
        string Method,
        string? Summary,
        string? Description,
        EquatableArray<OpenApiParameterSpec> Parameters,
        BodySpec? RequestBody,
        BodySpec? Response,
        EquatableArray<string> Security,
        int Entry,
        EquatableArray<StatusSpec> Statuses);

    /// <summary>A status an operation answers with; <paramref name="HasBody"/>: a body goes with it (the result for a success, Cherry's page for a redirect or an error; none for HEAD).</summary>
    internal sealed record StatusSpec(string Code, string Description, bool HasBody);

    /// <summary>A path or query parameter.</summary>
    /// <param name="In"><c>path</c> or <c>query</c>.</param>
    /// <param name="Schema">Null: a value the parser could not describe, written with an empty schema. A
    /// <see cref="SchemaKind.Map"/> is free-form keyword arguments: each name is a query parameter of its own.</param>
    internal sealed record OpenApiParameterSpec(string Name, string In, SchemaSpec? Schema, bool Required, string? Description = null);

    /// <param name="Schema">Null: no schema (a body the handler reads itself).</param>
    internal sealed record BodySpec(string MediaType, SchemaSpec? Schema, bool Required = true);

    internal sealed record SchemaComponentSpec(string Name, SchemaSpec Schema);

    /// <summary>A handler method's documentation <c>&lt;summary&gt;</c> as one line, by its <see cref="HandlerSpec.DeclarationId"/>.</summary>
    internal sealed record HandlerSummary(string DeclarationId, string Summary);
}
