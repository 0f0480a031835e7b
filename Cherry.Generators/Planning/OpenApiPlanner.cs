using System.Collections.Generic;
using System.Linq;
using System.Text;
using Cherry.Generators.Model;

namespace Cherry.Generators.Planning
{
    /// <summary>
    /// Lays out one root's OpenAPI document from its planned <see cref="TreeSpec"/> (a pure function, like
    /// <see cref="TreePlanner"/>, whose plan it reads instead of asking the classes again): one operation per URL a
    /// handler answers, from the root's position down through sub-trees, <c>[Dispatch]</c> hooks and <c>[PopArgs]</c>.
    /// <list type="bullet">
    /// <item>Required positional parameters become path segments, as CherryPy binds them from the rest of the path
    /// (never for an <c>Index</c>, which answers only at the end of a path); the others are query parameters, or form
    /// fields of a POST/PUT/PATCH that takes no JSON body; a <c>Default</c>'s <c>params string[]</c> is one segment.</item>
    /// <item>An exposed method answers any verb: it is described as GET, or as POST when it reads a body (a [JsonBody],
    /// json_in, an upload); a [Rest] resource's verbs are what they are named.</item>
    /// <item>A segment a [Dispatch] method consumes is a path parameter named after the method; popped [PopArgs] names are
    /// path parameters of what comes after them.</item>
    /// <item>JSON bodies and results refer to the schemas of the context the tree takes the type's metadata from; a type
    /// with no such context (resolved at run time) has none.</item>
    /// </list>
    /// </summary>
    internal sealed class OpenApiPlanner
    {

        private readonly TreeSpec _tree;
        private readonly Dictionary<string, PositionSpec> _positions = new Dictionary<string, PositionSpec>();
        private readonly Dictionary<string, EntrySpec> _entries = new Dictionary<string, EntrySpec>();
        private readonly Dictionary<string, int> _entryIndexes = new Dictionary<string, int>();
        private readonly Dictionary<string, InvokerSpec> _invokers = new Dictionary<string, InvokerSpec>();
        private readonly Dictionary<(string Context, string Type), JsonSchemaTypeSpec> _jsonSchemas = new Dictionary<(string Context, string Type), JsonSchemaTypeSpec>();
        private readonly Dictionary<string, string> _componentNames = new Dictionary<string, string>();
        private readonly SortedDictionary<string, SchemaComponentSpec?> _components = new SortedDictionary<string, SchemaComponentSpec?>(System.StringComparer.Ordinal);
        private readonly List<OperationSpec> _operations = new List<OperationSpec>();
        private readonly HashSet<(string Path, string Method)> _described = new HashSet<(string Path, string Method)>();
        private readonly SortedSet<string> _securitySchemes = new SortedSet<string>(System.StringComparer.Ordinal);
        private readonly Dictionary<string, string> _summaries = new Dictionary<string, string>();

        private OpenApiPlanner(TreeSpec tree, EquatableArray<JsonSchemaTypeSpec> jsonSchemas, EquatableArray<HandlerSummary> summaries)
        {
            _tree = tree;
            foreach (var position in tree.Positions)
            {
                _positions[position.Resolver] = position;
            }
            for (var i = 0; i < tree.Entries.Count; i++)
            {
                _entries[tree.Entries[i].Field] = tree.Entries[i];
                _entryIndexes[tree.Entries[i].Field] = i;
            }
            foreach (var invoker in tree.Invokers)
            {
                _invokers[invoker.Name] = invoker;
            }
            foreach (var schema in jsonSchemas)
            {
                _jsonSchemas[(schema.ContextTypeName, schema.TypeName)] = schema;
            }
            // A handler inherited by a class that only a root reaches is summarised by two steps, alike.
            foreach (var summary in summaries)
            {
                _summaries[summary.DeclarationId] = summary.Summary;
            }
            // A component keeps its short name unless two types of the compilation share it: then both take their full names.
            foreach (var group in jsonSchemas.Where(s => s.Schema.Kind == SchemaKind.Object).GroupBy(s => s.ComponentName))
            {
                var types = group.Select(s => s.TypeName).Distinct().ToList();
                foreach (var type in types)
                {
                    _componentNames[type] = types.Count == 1 ? group.Key : FullName(type);
                }
            }
        }

