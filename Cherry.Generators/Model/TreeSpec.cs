using System.Linq;

namespace Cherry.Generators.Model
{
    // The planned tree of one root: what the emitter writes, as data. The planner (Planning/TreePlanner.cs) builds it
    // whole; the emitters only read it. Every name the generated code uses (fields, methods) is decided here, so two
    // emitters can never disagree on one.

    /// <summary>One root's dispatch tree.</summary>
    /// <param name="ClassName">The generated class, unique per root; also the file's hint name.</param>
    internal sealed record TreeSpec(
        RootSpec Root,
        string ClassName,
        string RootResolver,
        EquatableArray<PositionSpec> Positions,
        EquatableArray<EntrySpec> Entries,
        EquatableArray<InvokerSpec> Invokers,
        EquatableArray<JsonFieldSpec> JsonFields,
        EquatableArray<ValidatedTypePlan> ValidatedTypes)
    {
        public string HintName => ClassName + ".g.cs";

        /// <summary>The generated method that checks a value of <paramref name="typeName"/>; the planner made one for every validated type.</summary>
        public string ValidationMethod(string typeName)
        {
            foreach (var type in ValidatedTypes)
            {
                if (type.Type.TypeName == typeName)
                {
                    return type.Method;
                }
            }
            throw new System.InvalidOperationException("The planner made no validation method for " + typeName);
        }

        /// <summary>The field holding <paramref name="typeName"/>'s JSON metadata; the planner made one for every JSON type used.</summary>
        public string JsonField(string typeName)
        {
            foreach (var field in JsonFields)
            {
                if (field.TypeName == typeName)
                {
                    return field.Field;
                }
            }
            throw new System.InvalidOperationException("The planner made no JSON field for " + typeName);
        }
    }

    /// <summary>A handler (or a 405) at one tree position, created once when the tree is built.</summary>
    /// <param name="Path">The position in the tree (<c>/catalog/search</c>), which per-path config sections match.</param>
    /// <param name="Invoker">The generated method that binds and calls the handler; null for an entry that only answers <paramref name="DispatchError"/>.</param>
    /// <param name="HandlerId">The handler method's documentation-comment id, by which an analyzer finds it again.</param>
    /// <param name="Tools">The tools from attributes, outermost class first, the method's last.</param>
    /// <param name="Config">The <c>[Config]</c> keys of the classes on its path and of its method, each at the tree path it applies from, root first.</param>
    internal sealed record EntrySpec(
        string Field,
        string Path,
        string? Invoker,
        string? HandlerId,
        EquatableArray<ToolSpec> Tools,
        string? Allow,
        int DispatchError,
        bool RequiresSession,
        EquatableArray<ParameterSpec> Services,
        bool JsonOut,
        EquatableArray<LevelConfigSpec> Config,
        EquatableArray<EndpointMetadataSpec> Metadata);

    /// <summary>A <c>[Config]</c> key at the tree path it applies from: its class's position, or its handler's path.</summary>
    internal sealed record LevelConfigSpec(string Path, ConfigSpec Config);

    /// <summary>
    /// A lost claim on a node's URL segment: the member that owns it (a declaration id), and the member (a declaration
    /// id) or PopArgs name that loses it to the owner (TreePlanner.SegmentClaims).
    /// </summary>
    internal sealed record SegmentClaim(string Segment, string Owner, string? Loser, string? PopArgsName);

    /// <summary>One occurrence of a node class in the tree: the same class at two places is two positions.</summary>
    /// <param name="Resolver">The generated method that walks the path from here.</param>
    /// <param name="DispatchTarget">The resolver of the class a <c>[Dispatch]</c> method returns.</param>
    /// <param name="DispatchTakesRequest">The <c>[Dispatch]</c> method takes the request after the virtual path.</param>
    /// <param name="PopHandler">Where the path goes on after <paramref name="PopArgs"/>; null: in this node again.</param>
    /// <param name="DefaultChild">A node named <c>Default</c> (CherryPy's object-valued <c>default</c>): with no
    /// <paramref name="Default"/> method, it takes every path nothing else here matched, the unmatched segments included.</param>
    internal sealed record PositionSpec(
        string Resolver,
        string Path,
        string NodeTypeName,
        string NodeShortName,
        EquatableArray<string> PopArgs,
        PopHandlerRoute? PopHandler,
        string? DispatchMethod,
        string? DispatchTarget,
        bool DispatchTakesRequest,
        EquatableArray<MemberRoute> Members,
        EquatableArray<ChildRoute> Children,
        string? Index,
        string? Default,
        ChildRoute? DefaultChild,
        RestRoutes? Rest,
        XmlRpcRoutes? XmlRpc);

    /// <summary>A <c>[PopArgs]</c> handler: the member holding (or the method making) the next node, and its resolver.</summary>
    internal sealed record PopHandlerRoute(string MemberName, bool IsFactory, string Target);

    /// <summary>The segments (name and aliases) that reach one handler entry.</summary>
    internal sealed record MemberRoute(EquatableArray<string> Segments, string Entry);

    /// <summary>A sub-tree member: its segment, the property or field to read, and the resolver to continue in.</summary>
    internal sealed record ChildRoute(string Segment, string MemberName, string Target);

    /// <summary>A REST resource's verbs and the entry that answers 405 for any other.</summary>
    internal sealed record RestRoutes(EquatableArray<VerbRoute> Verbs, string MethodNotAllowed);

    internal sealed record VerbRoute(string Verb, string Entry);

    /// <summary>
    /// An [XmlRpc] class: the entry that takes a POSTed methodCall, the 405 for other methods, and every dotted method
    /// name it answers (its own methods, then those of [XmlRpc] sub-trees at any depth).
    /// </summary>
    internal sealed record XmlRpcRoutes(string Entry, string MethodNotAllowed, string Dispatcher, EquatableArray<XmlRpcMethodRoute> Methods);

    /// <param name="TargetMembers">The member path from the class to the one that has the method (<c>A.B</c>), empty for its own.</param>
    internal sealed record XmlRpcMethodRoute(string Name, string TargetMembers, string Invoker);

    /// <summary>A handler method's binder and invoker, shared by every position of its class.</summary>
    /// <param name="Rules">The field holding each validated parameter's own rules (a parameter without rules has none).</param>
    internal sealed record InvokerSpec(string Name, string NodeTypeName, HandlerSpec Handler, XmlRpcSpec? XmlRpc, EquatableArray<RulesField> Rules)
    {
        /// <summary>Some parameter is checked before the call.</summary>
        public bool Validates => Handler.Parameters.Any(p => p.Validation is not null);

        /// <summary>The field of a parameter's or member's rules, or null when it has none.</summary>
        public string? RulesOf(string parameter) => Rules.Where(r => r.Owner == parameter).Select(r => r.Field).FirstOrDefault();
    }

    /// <summary>A static field holding the rules of one parameter, member or type (<paramref name="Owner"/>: its name; a type's is empty).</summary>
    internal sealed record RulesField(string Owner, string Field);

    /// <summary>A validated type's checking method and the fields holding its members' and its own rules.</summary>
    internal sealed record ValidatedTypePlan(ValidatedTypeSpec Type, string Method, EquatableArray<RulesField> Rules)
    {
        public string? RulesOf(string owner) => Rules.Where(r => r.Owner == owner).Select(r => r.Field).FirstOrDefault();
    }

    /// <summary>A field holding one JSON type's metadata, from the context that has it (null: resolved from the app's options).</summary>
    internal sealed record JsonFieldSpec(string Field, string TypeName, string? Context);
}
