using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Cherry.Generators.Model;
using Cherry.Shared;
using Microsoft.CodeAnalysis;

namespace Cherry.Generators.Parsing
{
    /// <summary>A problem the parser found in a member (the member is left out of the tree).</summary>
    internal delegate void ReportProblem(DiagnosticDescriptor descriptor, ISymbol member, string[] arguments);

    /// <summary>What a method is to a tree: see <see cref="NodeParser.RoleOf"/>.</summary>
    internal enum MethodRole
    {
        None,
        DispatchHook,
        Verb,
        Exposed,
    }

    /// <summary>
    /// Turns a class into a <see cref="NodeSpec"/>: its exposed handlers with their parameters, its sub-tree
    /// members, its tools and dispatch hooks. Container classes reached through members (classes with no
    /// handler of their own) are parsed too, since no attribute leads the pipeline to them.
    /// </summary>
    internal sealed class NodeParser
    {
        private readonly KnownTypes _known;
        private readonly ValidationParser _validation;
        private readonly CancellationToken _cancellation;
        private readonly ReportProblem? _report;
        private readonly bool _reach;
        private readonly List<NodeSpec> _nodes = new List<NodeSpec>();
        private readonly HashSet<string> _visited = new HashSet<string>();

        // True while the class being parsed is [XmlRpc]: its handlers bind XML-RPC values and return anything.
        private bool _xmlRpc;

        // For ParseReachedOnly: classes that declare handlers are walked, not parsed.
        private bool _skipDeclaring;

        private NodeParser(KnownTypes known, bool reach, ReportProblem? report, CancellationToken cancellation)
        {
            _known = known;
            _validation = new ValidationParser(known);
            _reach = reach;
            _report = report;
            _cancellation = cancellation;
        }

        /// <summary>A class and every class it reaches through sub-tree members and dispatch hooks, as the generator plans them.</summary>
        public static EquatableArray<NodeSpec> Parse(INamedTypeSymbol type, KnownTypes known, CancellationToken cancellation)
        {
            var parser = new NodeParser(known, reach: true, report: null, cancellation);
            parser.ParseNode(type);
            return parser._nodes.ToEquatableArray();
        }

        /// <summary>
        /// What a root reaches that the generator's attribute steps do not parse: classes that declare no [Exposed]
        /// member and are not [Rest] (containers, dispatch targets, classes inheriting their handlers). The others are
        /// walked only for what they reach, since those steps parse each of them once already.
        /// </summary>
        public static EquatableArray<NodeSpec> ParseReachedOnly(INamedTypeSymbol root, KnownTypes known, CancellationToken cancellation)
        {
            var parser = new NodeParser(known, reach: true, report: null, cancellation) { _skipDeclaring = true };
            parser.ParseNode(root);
            return parser._nodes.ToEquatableArray();
        }

        /// <summary>One class alone, each problem of its members (CHERRY0001–0003) given to <paramref name="report"/>.</summary>
        public static NodeSpec ParseOne(INamedTypeSymbol type, KnownTypes known, ReportProblem? report, CancellationToken cancellation)
        {
            var parser = new NodeParser(known, reach: false, report, cancellation);
            parser.ParseNode(type);
            return parser._nodes[0];
        }

        /// <summary>A class from source with handlers, a REST marker, a dispatch hook, or node members of its own.</summary>
        public static bool IsNode(INamedTypeSymbol type, KnownTypes known) =>
            new NodeParser(known, reach: false, report: null, CancellationToken.None).IsNode(type, new HashSet<string>());

        /// <summary>Whether requests reach a class's methods by HTTP verb.</summary>
        public static bool IsRest(INamedTypeSymbol type, KnownTypes known) => HasAttribute(type, known.Rest);

        /// <summary>
        /// What a method declares itself to be in a tree, before any check of its shape: the one answer to "does a request
        /// reach this method", for the parser and for the analyzers that report on methods (CHERRY0011, 0013, 0007).
        /// </summary>
        public static MethodRole RoleOf(IMethodSymbol method, bool inRestClass, KnownTypes known) =>
            HasAttribute(method, known.Dispatch) ? MethodRole.DispatchHook
            : inRestClass && TypeHierarchy.RestVerbs.Contains(method.Name) ? MethodRole.Verb
            : HasAttribute(method, known.Exposed) ? MethodRole.Exposed
            : MethodRole.None;