        public static OpenApiSpec Plan(TreeSpec tree, EquatableArray<JsonSchemaTypeSpec> jsonSchemas, EquatableArray<HandlerSummary> summaries)
        {
            var planner = new OpenApiPlanner(tree, jsonSchemas, summaries);
            planner.Visit(planner._positions[tree.RootResolver], "", new List<OpenApiParameterSpec>(), new HashSet<string>());
            return new OpenApiSpec(
                tree.Root,
                tree.ClassName + "_OpenApi",
                planner._operations.ToEquatableArray(),
                planner._components.Values.Where(c => c is not null).Select(c => c!).ToEquatableArray(),
                planner._securitySchemes.ToEquatableArray());
        }

        /// <param name="template">The URL template of the position, without a trailing slash (the root's is empty).</param>
        /// <param name="pathParameters">The path parameters <paramref name="template"/> holds.</param>
        /// <param name="onPath">Positions above this one: a class that recurs on its own path is described once.</param>
        private void Visit(PositionSpec position, string template, List<OpenApiParameterSpec> pathParameters, HashSet<string> onPath)
        {
            if (!onPath.Add(position.Resolver))
            {
                return;
            }
            if (position.XmlRpc is { } xmlRpc)
            {
                // Everything below an XML-RPC endpoint is one of its methods, called by name in the posted document.
                AddXmlRpc(xmlRpc, template, pathParameters);
                onPath.Remove(position.Resolver);
                return;
            }
            if (position.Rest is { } rest)
            {
                foreach (var verb in rest.Verbs)
                {
                    AddHandler(verb.Entry, template, pathParameters, verb.Verb.ToLowerInvariant());
                }
            }
            else
            {
                if (position.Index is { } index)
                {
                    AddHandler(index, template, pathParameters, null);
                    if (position.PopArgs.Count > 0 && position.PopHandler is null && Takes(index, position.PopArgs))
                    {
                        // The names popped here go on in this node, and its Index takes them.
                        AddHandler(index, template + Segments(position.PopArgs), Popped(pathParameters, position.PopArgs), null);
                    }
                }
                foreach (var member in position.Members.Where(m => m.Entry != position.Index && m.Entry != position.Default))
                {
                    foreach (var segment in member.Segments)
                    {
                        AddHandler(member.Entry, template + "/" + segment, pathParameters, null);
                    }
                }
                if (position.Default is { } fallback)
                {
                    AddHandler(fallback, template, pathParameters, null);
                }
            }
            foreach (var child in position.Children)
            {
                Visit(_positions[child.Target], template + "/" + child.Segment, pathParameters, onPath);
            }
            if (position.DispatchMethod is { } hook && position.DispatchTarget is { } target)
            {
                var name = hook.ToLowerInvariant();
                var consumed = new OpenApiParameterSpec(name, "path", SchemaSpec.String, true, "The segment the [Dispatch] method " + hook + " consumes.");
                Visit(_positions[target], template + "/{" + name + "}", pathParameters.Append(consumed).ToList(), onPath);
            }
            if (position.PopHandler is { } pop)
            {
                Visit(_positions[pop.Target], template + Segments(position.PopArgs), Popped(pathParameters, position.PopArgs), onPath);
            }
            onPath.Remove(position.Resolver);
        }

        /// <summary>Whether the entry's handler has a parameter for each name (or takes any other arguments).</summary>
        private bool Takes(string entryField, EquatableArray<string> names) =>
            _entries[entryField].Invoker is { } name && _invokers.TryGetValue(name, out var invoker)
            && (invoker.Handler.Parameters.Any(p => p.Kind == ParameterKind.Keywords)
                || names.All(n => invoker.Handler.Parameters.Any(p => p.Name == n)));

        private static string Segments(EquatableArray<string> names) => string.Concat(names.Select(n => "/{" + n + "}"));

        private static List<OpenApiParameterSpec> Popped(List<OpenApiParameterSpec> pathParameters, EquatableArray<string> names) =>
            pathParameters.Concat(names.Select(n => new OpenApiParameterSpec(n, "path", SchemaSpec.String, true, "Popped from the path ([PopArgs]).")))
                .ToList();

