using System.Collections.Generic;
using System.Linq;
using Cherry.Generators.Model;

namespace Cherry.Generators.Emitting
{
    /// <summary>One handler at one tree position.</summary>
    internal sealed class EntryPlan
    {
        public EntryPlan(string field, string path, HandlerSpec? handler, string? invoker, IReadOnlyList<ToolSpec> tools, string? allow, int dispatchError)
        {
            Field = field;
            Path = path;
            Handler = handler;
            Invoker = invoker;
            Tools = tools;
            Allow = allow;
            DispatchError = dispatchError;
        }

        public string Field { get; }
        public string Path { get; }
        public HandlerSpec? Handler { get; }
        public string? Invoker { get; }
        public IReadOnlyList<ToolSpec> Tools { get; }
        public string? Allow { get; }
        public int DispatchError { get; }
    }

    /// <summary>One occurrence of a node class in the tree; the same class at two places is two positions.</summary>
    internal sealed class PositionPlan
    {
        public PositionPlan(int id, string path, NodeSpec node)
        {
            Id = id;
            Path = path;
            Node = node;
        }

        public int Id { get; }
        public string Path { get; }
        public NodeSpec Node { get; }
        public List<(ChildSpec Child, int Target)> Children { get; } = new List<(ChildSpec, int)>();
        public int? DispatchTarget { get; set; }
        public List<(HandlerSpec Handler, EntryPlan Entry)> Members { get; } = new List<(HandlerSpec, EntryPlan)>();
        public EntryPlan? Index { get; set; }
        public EntryPlan? Default { get; set; }
        public List<(string Verb, EntryPlan Entry)> Verbs { get; } = new List<(string Verb, EntryPlan Entry)>();
        public EntryPlan? MethodNotAllowed { get; set; }

        /// <summary>For an [XmlRpc] class: the entry that reads a posted methodCall and dispatches it by name.</summary>
        public EntryPlan? RpcEntry { get; set; }
    }

    /// <summary>A handler method's binder and invoker, shared by every position of its class.</summary>
    internal sealed class InvokerPlan
    {
        public InvokerPlan(string name, NodeSpec node, HandlerSpec handler)
        {
            Name = name;
            Node = node;
            Handler = handler;
        }

        public string Name { get; }
        public NodeSpec Node { get; }
        public HandlerSpec Handler { get; }
    }

    /// <summary>
    /// The whole tree of one root, laid out from the specs: positions, handler entries with their ordered
    /// compile-time tools (outer classes first, the method last), invokers and JSON metadata fields.
    /// A class that recurs on its own path (through a member or a dispatch hook) links back to its ancestor.
    /// </summary>
    internal sealed class TreePlan
    {
        private readonly IReadOnlyDictionary<string, NodeSpec> _nodes;
        private readonly Dictionary<string, int> _onPath = new Dictionary<string, int>();
        private readonly Dictionary<(string Type, HandlerSpec Handler), InvokerPlan> _invokers = new Dictionary<(string Type, HandlerSpec Handler), InvokerPlan>();

        private TreePlan(RootSpec root, IReadOnlyDictionary<string, NodeSpec> nodes, IReadOnlyDictionary<string, string> jsonContexts)
        {
            Root = root;
            _nodes = nodes;
            JsonContexts = jsonContexts;
        }

        public RootSpec Root { get; }
        public IReadOnlyDictionary<string, string> JsonContexts { get; }
        public List<PositionPlan> Positions { get; } = new List<PositionPlan>();
        public List<EntryPlan> Entries { get; } = new List<EntryPlan>();
        public IEnumerable<InvokerPlan> Invokers => _invokers.Values;
        public List<string> JsonTypes { get; } = new List<string>();

        public static TreePlan? Build(RootSpec root, IReadOnlyDictionary<string, NodeSpec> nodes, IReadOnlyDictionary<string, string> jsonContexts)
        {
            if (!nodes.TryGetValue(root.TypeName, out var rootNode))
            {
                return null;
            }
            var plan = new TreePlan(root, nodes, jsonContexts);
            plan.Visit(rootNode, "/", new List<ToolSpec>());
            return plan;
        }

        public string JsonField(string typeName)
        {
            var index = JsonTypes.IndexOf(typeName);
            if (index < 0)
            {
                JsonTypes.Add(typeName);
                index = JsonTypes.Count - 1;
            }
            return "_json" + index;
        }

