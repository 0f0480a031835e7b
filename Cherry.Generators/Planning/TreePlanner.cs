using System.Collections.Generic;
using System.Linq;
using Cherry.Generators.Model;

namespace Cherry.Generators.Planning
{
    /// <summary>
    /// Lays out one root's tree from the parsed classes: positions, handler entries with their ordered compile-time
    /// tools (outer classes first, the method last), invokers and JSON metadata fields. A pure function of its inputs;
    /// the generator emits what it returns and the analyzers report from it, so both see the same tree.
    /// A class that recurs on its own path (through a member or a dispatch hook) links back to its ancestor.
    /// </summary>
    internal sealed class TreePlanner
    {
        private readonly IReadOnlyDictionary<string, NodeSpec> _nodes;
        private readonly IReadOnlyDictionary<string, string> _jsonContexts;
        private readonly GeneratedNames _names = new GeneratedNames();
        private readonly Dictionary<string, string> _onPath = new Dictionary<string, string>();
        private readonly List<PositionSpec> _positions = new List<PositionSpec>();
        private readonly List<EntrySpec> _entries = new List<EntrySpec>();
        private readonly Dictionary<(string Type, HandlerSpec Handler), InvokerSpec> _invokers = new Dictionary<(string Type, HandlerSpec Handler), InvokerSpec>();
        private readonly List<InvokerSpec> _invokerOrder = new List<InvokerSpec>();

        private TreePlanner(IReadOnlyDictionary<string, NodeSpec> nodes, IReadOnlyDictionary<string, string> jsonContexts)
        {
            _nodes = nodes;
            _jsonContexts = jsonContexts;
        }

        /// <param name="nodes">Every parsed class by type name.</param>
        /// <param name="jsonContexts">The source-generated JSON context to take each type's metadata from.</param>
        /// <returns>Null when the root class was not parsed (it has no handler anywhere).</returns>
        public static TreeSpec? Plan(RootSpec root, IReadOnlyDictionary<string, NodeSpec> nodes, IReadOnlyDictionary<string, string> jsonContexts)
        {
            if (!nodes.TryGetValue(root.TypeName, out var rootNode))
            {
                return null;
            }
            var planner = new TreePlanner(nodes, jsonContexts);
            var rootResolver = planner.Visit(rootNode, "/", GeneratedNames.Scope("/"), new List<ToolSpec>(), new List<LevelConfigSpec>(), new List<EndpointMetadataSpec>());
            return new TreeSpec(
                root,
                GeneratedNames.TreeClass(root),
                rootResolver,
                planner._positions.ToEquatableArray(),
                planner._entries.ToEquatableArray(),
                planner._invokerOrder.ToEquatableArray(),
                planner.JsonFields(),
                planner.ValidatedTypes());
        }