        /// <param name="verb">A [Rest] verb, or null for an exposed method (GET, or POST when it reads a body).</param>
        /// <param name="allowedMethod">For an exposed method, one of the methods its [Allow] names.</param>
        private void AddHandler(string entryField, string template, List<OpenApiParameterSpec> pathParameters, string? verb, string? allowedMethod = null)
        {
            var entry = _entries[entryField];
            if (entry.Invoker is null || !_invokers.TryGetValue(entry.Invoker, out var invoker))
            {
                return;
            }
            var handler = invoker.Handler;
            var jsonBody = handler.Parameters.FirstOrDefault(p => p.Kind == ParameterKind.JsonBody);
            var readsJson = jsonBody is not null || entry.Tools.Any(t => t.ToolName == ToolSpec.JsonIn.ToolName);
            var uploads = handler.Parameters.Any(p => p.Kind == ParameterKind.Part || p.ElementKind == ParameterKind.Part);
            // An [Allow] (the allow tool) names the methods answered, each an operation of its own; otherwise GET, or POST
            // for a handler that reads a body.
            if (verb is null && allowedMethod is null && AllowedMethods(entry) is { } allowed)
            {
                foreach (var each in allowed.Where(m => m != "head"))
                {
                    AddHandler(entryField, template, pathParameters, null, each);
                }
                return;
            }
            var method = verb ?? allowedMethod ?? (readsJson || uploads ? "post" : "get");
            var formBody = !readsJson && method is "post" or "put" or "patch";

            var parameters = new List<OpenApiParameterSpec>(pathParameters);
            var formFields = new List<SchemaPropertySpec>();
            var path = new StringBuilder(template);
            if (handler.Kind == HandlerKind.Index && !path.ToString().EndsWith("/", System.StringComparison.Ordinal))
            {
                path.Append('/');
            }
            // Path segments bind positional parameters in order, until the first one a request leaves out: for an
            // [Exposed] handler whatever the method (CherryPy binds POST /edit/Home's "Home" as GET's). A REST verb
            // with a form body takes its fields from the form, so that its path stays the resource's one template.
            var positional = handler.Kind != HandlerKind.Index && (verb is null || !formBody);
            var segments = 0;
            foreach (var parameter in handler.Parameters)
            {
                if (pathParameters.Any(p => p.Name == parameter.Name))
                {
                    continue;
                }
                switch (parameter.Kind)
                {
                    case ParameterKind.Request or ParameterKind.Response or ParameterKind.Session or ParameterKind.HttpContext
                        or ParameterKind.CancellationToken or ParameterKind.JsonBody or ParameterKind.RpcValue:
                        continue;
                    case ParameterKind.Keywords:
                        parameters.Add(new OpenApiParameterSpec(parameter.Name, "query", parameter.Schema, false, "Any other parameters, by name."));
                        continue;
                    case ParameterKind.VarArgs:
                        // A Default's extra segments: described as one, the usual case (it takes any number).
                        if (handler.Kind == HandlerKind.Default && segments == 0)
                        {
                            path.Append("/{").Append(parameter.Name).Append('}');
                            parameters.Add(new OpenApiParameterSpec(parameter.Name, "path", parameter.Schema, true, "The rest of the path, one or more segments."));
                            segments++;
                        }
                        continue;
                }
                var required = parameter.DefaultLiteral is null && !parameter.IsNullable;
                var upload = parameter.Kind == ParameterKind.Part || parameter.ElementKind == ParameterKind.Part;
                if (positional && required && parameter.TakesSegment)
                {
                    path.Append("/{").Append(parameter.Name).Append('}');
                    // A segment is one text, also for an untyped value that takes a list by name.
                    parameters.Add(new OpenApiParameterSpec(parameter.Name, "path", parameter.Kind == ParameterKind.Values ? SchemaSpec.String : parameter.Schema, true));
                    segments++;
                    continue;
                }
                positional &= parameter.KeywordOnly;
                if (formBody || upload)
                {
                    formFields.Add(new SchemaPropertySpec(parameter.Name, parameter.Schema ?? SchemaSpec.Any, required));
                }
                else
                {
                    parameters.Add(new OpenApiParameterSpec(parameter.Name, "query", parameter.Schema, required));
                }
            }
            // A Default that took no segment answers where an index would, at the node's own URL.
            if (path.Length == 0 || (handler.Kind == HandlerKind.Default && segments == 0 && path[path.Length - 1] != '/'))
            {
                path.Append('/');
            }
            BodySpec? body = null;
            if (jsonBody is not null)
            {
                body = new BodySpec("application/json", Json(jsonBody.TypeName, jsonBody.JsonKey ?? jsonBody.TypeName), jsonBody.DefaultLiteral is null);
            }
            else if (readsJson)
            {
                body = new BodySpec("application/json", null);
            }
            else if (uploads || formFields.Count > 0)
            {
                body = new BodySpec(uploads ? "multipart/form-data" : "application/x-www-form-urlencoded",
                    new SchemaSpec(SchemaKind.Object, Properties: formFields.ToEquatableArray()), formFields.Any(f => f.Required));
            }
            var response = handler.Return.Kind switch
            {
                ResultKind.Json => new BodySpec("application/json", Json(handler.Return.TypeName, handler.Return.JsonKey ?? handler.Return.TypeName)),
                // A void handler writes its own body if any (serve_file, a stream), and bytes are whatever the handler
                // says they are: a file's contents most often.
                ResultKind.None => new BodySpec("*/*", null),
                ResultKind.Bytes or ResultKind.ByteStream => new BodySpec("*/*", new SchemaSpec(SchemaKind.String, Format: "binary")),
                _ => new BodySpec(SetContentType(entry) ?? "text/html", SchemaSpec.String),
            };
            var operation = new OperationSpec(path.ToString(), method, _summaries.TryGetValue(handler.DeclarationId, out var summary) ? summary : null, null,
                parameters.ToEquatableArray(), method is "get" or "delete" ? null : body, response, Security(entry), _entryIndexes[entryField], Statuses(entry, handler));
            Add(operation);
            // HEAD answers wherever GET does, with GET's statuses and no body (CherryPy's and HTTP's rule).
            if (method == "get")
            {
                Add(operation with { Method = "head", Statuses = operation.Statuses.Select(s => s with { HasBody = false }).ToEquatableArray(), Response = null });
            }
        }