        private int Visit(NodeSpec node, string path, List<ToolSpec> inherited)
        {
            if (_onPath.TryGetValue(node.TypeName, out var ancestor))
            {
                return ancestor;
            }
            var position = new PositionPlan(Positions.Count, path, node);
            Positions.Add(position);
            _onPath[node.TypeName] = position.Id;
            var tools = inherited.Concat(node.Tools).ToList();
            var allow = node.IsRest ? Allow(node) : null;
            // A segment answers once per node: the first member declared keeps it. The analyzer reports the
            // conflict (CHERRY0005); the generated switch must still compile.
            var taken = new HashSet<string>(System.StringComparer.Ordinal);

            foreach (var source in node.Handlers)
            {
                var handler = source.Kind == HandlerKind.Verb ? source : source with { Segments = source.Segments.Where(taken.Add).ToEquatableArray() };
                // An overload that finds its place taken (a second Index, a second Get, a member whose segments
                // are all claimed) is reported by the analyzers (CHERRY0005/0011) and gets no entry.
                var reachable = handler.Kind switch
                {
                    HandlerKind.Index => position.Index is null,
                    HandlerKind.Default => position.Default is null,
                    HandlerKind.Verb => !position.Verbs.Any(v => v.Verb == handler.MethodName.ToUpperInvariant()),
                    _ => handler.Segments.Count > 0,
                };
                if (!reachable)
                {
                    continue;
                }
                var entryPath = handler.Kind == HandlerKind.Member ? Join(path, source.Segments[0]) : path;
                var entry = AddEntry(entryPath, node, source, tools, allow, 0);
                switch (handler.Kind)
                {
                    case HandlerKind.Index:
                        // Reachable by name too (/index), as a plain member that is not an index.
                        position.Index = entry;
                        AddMember(position, handler, entry);
                        break;
                    case HandlerKind.Default:
                        position.Default = entry;
                        AddMember(position, handler, entry);
                        break;
                    case HandlerKind.Verb:
                        position.Verbs.Add((handler.MethodName.ToUpperInvariant(), entry));
                        break;
                    default:
                        AddMember(position, handler, entry);
                        break;
                }
            }
            if (node.IsRest)
            {
                position.MethodNotAllowed = AddEntry(path, node, null, tools, allow, 405);
            }
            if (node.XmlRpc is not null)
            {
                // Allow goes on the 405 only: CherryPy's XML-RPC answers carry none.
                position.RpcEntry = new EntryPlan("_e" + Entries.Count, path, null, "InvokeRpc" + position.Id, tools, null, 0);
                Entries.Add(position.RpcEntry);
                position.MethodNotAllowed = AddEntry(path, node, null, tools, "POST", 405);
            }

            foreach (var child in node.Children)
            {
                if (taken.Add(child.Segment) && _nodes.TryGetValue(child.TypeName, out var childNode))
                {
                    position.Children.Add((child, Visit(childNode, Join(path, child.Segment), tools)));
                }
            }
            if (node.DispatchHook is { } hook && _nodes.TryGetValue(hook.ReturnTypeName, out var dynamicNode))
            {
                position.DispatchTarget = Visit(dynamicNode, path, tools);
            }
            _onPath.Remove(node.TypeName);
            return position.Id;
        }

        private static void AddMember(PositionPlan position, HandlerSpec handler, EntryPlan entry)
        {
            if (handler.Segments.Count > 0)
            {
                position.Members.Add((handler, entry));
            }
        }

        private EntryPlan AddEntry(string path, NodeSpec node, HandlerSpec? handler, List<ToolSpec> tools, string? allow, int dispatchError)
        {
            string? invoker = null;
            if (handler is not null)
            {
                // Keyed by the whole spec, not the name: overloads of one method are different handlers.
                var key = (node.TypeName, handler);
                if (!_invokers.TryGetValue(key, out var plan))
                {
                    plan = new InvokerPlan("Invoke" + _invokers.Count + "_" + node.ShortName + "_" + handler.MethodName, node, handler);
                    _invokers[key] = plan;
                }
                invoker = plan.Name;
                tools = tools.Concat(handler.Tools).ToList();
                // A [JsonBody] parameter binds what json_in parsed. Like ASP.NET Core's [FromBody] it needs no other
                // switch: without a [JsonIn] on the method or any class above it, the handler gets json_in's defaults.
                if (handler.Parameters.Any(p => p.Kind == ParameterKind.JsonBody) && !tools.Any(t => t.AttributeTypeName == ToolSpec.JsonIn.AttributeTypeName))
                {
                    tools.Add(ToolSpec.JsonIn);
                }
            }
            var entry = new EntryPlan("_e" + Entries.Count, path, handler, invoker, tools, allow, dispatchError);
            Entries.Add(entry);
            return entry;
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