        /// <param name="scope">The words that name the position's members (<see cref="GeneratedNames.Scope(string)"/>).</param>
        /// <param name="inheritedConfig">The <c>[Config]</c> keys of the classes above, each at its class's path.</param>
        /// <param name="inheritedMetadata">The endpoint metadata of the classes above (<c>[Authorize]</c> on a node holds below it).</param>
        private string Visit(NodeSpec node, string path, string scope, List<ToolSpec> inherited, List<LevelConfigSpec> inheritedConfig, List<EndpointMetadataSpec> inheritedMetadata)
        {
            if (_onPath.TryGetValue(node.TypeName, out var ancestor))
            {
                return ancestor;
            }
            var resolver = _names.Resolver(scope);
            _onPath[node.TypeName] = resolver;
            // The position's slot is taken before its children's, so positions read from the root down.
            var slot = _positions.Count;
            _positions.Add(null!);
            var tools = inherited.Concat(node.Tools).ToList();
            var config = inheritedConfig.Concat(node.Config.Select(c => new LevelConfigSpec(path, c))).ToList();
            var metadata = inheritedMetadata.Concat(node.Metadata).ToList();
            var allow = node.IsRest ? Allow(node) : null;
            // A segment answers once per node (SegmentClaims): the analyzer reports the losers (CHERRY0005); the
            // generated switch must still compile.
            var owners = Owners(node);
            var members = new List<MemberRoute>();
            var verbs = new List<VerbRoute>();
            string? index = null;
            string? fallback = null;

            foreach (var source in node.Handlers)
            {
                var handler = source.Kind == HandlerKind.Verb ? source
                    : source with { Segments = source.Segments.Where(s => owners[s] == source.DeclarationId).Distinct().ToEquatableArray() };
                var verb = handler.MethodName.ToUpperInvariant();
                // An overload that finds its place taken (a second Index, a second Get, a member whose segments
                // are all claimed) is reported by the analyzers (CHERRY0005/0011) and gets no entry.
                var reachable = handler.Kind switch
                {
                    HandlerKind.Index => index is null,
                    HandlerKind.Default => fallback is null,
                    HandlerKind.Verb => !verbs.Any(v => v.Verb == verb),
                    _ => handler.Segments.Count > 0,
                };
                if (!reachable)
                {
                    continue;
                }
                var (entryPath, name) = handler.Kind switch
                {
                    HandlerKind.Member => (Join(path, source.Segments[0]), _names.Entry(GeneratedNames.Scope(scope, source.Segments[0]))),
                    HandlerKind.Index => (path, _names.Entry(scope, "index")),
                    HandlerKind.Default => (path, _names.Entry(scope, "default")),
                    _ => (path, _names.Entry(scope, handler.MethodName.ToLowerInvariant())),
                };
                var entry = AddEntry(name, entryPath, node, source, tools, config, metadata, allow, 0);
                switch (handler.Kind)
                {
                    case HandlerKind.Index:
                        index = entry;
                        break;
                    case HandlerKind.Default:
                        fallback = entry;
                        break;
                    case HandlerKind.Verb:
                        verbs.Add(new VerbRoute(verb, entry));
                        continue;
                }
                // Index and Default are reachable by name too (/index), as plain members.
                if (handler.Segments.Count > 0)
                {
                    members.Add(new MemberRoute(handler.Segments, entry));
                }
            }
            var rest = node.IsRest ? new RestRoutes(verbs.ToEquatableArray(), AddEntry(_names.Entry(scope, "methodNotAllowed"), path, node, null, tools, config, metadata, allow, 405)) : null;
            XmlRpcRoutes? xmlRpc = null;
            if (node.XmlRpc is not null)
            {
                var dispatcher = _names.XmlRpcDispatcher(scope);
                var rpcEntry = AddEntry(new EntrySpec(_names.Entry(scope, "xmlRpc"), path, dispatcher, null, tools.ToEquatableArray(), null, 0, false, EquatableArray<ParameterSpec>.Empty, false, config.ToEquatableArray(), metadata.ToEquatableArray()));
                // Allow goes on the 405 only: CherryPy's XML-RPC answers carry none.
                xmlRpc = new XmlRpcRoutes(rpcEntry, AddEntry(_names.Entry(scope, "methodNotAllowed"), path, node, null, tools, config, metadata, "POST", 405), dispatcher, default);
            }

            var children = new List<ChildRoute>();
            foreach (var child in node.Children)
            {
                if (owners[child.Segment] == child.DeclarationId && _nodes.TryGetValue(child.TypeName, out var childNode))
                {
                    children.Add(new ChildRoute(child.Segment, child.MemberName, Visit(childNode, Join(path, child.Segment), GeneratedNames.Scope(scope, child.Segment), tools, config, metadata)));
                }
            }
            string? dispatchTarget = null;
            if (node.DispatchHook is { } hook && _nodes.TryGetValue(hook.ReturnTypeName, out var dynamicNode))
            {
                dispatchTarget = Visit(dynamicNode, path, GeneratedNames.Scope(scope, dynamicNode.ShortName), tools, config, metadata);
            }
            PopHandlerRoute? popHandler = null;
            if (node.PopHandler is { } pop && _nodes.TryGetValue(pop.TypeName, out var popNode))
            {
                popHandler = new PopHandlerRoute(pop.MemberName, pop.IsFactory, Visit(popNode, path, GeneratedNames.Scope(scope, popNode.ShortName), tools, config, metadata));
            }
            if (xmlRpc is not null)
            {
                var methods = new List<XmlRpcMethodRoute>();
                AddXmlRpcMethods(methods, node, "", "", new HashSet<string> { node.TypeName }, new HashSet<string>(System.StringComparer.Ordinal));
                xmlRpc = xmlRpc with { Methods = methods.ToEquatableArray() };
            }
            _onPath.Remove(node.TypeName);
            _positions[slot] = new PositionSpec(
                resolver, path, node.TypeName, node.ShortName, node.PopArgs, popHandler, node.DispatchHook?.MethodName, dispatchTarget,
                node.DispatchHook?.TakesRequest ?? false,
                members.ToEquatableArray(), children.ToEquatableArray(), index, fallback,
                fallback is null && rest is null && xmlRpc is null ? children.FirstOrDefault(c => c.Segment == "default") : null, rest, xmlRpc);
            return resolver;
        }