        private void ParseNode(INamedTypeSymbol type)
        {
            _cancellation.ThrowIfCancellationRequested();
            if (!_visited.Add(TypeNames.Of(type)))
            {
                return;
            }
            var isRest = IsRest(type, _known);
            // The class's attributes, most derived first: read once, they answer several questions below.
            var classAttributes = TypeHierarchy.InheritedAttributes(type).ToList();
            var classJsonOut = classAttributes.Any(a => Is(a.AttributeClass, _known.JsonOut));
            var xmlRpcAttribute = classAttributes.FirstOrDefault(a => Is(a.AttributeClass, _known.XmlRpc));
            var xmlRpc = xmlRpcAttribute is null
                ? null
                : new XmlRpcSpec(xmlRpcAttribute.NamedArguments.Any(n => n.Key == "AllowNone" && n.Value.Value is true));
            _xmlRpc = xmlRpc is not null;
            CheckClassAttributes(type, classAttributes, isRest, classJsonOut);
            CheckRepeated(type, type.Name);
            var walkOnly = _skipDeclaring && (isRest || type.GetMembers().Any(m => HasAttribute(m, _known.Exposed)));
            var handlers = new List<HandlerSpec>();
            var children = new List<ChildSpec>();
            DispatchHookSpec? hook = null;
            IMethodSymbol? hookMethod = null;

            foreach (var member in TypeHierarchy.AllMembers(type))
            {
                if (member is IPropertySymbol or IFieldSymbol && HasAttribute(member, _known.Exposed))
                {
                    CheckExposedMember(member);
                }
                switch (member)
                {
                    case IMethodSymbol method when method.MethodKind == MethodKind.Ordinary:
                        var role = RoleOf(method, isRest, _known);
                        if (role == MethodRole.None || (walkOnly && role != MethodRole.DispatchHook) || !IsCallable(method, role))
                        {
                            break;
                        }
                        if (role == MethodRole.DispatchHook && HasAttribute(method, _known.Exposed))
                        {
                            Report(DiagnosticDescriptors.AttributesDoNotCombine, method, type.Name,
                                $"'{method.Name}' is both a [Dispatch] hook and [Exposed], and a hook only finds the next node: no request calls it as a handler; make the handler a method of its own");
                        }
                        switch (role)
                        {
                            case MethodRole.DispatchHook when _xmlRpc:
                                Report(DiagnosticDescriptors.AttributesDoNotCombine, method, type.Name,
                                    $"the [Dispatch] method '{method.Name}' is never called: an [XmlRpc] endpoint dispatches by the method name in the call");
                                break;
                            case MethodRole.DispatchHook:
                                var parsedHook = ParseDispatchHook(method);
                                if (parsedHook is not null && hookMethod is not null)
                                {
                                    // Reported on the one this class declares (the first met: members come most derived first).
                                    var declared = SymbolEqualityComparer.Default.Equals(method.ContainingType, type) ? method : hookMethod;
                                    Report(DiagnosticDescriptors.AttributesDoNotCombine, declared, type.Name,
                                        $"'{hookMethod.Name}' and '{method.Name}' are both [Dispatch] hooks, and a class consults only one; keep one hook that finds every next node");
                                }
                                if (parsedHook is not null)
                                {
                                    hook = parsedHook;
                                    hookMethod ??= method;
                                }
                                break;
                            case MethodRole.Verb:
                                AddHandler(handlers, method, HandlerKind.Verb, classJsonOut);
                                break;
                            case MethodRole.Exposed:
                                var kind = method.Name == "Index" ? HandlerKind.Index : method.Name == "Default" ? HandlerKind.Default : HandlerKind.Member;
                                AddHandler(handlers, method, kind, classJsonOut);
                                break;
                        }
                        break;
                    case IPropertySymbol property when !property.IsStatic && property.DeclaredAccessibility == Accessibility.Public && property.GetMethod is not null && !property.IsIndexer:
                        AddChild(children, property.Name, property.Type, property);
                        break;
                    case IFieldSymbol field when !field.IsStatic && field.DeclaredAccessibility == Accessibility.Public && !field.IsImplicitlyDeclared:
                        AddChild(children, field.Name, field.Type, field);
                        break;
                }
            }

            var popArgs = classAttributes.FirstOrDefault(a => Is(a.AttributeClass, _known.PopArgs));
            var popNames = popArgs?.ConstructorArguments.Length > 0
                ? popArgs.ConstructorArguments[0].Values.Select(v => v.Value as string ?? "").ToEquatableArray()
                : EquatableArray<string>.Empty;
            var popHandler = popArgs is null ? null : ParsePopHandler(type, popArgs, popNames.Count);
            if (popArgs is not null)
            {
                CheckPopNames(type, popNames, popHandler?.IsFactory == true);
            }
            // A [PopArgs] handler is where popped paths go on, not a segment of its own (CherryPy's handler is no attribute).
            children.RemoveAll(c => c.MemberName == popHandler?.MemberName);
            if (walkOnly)
            {
                return;
            }

            _nodes.Add(new NodeSpec(
                TypeNames.Of(type),
                type.Name,
                handlers.ToEquatableArray(),
                children.ToEquatableArray(),
                hook,
                popNames,
                popHandler,
                isRest,
                ClassToolsOf(type),
                classJsonOut,
                xmlRpc,
                ConfigSymbols.OfClass(type).Select(c => new ConfigSpec(c.Owner.ToDisplayString(), c.Key, c.Value)).ToEquatableArray(),
                MetadataOf(ClassAttributes(type))));
        }

        private void AddChild(List<ChildSpec> children, string name, ITypeSymbol memberType, ISymbol member)
        {
            if (memberType is INamedTypeSymbol childType && IsNode(childType, new HashSet<string>()))
            {
                if (_xmlRpc && !TypeHierarchy.InheritedAttributes(childType).Any(a => Is(a.AttributeClass, _known.XmlRpc)))
                {
                    Report(DiagnosticDescriptors.AttributesDoNotCombine, member, member.ContainingType.Name,
                        $"the sub-tree '{name}' is never reached: an [XmlRpc] endpoint takes every request below it, and only an [XmlRpc] sub-tree adds methods to its calls; make '{childType.Name}' [XmlRpc] too, or mount it outside the endpoint");
                }
                children.Add(new ChildSpec(name, _known.SegmentsOf(member).First(), TypeNames.Of(childType), DeclarationId(member)));
                Reach(childType);
            }
        }

        /// <summary>Parses a class the one being parsed leads to, when the whole reachable tree is wanted.</summary>
        private void Reach(INamedTypeSymbol type)
        {
            if (_reach)
            {
                var outer = _xmlRpc;
                ParseNode(type);
                _xmlRpc = outer;
            }
        }

        private bool IsNode(INamedTypeSymbol type, HashSet<string> seen)
        {
            if (type.TypeKind != TypeKind.Class || !type.Locations.Any(l => l.IsInSource) || !seen.Add(TypeNames.Of(type)))
            {
                return false;
            }
            if (HasAttribute(type, _known.Rest) || HasAttribute(type, _known.PopArgs))
            {
                return true;
            }
            foreach (var member in TypeHierarchy.AllMembers(type))
            {
                if (member is IMethodSymbol method && (HasAttribute(method, _known.Exposed) || HasAttribute(method, _known.Dispatch)))
                {
                    return true;
                }
                var nested = (member as IPropertySymbol)?.Type ?? (member as IFieldSymbol)?.Type;
                if (nested is INamedTypeSymbol named && !member.IsStatic && member.DeclaredAccessibility == Accessibility.Public && IsNode(named, seen))
                {
                    return true;
                }
            }
            return false;
        }