        /// <summary>The media type a <c>[ResponseHeaders]</c> on the entry gives Content-Type (the last one wins, as in the chain), or null.</summary>
        private static string? SetContentType(EntrySpec entry)
        {
            var tool = entry.Tools.LastOrDefault(t => t.ToolName == Shared.ToolCatalog.ResponseHeaders.Name);
            if (tool is null)
            {
                return null;
            }
            var pairs = tool.Arguments.SelectMany(a => a.Elements is { } elements ? elements.AsEnumerable() : new[] { a }).Select(c => c.Value).ToList();
            for (var i = 0; i + 1 < pairs.Count; i += 2)
            {
                if (string.Equals(pairs[i], "Content-Type", System.StringComparison.OrdinalIgnoreCase) && pairs[i + 1] is { } value)
                {
                    return value.Split(';')[0].Trim();
                }
            }
            return null;
        }

        /// <summary>The methods an [Allow] on the entry names (the last one wins, as the chain's), lower case; null without one.</summary>
        private static List<string>? AllowedMethods(EntrySpec entry)
        {
            var allow = entry.Tools.LastOrDefault(t => t.ToolName == Shared.ToolCatalog.Allow.Name);
            if (allow is null)
            {
                return null;
            }
            var methods = allow.Arguments.SelectMany(a => a.Elements is { } elements ? elements.AsEnumerable() : new[] { a })
                .Where(c => c.Kind == ConstantKind.String && c.Value is not null).Select(c => c.Value!.ToLowerInvariant()).Distinct().ToList();
            return methods.Count > 0 ? methods : new List<string> { "get" };
        }

        /// <summary>
        /// The statuses an operation answers with: those its handler declares (<c>[ProducesResponseType]</c>, on it or its
        /// classes), a 303 for a redirect tool that sends every request elsewhere (an internal one, its default, answers
        /// with its target's page), else 200 with the body.
        /// </summary>
        private static EquatableArray<StatusSpec> Statuses(EntrySpec entry, HandlerSpec handler)
        {
            if (entry.Tools.LastOrDefault(t => t.ToolName == Shared.ToolCatalog.Redirect.Name) is { } redirect
                && redirect.Properties.Any(p => p.Name == "Internal" && p.Value.Value == "false"))
            {
                return new[] { new StatusSpec("303", "See Other: the redirect tool sends every request elsewhere", true) }.ToEquatableArray();
            }
            var declared = entry.Metadata.Where(m => m.DeclaredStatus is not null).Select(m => m.DeclaredStatus!.Value).ToList();
            if (declared.Count == 0)
            {
                declared.Add(200);
            }
            // A value that breaks its DataAnnotations rules is answered with a 400 listing the errors.
            if (handler.Parameters.Any(p => p.Validation is not null))
            {
                declared.Add(400);
            }
            return declared.Distinct().OrderBy(s => s)
                .Select(s => new StatusSpec(s.ToString(System.Globalization.CultureInfo.InvariantCulture), Description(s), s is not (204 or 304)))
                .ToEquatableArray();
        }