        /// <summary>Dotted names for an [XmlRpc] class's methods and its [XmlRpc] sub-trees', at any depth: <c>a.b.method</c> reaches <c>A.B.Method</c>.</summary>
        /// <param name="names">Names already answered: the first method declared keeps a name its overloads share.</param>
        private void AddXmlRpcMethods(List<XmlRpcMethodRoute> methods, NodeSpec node, string prefix, string targetMembers, HashSet<string> seen, HashSet<string> names)
        {
            foreach (var handler in node.Handlers.Where(h => h.Kind == HandlerKind.Member))
            {
                if (names.Add(prefix + handler.Segments[0]))
                {
                    methods.Add(new XmlRpcMethodRoute(prefix + handler.Segments[0], targetMembers, Invoker(node, handler)));
                }
            }
            foreach (var child in node.Children)
            {
                if (_nodes.TryGetValue(child.TypeName, out var childNode) && childNode.XmlRpc is not null && seen.Add(childNode.TypeName))
                {
                    AddXmlRpcMethods(methods, childNode, prefix + child.Segment + ".", targetMembers.Length == 0 ? child.MemberName : targetMembers + "." + child.MemberName, seen, names);
                    seen.Remove(childNode.TypeName);
                }
            }
        }

        private string AddEntry(string field, string path, NodeSpec node, HandlerSpec? handler, List<ToolSpec> tools, List<LevelConfigSpec> config, List<EndpointMetadataSpec> metadata, string? allow, int dispatchError)
        {
            string? invoker = null;
            if (handler is not null)
            {
                invoker = Invoker(node, handler);
                tools = tools.Concat(handler.Tools).ToList();
                // A handler's own keys apply at its path, after its class's (CherryPy's handler _cp_config).
                config = config.Concat(handler.Config.Select(c => new LevelConfigSpec(path, c))).ToList();
                // A handler's own metadata comes last: where ASP.NET Core reads one value (a rate-limit policy), the handler's wins.
                metadata = metadata.Concat(handler.Metadata).ToList();
                // A [JsonBody] parameter binds what json_in parsed. Like ASP.NET Core's [FromBody] it needs no other
                // switch: without a [JsonIn] on the method or any class above it, the handler gets json_in's defaults.
                if (handler.Parameters.Any(p => p.Kind == ParameterKind.JsonBody) && !tools.Any(t => t.ToolName == ToolSpec.JsonIn.ToolName))
                {
                    tools.Add(ToolSpec.JsonIn);
                }
            }
            // Start-up checks that a handler taking a Session has the sessions tool on, instead of a 500 at the first request.
            var requiresSession = handler is not null && handler.Parameters.Any(p => p.Kind == ParameterKind.Session);
            // Start-up checks that DI has what each [FromServices] parameter takes, instead of a 500 at the first request.
            var services = handler is null ? EquatableArray<ParameterSpec>.Empty : handler.Parameters.Where(p => p.Kind == ParameterKind.Service).ToEquatableArray();
            // A [JsonOut] handler's errors are problem documents; a REST class's 405 follows the class.
            var jsonOut = handler?.JsonOut ?? node.JsonOut;
            return AddEntry(new EntrySpec(field, path, invoker, handler?.DeclarationId, tools.ToEquatableArray(), allow, dispatchError, requiresSession, services, jsonOut, config.ToEquatableArray(), metadata.ToEquatableArray()));
        }

        private string AddEntry(EntrySpec entry)
        {
            _entries.Add(entry);
            return entry.Field;
        }

        /// <summary>Keyed by the whole spec, not the name: overloads of one method are different handlers.</summary>
        private string Invoker(NodeSpec node, HandlerSpec handler)
        {
            var key = (node.TypeName, handler);
            if (!_invokers.TryGetValue(key, out var invoker))
            {
                var name = _names.Invoker(node.ShortName, handler.MethodName);
                var rules = handler.Parameters.Where(p => p.Validation is { Attributes.Count: > 0 })
                    .Select(p => new RulesField(p.Name, _names.Rules(name, p.Name))).ToEquatableArray();
                invoker = new InvokerSpec(name, node.TypeName, handler, node.XmlRpc, rules);
                _invokers[key] = invoker;
                _invokerOrder.Add(invoker);
            }
            return invoker.Name;
        }

        /// <summary>
        /// Every claim on a URL segment of a node, in the order the planner gives segments out: its handlers' (not a REST
        /// verb's), then its sub-trees', then its PopArgs names'. The first claimant of a segment owns it and answers it; a
        /// later claim by another member (or a PopArgs name that a member's segment shadows) loses: it gets no route, and
        /// the analyzer reports it (CHERRY0005). One rule, for the plan and the report.
        /// </summary>
        public static IEnumerable<SegmentClaim> SegmentClaims(NodeSpec node)
        {
            var owners = new Dictionary<string, string>(System.StringComparer.Ordinal);
            foreach (var (segment, member) in Claims(node))
            {
                if (!owners.TryGetValue(segment, out var owner))
                {
                    owners[segment] = member;
                }
                else if (owner != member)
                {
                    yield return new SegmentClaim(segment, owner, member, null);
                }
            }
            foreach (var name in node.PopArgs)
            {
                if (owners.TryGetValue(Shared.SegmentNaming.Normalize(name), out var owner))
                {
                    yield return new SegmentClaim(Shared.SegmentNaming.Normalize(name), owner, null, name);
                }
            }
        }