        private DispatchHookSpec? ParseDispatchHook(IMethodSymbol method)
        {
            var parameters = method.Parameters;
            if (parameters.Length is 1 or 2 && parameters[0].Type.ToDisplayString() == "Cherry.VirtualPath"
                && (parameters.Length == 1 || Is(parameters[1].Type, _known.Request))
                && IsSourceClass(method.ReturnType, out var next))
            {
                Reach(next);
                return new DispatchHookSpec(method.Name, TypeNames.Of(next), TakesRequest: parameters.Length == 2);
            }
            Report(DiagnosticDescriptors.InvalidDispatchHook, method, method.Name);
            return null;
        }

        private static bool IsSourceClass(ITypeSymbol type, out INamedTypeSymbol named)
        {
            named = (type as INamedTypeSymbol)!;
            return named is { TypeKind: TypeKind.Class } && named.Locations.Any(l => l.IsInSource);
        }

        /// <summary>
        /// <c>[PopArgs(..., Handler = nameof(X))]</c>: a public property or field holding the node the popped path goes on
        /// in, or a public method taking one string per name that makes that node from the popped values (CherryPy's
        /// <c>popargs(handler=...)</c> with an object or a callable). Anything else is reported (CHERRY0016) and ignored.
        /// </summary>
        private PopHandlerSpec? ParsePopHandler(INamedTypeSymbol type, AttributeData popArgs, int names)
        {
            if (!popArgs.NamedArguments.Any(n => n.Key == "Handler") || !(popArgs.NamedArguments.First(n => n.Key == "Handler").Value.Value is string name))
            {
                return null;
            }
            foreach (var member in TypeHierarchy.AllMembers(type).Where(m => m.Name == name && !m.IsStatic && m.DeclaredAccessibility == Accessibility.Public))
            {
                var (nodeType, factory) = member switch
                {
                    IPropertySymbol { GetMethod: not null, IsIndexer: false } property => (property.Type, false),
                    IFieldSymbol field => (field.Type, false),
                    IMethodSymbol { MethodKind: MethodKind.Ordinary, IsGenericMethod: false } method
                        when method.Parameters.Length == names && method.Parameters.All(p => p.Type.SpecialType == SpecialType.System_String && p.RefKind == RefKind.None)
                        => (method.ReturnType, true),
                    _ => (null, false),
                };
                if (nodeType is not null && IsSourceClass(nodeType, out var next))
                {
                    Reach(next);
                    return new PopHandlerSpec(name, TypeNames.Of(next), factory);
                }
            }
            Report(DiagnosticDescriptors.AttributesDoNotCombine, type, type.Name,
                $"[PopArgs] Handler '{name}' must name a public property or field of a node class, or a public method taking {names} string(s), one per popped name, that returns one");
            return null;
        }

        /// <summary>
        /// A request can only call a public instance method that is not generic: an [Exposed] one that is not is reported
        /// (CHERRY0004, 0006), a [Dispatch] one too (CHERRY0022); a verb name on such a method is a helper's name, not a
        /// claim, and is passed over.
        /// </summary>
        private bool IsCallable(IMethodSymbol method, MethodRole role)
        {
            if (method.DeclaredAccessibility == Accessibility.Public && !method.IsStatic && !method.IsGenericMethod)
            {
                return true;
            }
            if (role == MethodRole.Exposed)
            {
                if (method.DeclaredAccessibility != Accessibility.Public || method.IsStatic)
                {
                    Report(DiagnosticDescriptors.ExposedMemberNotReachable, method, method.Name);
                }
                else
                {
                    Report(DiagnosticDescriptors.ExposedNotDispatchable, method, method.Name, "it is generic, and a request cannot choose its type arguments");
                }
            }
            else if (role == MethodRole.DispatchHook)
            {
                Report(DiagnosticDescriptors.AttributeNotHonoured, method, "Dispatch", method.Name,
                    "dispatch calls a hook only when it is a public instance method that is not generic, so this one is never called; make it one");
            }
            return false;
        }

        /// <summary>
        /// Attributes that cannot work together on one class (CHERRY0016): a class answers either by verb ([Rest]), by
        /// XML-RPC method name ([XmlRpc]) or by path; [PopArgs] only applies to the last, and an XML-RPC endpoint
        /// reads and writes XML, so JSON tools would break its calls.
        /// </summary>
        private void CheckClassAttributes(INamedTypeSymbol type, List<AttributeData> classAttributes, bool isRest, bool classJsonOut)
        {
            var popArgs = classAttributes.Any(a => Is(a.AttributeClass, _known.PopArgs));
            if (isRest && _xmlRpc)
            {
                Report(DiagnosticDescriptors.AttributesDoNotCombine, type, type.Name, "a class is either a [Rest] resource or an [XmlRpc] endpoint, not both");
            }
            if (popArgs && (isRest || _xmlRpc))
            {
                Report(DiagnosticDescriptors.AttributesDoNotCombine, type, type.Name,
                    "[PopArgs] has no effect on " + (isRest ? "a [Rest] resource, which takes the rest of the path as arguments" : "an [XmlRpc] endpoint, which dispatches by method name"));
            }
            if (_xmlRpc && (classJsonOut || classAttributes.Any(a => Is(a.AttributeClass, _known.JsonIn))))
            {
                Report(DiagnosticDescriptors.AttributesDoNotCombine, type, type.Name, "[JsonIn] and [JsonOut] cannot apply to an [XmlRpc] endpoint, whose calls and answers are XML");
            }
        }

