using System.Collections.Generic;
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
        public static NodeSpec ParseOne(INamedTypeSymbol type, KnownTypes known, ReportProblem report, CancellationToken cancellation)
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
            var walkOnly = _skipDeclaring && (isRest || type.GetMembers().Any(m => HasAttribute(m, _known.Exposed)));
            var handlers = new List<HandlerSpec>();
            var children = new List<ChildSpec>();
            DispatchHookSpec? hook = null;

            foreach (var member in TypeHierarchy.AllMembers(type))
            {
                switch (member)
                {
                    case IMethodSymbol method when method.MethodKind == MethodKind.Ordinary:
                        var role = RoleOf(method, isRest, _known);
                        if (role == MethodRole.None || (walkOnly && role != MethodRole.DispatchHook) || !IsCallable(method, role))
                        {
                            break;
                        }
                        switch (role)
                        {
                            case MethodRole.DispatchHook when _xmlRpc:
                                Report(DiagnosticDescriptors.AttributesDoNotCombine, method, type.Name,
                                    $"the [Dispatch] method '{method.Name}' is never called: an [XmlRpc] endpoint dispatches by the method name in the call");
                                break;
                            case MethodRole.DispatchHook:
                                hook = ParseDispatchHook(method) ?? hook;
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
                ToolsOf(classAttributes.AsEnumerable().Reverse()),
                classJsonOut,
                xmlRpc,
                ConfigSymbols.OfClass(type).Select(c => new ConfigSpec(c.Owner.ToDisplayString(), c.Key, c.Value)).ToEquatableArray()));
        }

        private void AddChild(List<ChildSpec> children, string name, ITypeSymbol memberType, ISymbol member)
        {
            if (memberType is INamedTypeSymbol childType && IsNode(childType, new HashSet<string>()))
            {
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
        /// (CHERRY0004, 0006); a verb name or [Dispatch] on such a method is a helper's name, not a claim, and is passed over.
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
                ToolsOf(method.GetAttributes()),
                jsonOut,
                ConfigSymbols.OfMember(method).Select(c => new ConfigSpec(method.ContainingType.ToDisplayString() + "." + method.Name, c.Key, c.Value)).ToEquatableArray()));
        }

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
                return new ParameterSpec(parameter.Name, ParameterKind.JsonBody, TypeNames.Of(type), ParameterKind.JsonBody, mayBeNull, defaultLiteral, TypeNames.JsonKey(type));
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
                    Schema: new SchemaSpec(SchemaKind.Array, Items: SchemaOf(array.ElementType, element.Value)));
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
            return new ParameterSpec(parameter.Name, kind.Value, scalarType, kind.Value, nullable, defaultLiteral, KeywordOnly: HasAttribute(parameter, _known.KeywordOnly), Schema: schema);
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

        private EquatableArray<ToolSpec> ToolsOf(IEnumerable<AttributeData> attributes) =>
            attributes.Where(a => TypeHierarchy.DerivesFrom(a.AttributeClass, _known.ToolAttribute))
                .Select(a => new ToolSpec(TypeNames.Of(a.AttributeClass!), ToolNameOf(a.AttributeClass!),
                    a.ConstructorArguments.Select(Literals.Of).ToEquatableArray(),
                    a.NamedArguments.Select(n => new NamedArgumentSpec(n.Key, Literals.Of(n.Value))).ToEquatableArray()))
                .ToEquatableArray();

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