        /// <summary>Each segment's owner (its member's declaration id), by <see cref="SegmentClaims"/>' rule.</summary>
        private static Dictionary<string, string> Owners(NodeSpec node)
        {
            var owners = new Dictionary<string, string>(System.StringComparer.Ordinal);
            foreach (var (segment, member) in Claims(node))
            {
                if (!owners.ContainsKey(segment))
                {
                    owners[segment] = member;
                }
            }
            return owners;
        }

        /// <summary>The members' claims on segments, handlers (not REST verbs) first, then sub-trees, each with its declaration id.</summary>
        private static IEnumerable<(string Segment, string Member)> Claims(NodeSpec node) =>
            node.Handlers.Where(h => h.Kind != HandlerKind.Verb).SelectMany(h => h.Segments.Select(s => (s, h.DeclarationId)))
                .Concat(node.Children.Select(c => (c.Segment, c.DeclarationId)));

        /// <summary>
        /// The JSON types a handler needs metadata for: each [JsonBody] parameter's (with its name) and a JSON result's
        /// (name null), each with the key its metadata is found by. The plan's JSON fields and CHERRY0007 both read it.
        /// </summary>
        public static IEnumerable<(string TypeName, string Key, string? Parameter)> JsonNeeds(HandlerSpec handler)
        {
            foreach (var parameter in handler.Parameters.Where(p => p.Kind == ParameterKind.JsonBody))
            {
                yield return (parameter.TypeName, parameter.JsonKey ?? parameter.TypeName, parameter.Name);
            }
            if (handler.Return.Kind == ResultKind.Json)
            {
                yield return (handler.Return.TypeName, handler.Return.JsonKey ?? handler.Return.TypeName, null);
            }
        }

        /// <summary>A field for every type a handler reads or writes as JSON, in the order the invokers use them.</summary>
        private EquatableArray<JsonFieldSpec> JsonFields()
        {
            var fields = new List<JsonFieldSpec>();
            foreach (var invoker in _invokerOrder.Where(i => i.XmlRpc is null))
            {
                foreach (var (type, key, _) in JsonNeeds(invoker.Handler))
                {
                    if (!fields.Any(f => f.TypeName == type))
                    {
                        fields.Add(new JsonFieldSpec(_names.Json(type), type, _jsonContexts.TryGetValue(key, out var context) ? context : null));
                    }
                }
            }
            return fields.ToEquatableArray();
        }

        /// <summary>Every type a handler's parameter checks member by member, once per tree, with its method and its rules' fields.</summary>
        private EquatableArray<ValidatedTypePlan> ValidatedTypes()
        {
            var plans = new List<ValidatedTypePlan>();
            foreach (var type in _invokerOrder.SelectMany(i => i.Handler.Parameters).SelectMany(p => p.Validation?.Types ?? EquatableArray<ValidatedTypeSpec>.Empty))
            {
                if (plans.Any(p => p.Type.TypeName == type.TypeName))
                {
                    continue;
                }
                var rules = new List<RulesField>();
                foreach (var member in type.Members.Where(m => m.Attributes.Count > 0))
                {
                    rules.Add(new RulesField(member.Name, _names.Rules(type.ShortName, member.Name)));
                }
                if (type.Attributes.Count > 0)
                {
                    rules.Add(new RulesField("", _names.Rules(type.ShortName, null)));
                }
                plans.Add(new ValidatedTypePlan(type, _names.Validator(type.ShortName), rules.ToEquatableArray()));
            }
            return plans.ToEquatableArray();
        }

        /// <summary>CherryPy's <c>Allow</c>: the resource's verbs, sorted, with HEAD when GET exists.</summary>
        private static string Allow(NodeSpec node)
        {
            var verbs = node.Handlers.Where(h => h.Kind == HandlerKind.Verb).Select(h => h.MethodName.ToUpperInvariant()).Distinct().ToList();
            if (verbs.Contains("GET") && !verbs.Contains("HEAD"))
            {
                verbs.Add("HEAD");
            }
            verbs.Sort(System.StringComparer.Ordinal);
            return string.Join(", ", verbs);
        }

        private static string Join(string path, string segment) => path == "/" ? "/" + segment : path + "/" + segment;
    }
}