        /// <summary>Method shapes no request can call as meant (CHERRY0006, 0016); the method is left out of the tree.</summary>
        private bool IsDispatchable(IMethodSymbol method, HandlerKind kind, EquatableArray<string> segments)
        {
            var problem = method.IsAsync && method.ReturnsVoid ? "it is async void, so its work would still run after the response is sent; return Task"
                : method.Parameters.Count(p => HasAttribute(p, _known.JsonBody)) > 1 ? "only one parameter can take the [JsonBody]; make one type that holds them all"
                : kind == HandlerKind.Member ? segments.Select(SegmentNaming.Problem).FirstOrDefault(p => p is not null)
                : null;
            if (problem is not null)
            {
                Report(DiagnosticDescriptors.ExposedNotDispatchable, method, method.Name, problem);
                return false;
            }
            if (_xmlRpc && (HasAttribute(method, _known.JsonOut) || HasAttribute(method, _known.JsonIn)))
            {
                Report(DiagnosticDescriptors.AttributesDoNotCombine, method, method.ContainingType.Name,
                    $"[JsonIn] and [JsonOut] cannot apply to the XML-RPC method '{method.Name}', whose calls and answers are XML");
                return false;
            }
            return true;
        }

        private void AddHandler(List<HandlerSpec> handlers, IMethodSymbol method, HandlerKind kind, bool classJsonOut)
        {
            // By-reference parameters cannot be bound: reported (CHERRY0006) and left out of the tree.
            var byReference = false;
            foreach (var parameter in method.Parameters.Where(p => p.RefKind != RefKind.None))
            {
                Report(DiagnosticDescriptors.ExposedNotDispatchable, parameter, method.Name,
                    $"parameter '{parameter.Name}' is passed by reference ({parameter.RefKind.ToString().ToLowerInvariant()}), and request values are not variables");
                byReference = true;
            }
            // Types that do not exist are the compiler's to report.
            if (byReference || method.Parameters.Any(p => p.Type.TypeKind == TypeKind.Error) || method.ReturnType.TypeKind == TypeKind.Error)
            {
                return;
            }
            var segments = _known.SegmentsOf(method).ToEquatableArray();
            if (!IsDispatchable(method, kind, segments))
            {
                return;
            }
            CheckHandlerAttributes(method, kind);
            CheckRepeated(method, method.ContainingType.Name);
            var jsonOut = classJsonOut || HasAttribute(method, _known.JsonOut);
            var returnSpec = ParseReturn(method, jsonOut);
            var parameters = new List<ParameterSpec>();
            var valid = returnSpec is not null;
            foreach (var parameter in method.Parameters)
            {
                var spec = ParseParameter(parameter);
                if (spec is null)
                {
                    Report(DiagnosticDescriptors.UnsupportedParameterType, parameter, parameter.Name, method.Name, parameter.Type.ToDisplayString());
                    valid = false;
                    continue;
                }
                CheckParameterAttributes(method, parameter, spec);
                parameters.Add(spec);
            }
            if (!valid)
            {
                return;
            }
            handlers.Add(new HandlerSpec(
                method.Name,
                DeclarationId(method),
                kind,
                segments,
                parameters.ToEquatableArray(),
                returnSpec!,
                ToolsOf(method.GetAttributes().Select(a => (method.ContainingType.ToDisplayString() + "." + method.Name, a))),
                jsonOut,
                ConfigSymbols.OfMember(method).Select(c => new ConfigSpec(method.ContainingType.ToDisplayString() + "." + method.Name, c.Key, c.Value)).ToEquatableArray(),
                MetadataOf(method.GetAttributes().Select(a => (method.ContainingType.ToDisplayString() + "." + method.Name, a)))));
        }

        /// <summary>
        /// A handler's attributes that its kind of handler never reads (CHERRY0022): a [Rest] verb answers at its class's
        /// path, so an [Exposed] segment or alias on it is never used; an XML-RPC call reaches a method by one name and runs
        /// its endpoint's tools and configuration (the class's), so the method's aliases, tools and [Config] are never
        /// used, and Index and Default are no XML-RPC methods.
        /// </summary>
        private void CheckHandlerAttributes(IMethodSymbol method, HandlerKind kind)
        {
            // Only the analyzers report what these find; the generator parses without them.
            if (_report is null)
            {
                return;
            }
            var exposed = method.GetAttributes().FirstOrDefault(a => Is(a.AttributeClass, _known.Exposed));
            var aliased = exposed is not null && exposed.NamedArguments.Any(n => n.Key == "Aliases" && n.Value.Kind == TypedConstantKind.Array && n.Value.Values.Length > 0);
            if (kind == HandlerKind.Verb && exposed is not null && (aliased || exposed.ConstructorArguments.Length > 0))
            {
                Report(DiagnosticDescriptors.AttributeNotHonoured, method, "Exposed", method.Name,
                    "a [Rest] verb answers at its resource's own path, by the request's method, so its segment and aliases are never used; drop them, or answer at another path with a sub-resource");
            }
            if (!_xmlRpc)
            {
                if (kind != HandlerKind.Verb && exposed is not null && WrittenSegments(exposed).Select(SegmentNaming.Separator).FirstOrDefault(p => p is not null) is { } separator)
                {
                    Report(DiagnosticDescriptors.AttributeNotHonoured, method, "Exposed", method.Name, separator);
                }
                return;
            }
            if (kind is HandlerKind.Index or HandlerKind.Default)
            {
                Report(DiagnosticDescriptors.AttributeNotHonoured, method, "Exposed", method.Name,
                    $"an [XmlRpc] endpoint answers only calls, by method name, and '{method.Name}' is a path handler, never one of its methods; rename it, or move it to a class that is not [XmlRpc]");
                return;
            }
            if (aliased)
            {
                Report(DiagnosticDescriptors.AttributeNotHonoured, method, "Exposed", method.Name,
                    "an XML-RPC call names a method by its one segment, so its aliases are never used; drop them, or add a method for each name");
            }
            foreach (var attribute in method.GetAttributes())
            {
                if (TypeHierarchy.DerivesFrom(attribute.AttributeClass, _known.ToolAttribute) || attribute.AttributeClass?.ToDisplayString() == ConfigSymbols.ConfigAttribute)
                {
                    Report(DiagnosticDescriptors.AttributeNotHonoured, method, ShortName(attribute.AttributeClass!), method.Name,
                        "an XML-RPC call runs the tools and configuration of its [XmlRpc] class, never its method's, so this is not applied; put it on the class");
                }
            }
        }