        private static string Description(int status) => status switch
        {
            200 => "OK",
            201 => "Created",
            202 => "Accepted",
            204 => "No Content",
            301 or 302 or 303 or 307 or 308 => "Redirect",
            400 => "Bad Request: a value is missing, malformed or breaks its rules",
            401 => "Unauthorized",
            403 => "Forbidden",
            404 => "Not Found",
            409 => "Conflict",
            422 => "Unprocessable Content",
            _ => "Status " + status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        private void AddXmlRpc(XmlRpcRoutes xmlRpc, string template, List<OpenApiParameterSpec> pathParameters)
        {
            var entry = _entries[xmlRpc.Entry];
            var methods = string.Join(", ", xmlRpc.Methods.Select(m => m.Name));
            var xml = new BodySpec("text/xml", SchemaSpec.String);
            Add(new OperationSpec(template + "/", "post", "XML-RPC endpoint",
                "Takes an XML-RPC methodCall and answers a methodResponse. Methods: " + methods + ".",
                pathParameters.ToEquatableArray(), xml, xml, Security(entry), _entryIndexes[xmlRpc.Entry], new[] { new StatusSpec("200", "OK", true) }.ToEquatableArray()));
        }

        /// <summary>The first handler to claim a URL and method keeps it (an alias can repeat another member's path).</summary>
        private void Add(OperationSpec operation)
        {
            if (_described.Add((operation.Path, operation.Method)))
            {
                _operations.Add(operation);
            }
        }

        /// <summary>The auth tools among the entry's attributes; start-up adds or removes what configuration switches (OpenApiComposer).</summary>
        private EquatableArray<string> Security(EntrySpec entry)
        {
            var schemes = new List<string>();
            foreach (var tool in entry.Tools)
            {
                var scheme = tool.ToolName switch
                {
                    Shared.ToolCatalog.AuthBasic.Name => "basic",
                    Shared.ToolCatalog.AuthDigest.Name => "digest",
                    _ => null,
                };
                if (scheme is not null && !schemes.Contains(scheme))
                {
                    schemes.Add(scheme);
                    _securitySchemes.Add(scheme);
                }
            }
            return schemes.ToEquatableArray();
        }

        /// <summary>The schema of a JSON type as the tree's context for it writes it: an object type by reference.</summary>
        private SchemaSpec? Json(string typeName, string key)
        {
            var context = _tree.JsonFields.FirstOrDefault(f => f.TypeName == typeName)?.Context;
            return context is not null && _jsonSchemas.TryGetValue((context, key), out var spec)
                ? spec.Schema.Kind == SchemaKind.Object ? Component(context, key) : Resolve(spec.Schema, context)
                : null;
        }

        /// <summary>A reference to the component of <paramref name="key"/>, added (with what it refers to) on first use.</summary>
        private SchemaSpec Component(string context, string key)
        {
            if (!_componentNames.TryGetValue(key, out var name) || !_jsonSchemas.TryGetValue((context, key), out var spec))
            {
                return SchemaSpec.Any;
            }
            if (!_components.ContainsKey(name))
            {
                // Reserved before its properties are resolved, so a type that refers to itself stops here.
                _components[name] = null;
                _components[name] = new SchemaComponentSpec(name, Resolve(spec.Schema, context));
            }
            return new SchemaSpec(SchemaKind.Reference, Reference: name);
        }

        /// <summary>The schema with each reference (a type's JSON key) replaced by its component's name.</summary>
        private SchemaSpec Resolve(SchemaSpec schema, string context) => schema.Kind switch
        {
            SchemaKind.Reference => Component(context, schema.Reference!) is var reference && reference.Kind == SchemaKind.Reference
                ? reference with { Nullable = schema.Nullable }
                : reference,
            SchemaKind.Array or SchemaKind.Map when schema.Items is { } items => schema with { Items = Resolve(items, context) },
            SchemaKind.Object => schema with
            {
                Properties = schema.Properties.Select(p => p with { Schema = Resolve(p.Schema, context) }).ToEquatableArray(),
            },
            _ => schema,
        };

        /// <summary><c>global::Ns.Type&lt;A&gt;</c> as a component name: <c>Ns.Type_A_</c>.</summary>
        private static string FullName(string key)
        {
            var name = new StringBuilder();
            foreach (var c in key.Replace("global::", ""))
            {
                name.Append(char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
            }
            return name.ToString();
        }
    }
}