        /// <summary>
        /// Parameter attributes that the parameter's binding ignores (CHERRY0022): [KeywordOnly] where no path segment was
        /// ever taken (Cherry's own values, a service, the JSON body, an XML-RPC argument, the remaining segments or names),
        /// [JsonBody] on a service; and [JsonBody] in an XML-RPC call, whose body is XML (CHERRY0016).
        /// </summary>
        private void CheckParameterAttributes(IMethodSymbol method, IParameterSymbol parameter, ParameterSpec spec)
        {
            // Only the analyzers report what these find; the generator parses without them.
            if (_report is null)
            {
                return;
            }
            if (HasAttribute(parameter, _known.KeywordOnly) && !spec.KeywordOnly && spec.Kind is not (ParameterKind.Array or ParameterKind.Part))
            {
                var why = spec.Kind switch
                {
                    ParameterKind.RpcValue => "an XML-RPC call passes its arguments in order, never from a path segment",
                    ParameterKind.JsonBody => "the parameter takes the JSON body, never a path segment",
                    ParameterKind.VarArgs => "a params array takes the path segments left over, which [KeywordOnly] forbids",
                    ParameterKind.Keywords => "the parameter takes the named values no other parameter takes, never a path segment",
                    ParameterKind.Service => "the parameter comes from the services, never from the request",
                    _ => $"Cherry passes the {spec.Kind}, never a path segment",
                };
                Report(DiagnosticDescriptors.AttributeNotHonoured, parameter, "KeywordOnly", parameter.Name, why + "; drop [KeywordOnly]");
            }
            if (spec.Validation is null && spec.Kind is not (ParameterKind.String or ParameterKind.Parsable or ParameterKind.Boolean or ParameterKind.Enum
                    or ParameterKind.Array or ParameterKind.Values or ParameterKind.Part or ParameterKind.JsonBody)
                && parameter.GetAttributes().FirstOrDefault(a => _known.IsValidationAttribute(a.AttributeClass)) is { } rule)
            {
                var why = spec.Kind switch
                {
                    ParameterKind.RpcValue => "an XML-RPC call's arguments are not checked against DataAnnotations",
                    ParameterKind.Service => "the parameter comes from the services, never from the client",
                    ParameterKind.VarArgs or ParameterKind.Keywords => "the values left over are not checked one by one; take them as named parameters to check them",
                    _ => $"Cherry passes the {spec.Kind} itself, never a value from the client",
                };
                Report(DiagnosticDescriptors.AttributeNotHonoured, parameter, ShortName(rule.AttributeClass!.Name), parameter.Name, why + "; drop the rule");
            }
            if (HasAttribute(parameter, _known.JsonBody))
            {
                if (Is(parameter.Type, _known.Request) || Is(parameter.Type, _known.Response) || Is(parameter.Type, _known.Session)
                    || Is(parameter.Type, _known.HttpContext) || Is(parameter.Type, _known.CancellationToken))
                {
                    Report(DiagnosticDescriptors.AttributeNotHonoured, parameter, "JsonBody", parameter.Name,
                        $"a {parameter.Type.Name} is Cherry's own value for the request, never a JSON document; drop [JsonBody] to be given it, or take the body as a type of your own");
                }
                else if (spec.Kind == ParameterKind.Service)
                {
                    Report(DiagnosticDescriptors.AttributeNotHonoured, parameter, "JsonBody", parameter.Name,
                        "the parameter comes from the services, so it never takes the JSON body; drop one of the two");
                }
                else if (_xmlRpc)
                {
                    Report(DiagnosticDescriptors.AttributesDoNotCombine, parameter, method.ContainingType.Name,
                        $"[JsonBody] cannot apply to '{parameter.Name}' of the XML-RPC method '{method.Name}', whose calls are XML");
                }
            }
        }

        /// <summary>
        /// [Exposed] on a property or field only names the segment of the sub-tree it holds (CHERRY0022 when it cannot): a
        /// member that holds no sub-tree (not public, static, or of a type that is no node) serves nothing, a sub-tree has
        /// one segment (aliases are never used), and a segment no request carries leaves it unreachable.
        /// </summary>
        private void CheckExposedMember(ISymbol member)
        {
            // Only the analyzers report what these find; the generator parses without them.
            if (_report is null)
            {
                return;
            }
            if (ExposedMemberProblem(member, _known) is { } problem)
            {
                Report(DiagnosticDescriptors.AttributeNotHonoured, member, "Exposed", member.Name, problem);
            }
        }

        /// <summary>Why [Exposed] on a property or field serves nothing as meant, or null (see <see cref="CheckExposedMember"/>).</summary>
        public static string? ExposedMemberProblem(ISymbol member, KnownTypes known)
        {
            var (memberType, holds) = member switch
            {
                IPropertySymbol property => (property.Type, !property.IsStatic && property.DeclaredAccessibility == Accessibility.Public && property.GetMethod is not null && !property.IsIndexer),
                IFieldSymbol field => (field.Type, !field.IsStatic && field.DeclaredAccessibility == Accessibility.Public),
                _ => (null!, false),
            };
            if (memberType is null || memberType.TypeKind == TypeKind.Error || member.GetAttributes().FirstOrDefault(a => Is(a.AttributeClass, known.Exposed)) is not { } exposed)
            {
                return null;
            }
            return !holds ? "only a public instance property or field with a getter holds a sub-tree, so nothing is served here; make it one, or drop [Exposed]"
                : memberType is not INamedTypeSymbol named || !IsNode(named, known)
                    ? $"'{memberType.ToDisplayString()}' is not a node of the tree (a class of this project with an [Exposed] method, [Rest] verbs or a sub-tree), so nothing is served here; expose a method that returns the value instead"
                : exposed.NamedArguments.Any(n => n.Key == "Aliases" && n.Value.Kind == TypedConstantKind.Array && n.Value.Values.Length > 0)
                    ? "a sub-tree answers at one segment, so its aliases are never used; drop them, or hold the sub-tree in a member for each name"
                : SegmentNaming.Problem(known.SegmentsOf(member).First()) is { } segment ? "the sub-tree is never reached: " + segment
                : WrittenSegments(exposed).Select(SegmentNaming.Separator).FirstOrDefault(p => p is not null);
        }

        /// <summary>The segment and aliases an [Exposed] attribute spells out, as written.</summary>
        private static IEnumerable<string> WrittenSegments(AttributeData exposed)
        {
            if (exposed.ConstructorArguments.Length == 1 && exposed.ConstructorArguments[0].Value is string segment)
            {
                yield return segment;
            }
            foreach (var named in exposed.NamedArguments.Where(n => n.Key == "Aliases" && n.Value.Kind == TypedConstantKind.Array))
            {
                foreach (var alias in named.Value.Values)
                {
                    if (alias.Value is string text)
                    {
                        yield return text;
                    }
                }
            }
        }

        /// <summary>
        /// [PopArgs] names no request can fill (CHERRY0022): none (nothing is popped, so the attribute does nothing), an empty
        /// name, or a name given twice (no handler parameter takes both values); a factory Handler takes the values in order,
        /// so its names are only a count.
        /// </summary>
        private void CheckPopNames(INamedTypeSymbol type, EquatableArray<string> names, bool factory)
        {
            // Only the analyzers report what these find; the generator parses without them.
            if (_report is null)
            {
                return;
            }
            var problem = names.Count == 0 ? "it names no segment to pop, so it does nothing; name one per segment, as [PopArgs(\"year\", \"month\")]"
                : factory ? null
                : names.Any(n => n.Length == 0) ? "a popped segment is a parameter by its name, and an empty name is no parameter's; name each segment"
                : names.GroupBy(n => n, System.StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice
                    ? $"'{twice.Key}' is named twice, and no handler parameter takes both segments; give each segment its own name"
                : null;
            if (problem is not null)
            {
                Report(DiagnosticDescriptors.AttributeNotHonoured, type, "PopArgs", type.Name, problem);
            }
        }

        /// <summary>
        /// A built-in tool's attribute or a [Config] key given twice on one class or method (CHERRY0016): a path runs one tool
        /// of a name and holds one value per key, so one of the two is never used.
        /// </summary>
        private void CheckRepeated(ISymbol target, string owner)
        {
            // Only the analyzers report what these find; the generator parses without them.
            if (_report is null)
            {
                return;
            }
            // A built-in tool has one name, so its attributes replace each other; a tool of the app's own may name each
            // instance apart (a label in its name), so two of its attributes can be two tools.
            var tools = target.GetAttributes().Where(a => TypeHierarchy.DerivesFrom(a.AttributeClass, _known.ToolAttribute) && IsBuiltInTool(a.AttributeClass!))
                .GroupBy(a => a.AttributeClass!, SymbolEqualityComparer.Default);
            foreach (var twice in tools.Where(g => g.Count() > 1))
            {
                Report(DiagnosticDescriptors.AttributesDoNotCombine, target, owner,
                    $"[{ShortName((INamedTypeSymbol)twice.Key!)}] is on '{target.Name}' {twice.Count()} times, and a path runs the tool once, with one attribute's arguments; keep one");
            }
            foreach (var twice in ConfigSymbols.OfMember(target).GroupBy(c => c.Key, System.StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                Report(DiagnosticDescriptors.AttributesDoNotCombine, target, owner,
                    $"[Config(\"{twice.Key}\", ...)] is on '{target.Name}' {twice.Count()} times, and a path holds one value per key; keep one");
            }
        }

        private static bool IsBuiltInTool(INamedTypeSymbol attribute) =>
            attribute.ContainingNamespace?.ToDisplayString() == "Cherry" && System.Array.Exists(ToolCatalog.All, t => t.Attribute == attribute.Name);

        private static string ShortName(INamedTypeSymbol attribute) =>
            attribute.Name.EndsWith("Attribute", System.StringComparison.Ordinal) ? attribute.Name.Substring(0, attribute.Name.Length - "Attribute".Length) : attribute.Name;

        private ReturnSpec? ParseReturn(IMethodSymbol method, bool jsonOut)
        {
            var type = method.ReturnType;
            string? awaitable = null;
            if (type is INamedTypeSymbol named && named.IsGenericType
                && (Is(named.OriginalDefinition, _known.TaskOfT) || Is(named.OriginalDefinition, _known.ValueTaskOfT)))
            {
                awaitable = Is(named.OriginalDefinition, _known.TaskOfT) ? "Task" : "ValueTask";
                type = named.TypeArguments[0];
            }
            else if (Is(type, _known.Task) || Is(type, _known.ValueTask) || type.SpecialType == SpecialType.System_Void)
            {
                return new ReturnSpec(_xmlRpc ? ResultKind.XmlRpc : ResultKind.None, "void", type.SpecialType == SpecialType.System_Void ? null : (Is(type, _known.Task) ? "Task" : "ValueTask"));
            }
            if (_xmlRpc)
            {
                return new ReturnSpec(ResultKind.XmlRpc, TypeNames.Of(type), awaitable);
            }
            if (jsonOut)
            {
                return new ReturnSpec(ResultKind.Json, TypeNames.Of(type), awaitable, TypeNames.JsonKey(type));
            }
            if (type.SpecialType == SpecialType.System_String)
            {
                return new ReturnSpec(ResultKind.Text, "string", awaitable);
            }
            if (type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte })
            {
                return new ReturnSpec(ResultKind.Bytes, "byte[]", awaitable);
            }
            if (awaitable is null && type is INamedTypeSymbol { IsGenericType: true } sequence
                && (Is(sequence.OriginalDefinition, _known.EnumerableOfT) || Is(sequence.OriginalDefinition, _known.AsyncEnumerableOfT)))
            {
                var element = sequence.TypeArguments[0];
                var kind = element.SpecialType == SpecialType.System_String ? ResultKind.TextStream
                    : element is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte } ? ResultKind.ByteStream
                    : element.SpecialType == SpecialType.System_Object ? ResultKind.ObjectStream
                    : (ResultKind?)null;
                if (kind is not null)
                {
                    return new ReturnSpec(kind.Value, TypeNames.Of(type), null);
                }
            }
            Report(DiagnosticDescriptors.UnsupportedReturnType, method, method.Name, method.ReturnType.ToDisplayString());
            return null;
        }

        private ParameterSpec? ParseParameter(IParameterSymbol parameter)
        {
            var type = parameter.Type;
            var defaultLiteral = parameter.HasExplicitDefaultValue ? Literals.Default(parameter.ExplicitDefaultValue, type) : null;
            if (_known.FromServiceMetadata is { } fromServices
                && parameter.GetAttributes().Any(a => a.AttributeClass?.AllInterfaces.Any(i => Is(i, fromServices)) == true))
            {
                return Injected(parameter, ParameterKind.Service);
            }
            if (HasAttribute(parameter, _known.JsonBody))
            {
                // System.Text.Json checks nullable annotations on members, never on the root: only 'T?' may receive the document 'null'.
                var mayBeNull = type.NullableAnnotation == NullableAnnotation.Annotated
                    || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
                return new ParameterSpec(parameter.Name, ParameterKind.JsonBody, TypeNames.Of(type), ParameterKind.JsonBody, mayBeNull, defaultLiteral, TypeNames.JsonKey(type),
                    Validation: _validation.ForParameter(parameter, walksValue: true));
            }
            if (Is(type, _known.Request))
            {
                return Injected(parameter, ParameterKind.Request);
            }
            if (Is(type, _known.Response))
            {
                return Injected(parameter, ParameterKind.Response);
            }
            if (Is(type, _known.Session))
            {
                return Injected(parameter, ParameterKind.Session);
            }
            if (Is(type, _known.HttpContext))
            {
                return Injected(parameter, ParameterKind.HttpContext);
            }
            if (Is(type, _known.CancellationToken))
            {
                return Injected(parameter, ParameterKind.CancellationToken);
            }
            if (_xmlRpc)
            {
                // An XML-RPC call's arguments are values in an XML document, never multipart parts: CHERRY0002.
                if (IsPart(type) || type is IArrayTypeSymbol { ElementType: var element } && IsPart(element))
                {
                    return null;
                }
                return new ParameterSpec(parameter.Name, ParameterKind.RpcValue, TypeNames.Of(type), ParameterKind.RpcValue, false, defaultLiteral);
            }
            if (parameter.IsParams)
            {
                return type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_String }
                    ? new ParameterSpec(parameter.Name, ParameterKind.VarArgs, "string", ParameterKind.String, false, null, Schema: SchemaSpec.String)
                    : null;
            }
            if (Is(type, _known.StringValues))
            {
                // One text (a segment, or a name given once) or every text of a repeated name, as a Python parameter takes.
                return new ParameterSpec(parameter.Name, ParameterKind.Values, TypeNames.Of(type), ParameterKind.String, false, defaultLiteral,
                    KeywordOnly: HasAttribute(parameter, _known.KeywordOnly), Schema: new SchemaSpec(SchemaKind.Array, Items: SchemaSpec.String),
                    Validation: _validation.ForParameter(parameter, walksValue: false));
            }
            if (IsKeywords(type))
            {
                return new ParameterSpec(parameter.Name, ParameterKind.Keywords, TypeNames.Of(type), ParameterKind.Keywords, false, null,
                    Schema: new SchemaSpec(SchemaKind.Map, Items: SchemaSpec.String));
            }
            if (type is IArrayTypeSymbol array)
            {
                var element = ScalarKind(array.ElementType, out var elementType, out _);
                // string[] or Part[] (annotated not-null, no default) is required, as a scalar without a default is; string[]? is not.
                var optional = parameter.NullableAnnotation != NullableAnnotation.NotAnnotated;
                return element is null ? null : new ParameterSpec(parameter.Name, ParameterKind.Array, elementType, element.Value, optional, defaultLiteral,
                    Schema: ValidationParser.Constrain(new SchemaSpec(SchemaKind.Array, Items: SchemaOf(array.ElementType, element.Value)), parameter.GetAttributes()),
                    Validation: _validation.ForParameter(parameter, walksValue: false));
            }
            var kind = ScalarKind(type, out var scalarType, out var nullable);
            if (kind is null)
            {
                return null;
            }
            var schema = SchemaOf(type, kind.Value);
            if (schema is not null && parameter.HasExplicitDefaultValue)
            {
                schema = schema with { Default = SchemaParser.DefaultJson(parameter.ExplicitDefaultValue, type) };
            }
            return new ParameterSpec(parameter.Name, kind.Value, scalarType, kind.Value, nullable, defaultLiteral, KeywordOnly: HasAttribute(parameter, _known.KeywordOnly),
                Schema: schema is null ? null : ValidationParser.Constrain(schema, parameter.GetAttributes()), Validation: _validation.ForParameter(parameter, walksValue: false));
        }

        /// <summary>A request value's schema; an upload is binary; a parsable type with no JSON Schema form has none.</summary>
        private static SchemaSpec? SchemaOf(ITypeSymbol type, ParameterKind kind) =>
            kind == ParameterKind.Part ? new SchemaSpec(SchemaKind.String, Format: "binary") : SchemaParser.Parameters.Scalar(type);

        private static ParameterSpec Injected(IParameterSymbol parameter, ParameterKind kind) =>
            new ParameterSpec(parameter.Name, kind, TypeNames.Of(parameter.Type), kind, false, null);

        /// <summary>How a single value converts; <paramref name="typeName"/> is the underlying type for a nullable.</summary>
        private ParameterKind? ScalarKind(ITypeSymbol type, out string typeName, out bool nullable)
        {
            nullable = false;
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapper)
            {
                nullable = true;
                type = wrapper.TypeArguments[0];
            }
            typeName = TypeNames.Of(type);
            if (IsPart(type))
            {
                return ParameterKind.Part;
            }
            if (type.SpecialType == SpecialType.System_String)
            {
                return ParameterKind.String;
            }
            if (type.SpecialType == SpecialType.System_Boolean)
            {
                return ParameterKind.Boolean;
            }
            if (type.TypeKind == TypeKind.Enum)
            {
                return ParameterKind.Enum;
            }
            if (_known.SpanParsable is not null && type.AllInterfaces.Any(i => Is(i.OriginalDefinition, _known.SpanParsable)))
            {
                return ParameterKind.Parsable;
            }
            return null;
        }

        private bool IsPart(ITypeSymbol type) => Is(type, _known.Part);

        private bool IsKeywords(ITypeSymbol type) =>
            type is INamedTypeSymbol { IsGenericType: true } list
            && Is(list.OriginalDefinition, _known.ReadOnlyListOfT)
            && list.TypeArguments[0] is INamedTypeSymbol { IsGenericType: true } pair
            && Is(pair.OriginalDefinition, _known.KeyValuePair)
            && pair.TypeArguments.All(t => t.SpecialType == SpecialType.System_String);

        /// <summary>A class's tools and its base classes', base first (an outer class's tools run first), each with the class that wrote it.</summary>
        private EquatableArray<ToolSpec> ClassToolsOf(INamedTypeSymbol type) => ToolsOf(ClassAttributes(type));

        /// <summary>The attributes of a class and its base classes, base first, each with the class that wrote it.</summary>
        private static List<(string Owner, AttributeData Attribute)> ClassAttributes(INamedTypeSymbol type)
        {
            var written = new List<(string Owner, AttributeData Attribute)>();
            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                written.AddRange(current.GetAttributes().Select(a => (current.ToDisplayString(), a)));
            }
            written.Reverse();
            return written;
        }

        private EquatableArray<ToolSpec> ToolsOf(IEnumerable<(string Owner, AttributeData Attribute)> attributes) =>
            attributes.Where(w => TypeHierarchy.DerivesFrom(w.Attribute.AttributeClass, _known.ToolAttribute))
                .Select(w => new ToolSpec(TypeNames.Of(w.Attribute.AttributeClass!), ToolNameOf(w.Attribute.AttributeClass!),
                    w.Attribute.ConstructorArguments.Select(Literals.Constant).ToEquatableArray(),
                    w.Attribute.NamedArguments.Select(n => new NamedArgumentSpec(n.Key, Literals.Constant(n.Value))).ToEquatableArray(),
                    "[" + ShortName(w.Attribute.AttributeClass!.Name) + "] on " + w.Owner))
                .ToEquatableArray();

        /// <summary>The ASP.NET Core endpoint metadata among the attributes (<see cref="KnownTypes.IsEndpointMetadata"/>), in order.</summary>
        private EquatableArray<EndpointMetadataSpec> MetadataOf(IEnumerable<(string Owner, AttributeData Attribute)> attributes) =>
            attributes.Where(w => _known.IsEndpointMetadata(w.Attribute.AttributeClass))
                .Select(w => new EndpointMetadataSpec(TypeNames.Of(w.Attribute.AttributeClass!),
                    w.Attribute.ConstructorArguments.Select(Literals.Constant).ToEquatableArray(),
                    w.Attribute.NamedArguments.Select(n => new NamedArgumentSpec(n.Key, Literals.Constant(n.Value))).ToEquatableArray(),
                    "[" + ShortName(w.Attribute.AttributeClass!.Name) + "] on " + w.Owner,
                    DeclaredStatus(w.Attribute)))
                .ToEquatableArray();

        /// <summary>The status a response-type attribute declares: its <c>statusCode</c> argument or <c>StatusCode</c> property, as ASP.NET Core's take it.</summary>
        private static int? DeclaredStatus(AttributeData attribute)
        {
            if (!attribute.AttributeClass!.AllInterfaces.Any(i => i.ToDisplayString() is KnownTypes.ProducesResponseTypeMetadata or KnownTypes.ApiResponseMetadataProvider))
            {
                return null;
            }
            int? status = null;
            var parameters = attribute.AttributeConstructor?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty;
            for (var i = 0; i < parameters.Length && i < attribute.ConstructorArguments.Length; i++)
            {
                if (parameters[i].Name == "statusCode" && attribute.ConstructorArguments[i].Value is int given and > 0)
                {
                    status = given;
                }
            }
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "StatusCode" && named.Value.Value is int given and > 0)
                {
                    status = given;
                }
            }
            return status;
        }

        private static string ShortName(string attribute) =>
            attribute.EndsWith("Attribute", System.StringComparison.Ordinal) ? attribute.Substring(0, attribute.Length - "Attribute".Length) : attribute;

        /// <summary>The config name of the tool an attribute class turns on: the catalog's for a built-in, the declaration's for a user's.</summary>
        private static string? ToolNameOf(INamedTypeSymbol attribute) =>
            attribute.ContainingNamespace?.ToDisplayString() == "Cherry" && System.Array.Find(ToolCatalog.All, t => t.Attribute == attribute.Name) is { } builtIn
                ? builtIn.Name
                : ToolDeclarationParser.Declared(attribute);

        private void Report(DiagnosticDescriptor descriptor, ISymbol symbol, params string[] arguments) =>
            _report?.Invoke(descriptor, symbol, arguments);

        /// <summary>The member's documentation-comment id: a string in the spec that leads an analyzer back to the symbol.</summary>
        private static string DeclarationId(ISymbol member) => DocumentationCommentId.CreateDeclarationId(member) ?? "";

        private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attribute) =>
            attribute is not null && symbol.GetAttributes().Any(a => Is(a.AttributeClass, attribute));

        private static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
            expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);
    }
}
