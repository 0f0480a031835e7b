using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cherry.Analyzers.Tests;

/// <summary>
/// The misuse table: every public attribute of Cherry.Runtime (found by reflection, tool attributes included) on every
/// kind of target, each row the diagnostic the attribute's contract says is due on the user's line, or none where the
/// combination works; targets its AttributeUsage refuses are the compiler's (CS0592). Then the argument values that can
/// never match a request, each beside a working neighbour. All the analyzers run together, as in the IDE.
/// </summary>
public sealed class MisuseTableTests
{
    private const string CompilerRefuses = "CS0592";

    /// <summary>A kind of target: the source around <c>$A</c> (the attribute under test) and the AttributeUsage target it is.</summary>
    /// <param name="Around">Attributes the target needs besides the one tested, written before it unless it is one of them.</param>
    public sealed record Target(string Name, AttributeTargets Usage, string Source, string[]? Around = null);

    /// <summary>What an attribute is to the contract: the rows of each kind follow from it.</summary>
    public enum Kind
    {
        Exposed,
        Dispatch,
        Rest,
        PopArgs,
        XmlRpc,
        JsonBody,
        KeywordOnly,

        /// <summary>Turns a tool on, or sets configuration, for a handler or a sub-tree: ToolAttribute, [JsonOut], [Config].</summary>
        Tool,

        /// <summary>A JSON tool: also refused by an XML-RPC endpoint (CHERRY0016).</summary>
        JsonTool,

        /// <summary>Declares a tool of the app's own: only on a partial ToolAttribute class with a hook (CHERRY0023 elsewhere).</summary>
        ToolDeclaration,
    }

    public static readonly Target[] Targets =
    [
        new("handler method", AttributeTargets.Method, "public class Handler { [$A] public string Page() => \"\"; }", ["Exposed"]),
        new("index method", AttributeTargets.Method, "public class IndexNode { [$A] public string Index() => \"\"; }", ["Exposed"]),
        new("[Rest] verb", AttributeTargets.Method, "[Rest] public class Resource { [$A] public string Get() => \"\"; }"),
        new("XML-RPC method", AttributeTargets.Method, "[XmlRpc] public class Endpoint {\n[$A] public int Add(int a) => a; }", ["Exposed"]),
        new("[Dispatch] hook", AttributeTargets.Method, "public class Hooked { [Exposed] public string Index() => \"\";\n[$A] public Hooked? Next(VirtualPath path) => null; }", ["Dispatch"]),
        new("unexposed method", AttributeTargets.Method, "public class Plain { [Exposed] public string Index() => \"\";\n[$A] public string Helper() => \"\"; }"),
        new("static method", AttributeTargets.Method, "public class Statics { [Exposed] public string Index() => \"\";\n[$A] public static string Helper() => \"\"; }", ["Exposed"]),
        new("generic method", AttributeTargets.Method, "public class Generics { [Exposed] public string Index() => \"\";\n[$A] public string Pick<T>() => \"\"; }", ["Exposed"]),
        new("abstract method", AttributeTargets.Method, "public abstract class Base { [Exposed] public string Index() => \"\";\n[$A] public abstract string Page(); }"),
        new("interface method", AttributeTargets.Method, "public interface IPages {\n[$A] string Page(); }"),
        new("struct method", AttributeTargets.Method, "public struct Value {\n[$A] public string Page() => \"\"; }"),
        new("sub-tree property", AttributeTargets.Property, "public class Parent { [Exposed] public string Index() => \"\";\n[$A] public Leaf Child { get; } = new(); }"),
        new("sub-tree field", AttributeTargets.Field, "public class FieldParent { [Exposed] public string Index() => \"\";\n[$A] public Leaf Child = new(); }"),
        new("value property", AttributeTargets.Property, "public class Titled { [Exposed] public string Index() => \"\";\n[$A] public string Title { get; } = \"\"; }"),
        new("node class", AttributeTargets.Class, "[$A] public class Node { [Exposed] public string Page() => \"\"; }"),
        new("[Rest] class", AttributeTargets.Class, "[$A] public class Item { public string Get() => \"\"; }", ["Rest"]),
        new("[XmlRpc] class", AttributeTargets.Class, "[$A] public class Rpc { [Exposed] public int Add(int a) => a; }", ["XmlRpc"]),
        new("class outside the tree", AttributeTargets.Class, "[$A] public class Helper { public string Help() => \"\"; }"),
        new("handler parameter", AttributeTargets.Parameter, "public class Form { [Exposed] public string Page(\n[$A] string name) => name; }"),
        new("injected parameter", AttributeTargets.Parameter, "public class Injected { [Exposed] public string Page(\n[$A] Request request) => \"\"; }"),
        new("XML-RPC parameter", AttributeTargets.Parameter, "[XmlRpc] public class RpcArguments { [Exposed] public int Add(\n[$A] int a) => a; }"),
        new("unexposed parameter", AttributeTargets.Parameter, "public class Helpers { [Exposed] public string Index() => \"\"; public string Help(\n[$A] string name) => name; }"),
    ];

    /// <summary>The contract: the diagnostics due on the attribute's line, by attribute kind and target; none where it works.</summary>
    private static string[] Expected(Kind kind, Target target) => (kind, target.Name) switch
    {
        // None of the class targets is a partial ToolAttribute class with a hook (DeclaredToolTests has the ones that are).
        (Kind.ToolDeclaration, _) => ["CHERRY0023"],
        (Kind.Exposed, "[Dispatch] hook") => ["CHERRY0016"],
        (Kind.Exposed or Kind.Tool or Kind.JsonTool, "static method") => ["CHERRY0004"],
        (Kind.Exposed or Kind.Tool or Kind.JsonTool, "generic method") => ["CHERRY0006"],
        (Kind.Exposed or Kind.Tool or Kind.JsonTool or Kind.Dispatch, "interface method" or "struct method") => ["CHERRY0022"],
        (Kind.Exposed or Kind.Tool or Kind.JsonTool, "abstract method") => ["CHERRY0022"],
        // The class's own parse also finds an abstract hook takes no VirtualPath.
        (Kind.Dispatch, "abstract method") => ["CHERRY0022", "CHERRY0003"],
        (Kind.Exposed, "value property") => ["CHERRY0022"],
        (Kind.Exposed, _) => [],
        (Kind.Dispatch, "handler method" or "index method") => ["CHERRY0016", "CHERRY0003"],
        (Kind.Dispatch, "XML-RPC method") => ["CHERRY0016"],
        // A hook is no verb, so the resource (on the same line) is left with none.
        (Kind.Dispatch, "[Rest] verb") => ["CHERRY0003", "CHERRY0011"],
        (Kind.Dispatch, "unexposed method") => ["CHERRY0003"],
        (Kind.Dispatch, "static method" or "generic method") => ["CHERRY0022"],
        (Kind.Dispatch, _) => [],
        (Kind.Rest, "node class" or "class outside the tree") => ["CHERRY0011"],
        // [Rest] on an XML-RPC endpoint also finds its method is no verb.
        (Kind.Rest, "[XmlRpc] class") => ["CHERRY0016", "CHERRY0011"],
        (Kind.PopArgs, "[XmlRpc] class") => ["CHERRY0016"],
        (Kind.PopArgs or Kind.XmlRpc, "[Rest] class") => ["CHERRY0016"],
        (Kind.Rest or Kind.PopArgs or Kind.XmlRpc, _) => [],
        (Kind.JsonBody or Kind.KeywordOnly, "unexposed parameter") => ["CHERRY0013"],
        (Kind.JsonBody or Kind.KeywordOnly, "injected parameter") => ["CHERRY0022"],
        (Kind.KeywordOnly, "XML-RPC parameter") => ["CHERRY0022"],
        (Kind.JsonBody, "XML-RPC parameter") => ["CHERRY0016"],
        (Kind.JsonBody or Kind.KeywordOnly, _) => [],
        (Kind.JsonTool, "XML-RPC method" or "[XmlRpc] class") => ["CHERRY0016"],
        (_, "XML-RPC method") => ["CHERRY0022"],
        (_, "[Dispatch] hook" or "unexposed method") => ["CHERRY0013"],
        _ => [],
    };

    /// <summary>The attributes that are not tools, each with its kind: a new one fails <see cref="Every_public_attribute_has_rows"/> until it is here.</summary>
    private static readonly Dictionary<string, (Kind Kind, string Usage)> Others = new()
    {
        ["ExposedAttribute"] = (Kind.Exposed, "Exposed"),
        ["DispatchAttribute"] = (Kind.Dispatch, "Dispatch"),
        ["RestAttribute"] = (Kind.Rest, "Rest"),
        ["PopArgsAttribute"] = (Kind.PopArgs, "PopArgs(\"id\")"),
        ["XmlRpcAttribute"] = (Kind.XmlRpc, "XmlRpc"),
        ["JsonBodyAttribute"] = (Kind.JsonBody, "JsonBody"),
        ["KeywordOnlyAttribute"] = (Kind.KeywordOnly, "KeywordOnly"),
        ["JsonOutAttribute"] = (Kind.JsonTool, "JsonOut"),
        ["ConfigAttribute"] = (Kind.Tool, "Config(\"tools.gzip.on\", true)"),
        ["ToolDeclarationAttribute"] = (Kind.ToolDeclaration, "ToolDeclaration(\"stamp\", HookPoint.BeforeHandler)"),
    };

    /// <summary>Working arguments for the tools whose constructor or contract requires some; the others are written bare.</summary>
    private static readonly Dictionary<string, string> ToolUsages = new()
    {
        ["RedirectAttribute"] = "Redirect(\"/elsewhere\")",
        ["ErrRedirectAttribute"] = "ErrRedirect(\"/error\")",
        ["RefererAttribute"] = "Referer(\"example\")",
        ["StaticDirAttribute"] = "StaticDir(\"static\")",
        ["StaticFileAttribute"] = "StaticFile(\"index.html\")",
        ["AuthBasicAttribute"] = "AuthBasic(Realm = \"site\")",
        ["AuthDigestAttribute"] = "AuthDigest(Realm = \"site\", Key = \"secret\")",
        ["AcceptAttribute"] = "Accept(\"text/html\")",
        ["AllowAttribute"] = "Allow(\"GET\")",
        ["IgnoreHeadersAttribute"] = "IgnoreHeaders(\"Range\")",
        ["ResponseHeadersAttribute"] = "ResponseHeaders(\"X-Frame-Options\", \"DENY\")",
    };

    /// <summary>Every public, non-abstract attribute Cherry.Runtime declares.</summary>
    private static IEnumerable<Type> PublicAttributes => typeof(ExposedAttribute).Assembly.GetExportedTypes()
        .Where(t => typeof(Attribute).IsAssignableFrom(t) && !t.IsAbstract)
        .OrderBy(t => t.Name, StringComparer.Ordinal);

    private static (Kind Kind, string Usage) ContractOf(Type attribute)
    {
        if (Others.TryGetValue(attribute.Name, out var other))
        {
            return other;
        }
        Assert.True(typeof(ToolAttribute).IsAssignableFrom(attribute), $"{attribute.Name} is no tool and has no row in MisuseTableTests.Others: write its contract");
        var bare = attribute.Name[..^"Attribute".Length];
        var usage = ToolUsages.TryGetValue(attribute.Name, out var written) ? written : bare;
        Assert.True(usage != bare || attribute.GetConstructor(Type.EmptyTypes) is not null, $"{attribute.Name} needs constructor arguments: give it a working usage in MisuseTableTests.ToolUsages");
        return (attribute.Name == "JsonInAttribute" ? Kind.JsonTool : Kind.Tool, usage);
    }

    public static TheoryData<string> Attributes => [.. PublicAttributes.Select(t => t.Name)];

    [Fact]
    public void Every_public_attribute_has_rows()
    {
        var names = PublicAttributes.Select(t => t.Name).ToList();
        Assert.Contains("ExposedAttribute", names);
        Assert.Contains("GzipAttribute", names);
        foreach (var type in PublicAttributes)
        {
            _ = ContractOf(type);
        }
        // Each contract entry still names an attribute that exists.
        Assert.Empty(Others.Keys.Concat(ToolUsages.Keys).Except(names));
    }

    /// <summary>One attribute on every kind of target, in one compilation (each target its own type).</summary>
    [Theory]
    [MemberData(nameof(Attributes))]
    public async Task Each_target_kind_gets_the_diagnostic_its_contract_says(string attributeName)
    {
        var type = PublicAttributes.Single(t => t.Name == attributeName);
        var (kind, usage) = ContractOf(type);
        var validOn = type.GetCustomAttribute<AttributeUsageAttribute>(inherit: true)!.ValidOn;
        var bare = attributeName[..^"Attribute".Length];
        var source = new System.Text.StringBuilder("public class Leaf { [Exposed] public string Index() => \"\"; }\n");
        var expected = new Dictionary<int, (Target Target, string[] Ids)>();
        foreach (var target in Targets)
        {
            var around = (target.Around ?? []).Where(a => a != bare).Select(a => a + ", ");
            var text = target.Source.Replace("$A", string.Concat(around) + usage, StringComparison.Ordinal);
            var line = source.ToString().Count(c => c == '\n') + target.Source[..target.Source.IndexOf("$A", StringComparison.Ordinal)].Count(c => c == '\n');
            expected[line] = (target, (validOn & target.Usage) == 0 ? [CompilerRefuses] : Expected(kind, target));
            source.Append(text).Append('\n');
        }
        var found = await DiagnosticsAsync(source.ToString());
        // Where the compiler refuses the target, the attributes the target needs may add their own diagnostics to the line.
        var rows = expected.Select(e => (e.Value.Target.Name, Expected: string.Join(", ", e.Value.Ids.Order()),
            Found: string.Join(", ", found.Where(d => d.Line == e.Key && (e.Value.Ids is not [CompilerRefuses] || d.Id == CompilerRefuses)).Select(d => d.Id).Distinct().Order())));
        Assert.Equal(rows.Select(r => $"{r.Name}: {r.Expected}"), rows.Select(r => $"{r.Name}: {r.Found}"));
        Assert.Empty(found.Where(d => !expected.ContainsKey(d.Line)).Select(d => d.ToString()));
    }

    /// <summary>
    /// Argument values that can never match a request, and attributes whose placement the target cannot honour: each line
    /// marked <c>//! CHERRYnnnn</c> gets that diagnostic, and every other line (the working neighbours) stays quiet.
    /// </summary>
    public static TheoryData<string, string> Values => new()
    {
        { "[Exposed] segment and aliases", """
            public class Leaf { [Exposed] public string Index() => ""; }
            public class Root
            {
                [Exposed(Aliases = new[] { "other" })] public string Page() => "";
                [Exposed(Aliases = new[] { "" })] public string Empty() => ""; //! CHERRY0006
                [Exposed(Aliases = new[] { "second" })] public Leaf Child { get; } = new(); //! CHERRY0022
                [Exposed("")] public Leaf Hidden { get; } = new(); //! CHERRY0022
                [Exposed("named")] public Leaf Named { get; } = new();
                [Exposed] public int Count; //! CHERRY0022
                [Exposed] private Leaf Private { get; } = new(); //! CHERRY0022
            }
            [Rest] public class Resource
            {
                [Exposed("item")] public string Get() => ""; //! CHERRY0022
                [Exposed(Aliases = new[] { "send" })] public string Post() => ""; //! CHERRY0022
                [Exposed] public string Put() => "";
            }
            [XmlRpc] public class Endpoint
            {
                [Exposed(Aliases = new[] { "plus" })] public int Add(int a) => a; //! CHERRY0022
                [Exposed("minus")] public int Sub(int a) => a;
                [Exposed] public string Index() => ""; //! CHERRY0022
                [Exposed("math_add")] public int MathAdd(int a) => a;
            }
            public class Paths
            {
                [Exposed("api/v1")] public string Api() => ""; //! CHERRY0022
                [Exposed(Aliases = new[] { "page?id" })] public string Page() => ""; //! CHERRY0022
                [Exposed("a#b")] public Leaf Anchor { get; } = new(); //! CHERRY0022
                [Exposed("translate.html", Aliases = new[] { "translate-html" })] public string Translate() => "";
                [Exposed("v1")] public Leaf Api1 { get; } = new();
            }
            [Rest] public class Holder
            {
                public string Get() => "";
                public Leaf Items { get; } = new(); //! CHERRY0011
            }
            [Rest] public class Routed
            {
                public string Get() => "";
                [Dispatch] public Leaf? Next(VirtualPath path) => null;
            }
            [Rest] public class Empty { } //! CHERRY0011
            [Rest] public class OnlyHook { [Dispatch] public Leaf? Next(VirtualPath path) => null; }
            """ },
        { "[PopArgs] names", """
            [PopArgs] public class None { [Exposed] public string Index() => ""; } //! CHERRY0022
            [PopArgs("")] public class Unnamed { [Exposed] public string Index() => ""; } //! CHERRY0022
            [PopArgs("year", "year")] public class Twice { [Exposed] public string Index(string? year = null) => ""; } //! CHERRY0022
            [PopArgs("year", "month")] public class Fine { [Exposed] public string Index(string? year = null, string? month = null) => ""; }
            [PopArgs("a", "a", Handler = nameof(Make))] public class Factory { public Other Make(string a, string b) => new(); }
            public class Other { [Exposed] public string Index() => ""; }
            """ },
        { "[Dispatch] hooks", """
            public class Two
            {
                [Exposed] public string Index() => "";
                [Dispatch] public Two? First(VirtualPath path) => null;
                [Dispatch] public Two? Second(VirtualPath path, Request request) => null; //! CHERRY0016
            }
            public class Hidden
            {
                [Exposed] public string Index() => "";
                [Dispatch] private Hidden? Next(VirtualPath path) => null; //! CHERRY0022
            }
            """ },
        { "XML-RPC endpoints", """
            public class Docs { [Exposed] public string Index() => ""; }
            [XmlRpc] public class Calls { [Exposed] public int Add(int a) => a; }
            [XmlRpc] public class Endpoint
            {
                [Exposed, Gzip] public int Add(int a) => a; //! CHERRY0022
                [Exposed, Config("tools.gzip.on", true)] public int Sub(int a) => a; //! CHERRY0022
                [Exposed, Caching(Delay = 60)] public int Mul(int a) => a; //! CHERRY0022
                [Exposed] public int Div(int a) => a;
                public Docs Docs { get; } = new(); //! CHERRY0016
                public Calls Calls { get; } = new();
            }
            [XmlRpc, Gzip, Config("tools.gzip.on", true)] public class ClassWide { [Exposed] public int Add(int a) => a; }
            """ },
        { "repeated tools and keys", """
            [Gzip, Gzip(CompressLevel = 1)] public class Twice { [Exposed] public string Index() => ""; } //! CHERRY0016
            [Gzip] public class Overridden
            {
                [Exposed, Gzip(CompressLevel = 1)] public string Index() => "";
                [Exposed, Config("tools.gzip.on", true), Config("tools.gzip.on", false)] public string Page() => ""; //! CHERRY0016
                [Exposed, Config("tools.gzip.on", true), Config("tools.gzip.compress_level", 5)] public string Other() => "";
                [Exposed, Caching(Delay = 60), Caching(Delay = 120)] public string Cached() => ""; //! CHERRY0016
                [Exposed, Label("a"), Label("b")] public string Labelled() => "";
            }
            public sealed class LabelAttribute(string label) : ToolAttribute { public override Tool CreateTool() => throw new NotSupportedException(label); }
            """ },
        { "parameters", """
            public sealed record Order(string Item);
            public class Root
            {
                [Exposed] public string Page([KeywordOnly] Session session) => ""; //! CHERRY0022
                [Exposed] public string Body([JsonBody, KeywordOnly] Order order) => ""; //! CHERRY0022
                [Exposed] public string Rest([KeywordOnly] params string[] rest) => ""; //! CHERRY0022
                [Exposed] public string Served([JsonBody, Microsoft.AspNetCore.Mvc.FromServices] Order order) => ""; //! CHERRY0022
                [Exposed] public string Fine([KeywordOnly] string name, [KeywordOnly] string[] tags, [JsonBody] Order order) => "";
                [Dispatch] public Root? Next([KeywordOnly] VirtualPath path) => null; //! CHERRY0013
            }
            """ },
        { "validation rules", """
            using System.ComponentModel.DataAnnotations;
            public sealed record Order([Required] string Item);
            public class Root
            {
                [Exposed] public string Checked([Required, StringLength(10)] string q, [Range(1, 9)] int n, [MinLength(1)] string[] tags, [JsonBody] Order order) => "";
                [Exposed] public string Context([Required] Session session) => ""; //! CHERRY0022
                [Exposed] public string Served([Required, Microsoft.AspNetCore.Mvc.FromServices] Order order) => ""; //! CHERRY0022
                [Exposed] public string Rest([MinLength(1)] params string[] rest) => ""; //! CHERRY0022
                [Exposed] public string Aborted([Required] System.Threading.CancellationToken token) => ""; //! CHERRY0022
            }
            [XmlRpc]
            public class Rpc
            {
                [Exposed] public int Add([Range(1, 9)] int a) => a; //! CHERRY0022
            }
            """ },
        { "tool values", """
            public class Root
            {
                [Exposed, Accept("json")] public string A() => ""; //! CHERRY0008
                [Exposed, Accept("text/html; charset=utf-8")] public string B() => ""; //! CHERRY0008
                [Exposed, Accept("text/html", "text/*")] public string C() => "";
                [Exposed, IgnoreHeaders("")] public string D() => ""; //! CHERRY0008
                [Exposed, IgnoreHeaders("If Range")] public string E() => ""; //! CHERRY0008
                [Exposed, IgnoreHeaders("Range", "If-Range")] public string F() => "";
                [Exposed, ResponseHeaders("X Frame", "DENY")] public string G() => ""; //! CHERRY0008
                [Exposed, ResponseHeaders("X-Note", "a\r\nSet-Cookie: b")] public string H() => ""; //! CHERRY0008
                [Exposed, ResponseHeaders("X-Frame-Options", "DENY", "Cache-Control", "no-cache")] public string I() => "";
                [Exposed, JsonIn(ContentTypes = new[] { "json" })] public string J() => ""; //! CHERRY0008
                [Exposed, JsonIn(ContentTypes = new[] { "application/json", "application/vnd.api+json" })] public string K() => "";
                [Exposed, Allow("")] public string L() => ""; //! CHERRY0008
                [Exposed, Allow] public string M() => "";
                [Exposed, Gzip(MimeTypes = new[] { "html" })] public string N() => ""; //! CHERRY0008
                [Exposed, Gzip(MimeTypes = new[] { "*/*" })] public string O() => ""; //! CHERRY0008
                [Exposed, Gzip(MimeTypes = new[] { "text/*", "application/*+json", "image/svg+xml" })] public string P() => "";
            }
            """ },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public async Task Values_and_places_that_cannot_work_are_reported_and_their_neighbours_are_not(string name, string source)
    {
        _ = name;
        var lines = source.Split('\n');
        var expected = lines.Select((text, line) => (line, text.IndexOf("//! ", StringComparison.Ordinal) is var mark and >= 0 ? text[(mark + 4)..].Trim() : ""))
            .ToList();
        var found = await DiagnosticsAsync(source);
        Assert.Equal(
            expected.Select(e => $"{e.line + 1}: {e.Item2}  {lines[e.line].Trim()}"),
            expected.Select(e => $"{e.line + 1}: {string.Join(", ", found.Where(d => d.Line == e.line).Select(d => d.Id).Distinct().Order())}  {lines[e.line].Trim()}"));
    }

    private sealed record Found(string Id, int Line, string Message)
    {
        public override string ToString() => $"{Id} at line {Line + 1}: {Message}";
    }

    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = [.. typeof(HandlerShapeAnalyzer).Assembly.GetTypes()
        .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)];

    /// <summary>Every analyzer's Cherry diagnostics on the source, and the compiler's errors (which a snippet only has where AttributeUsage refuses a target).</summary>
    private static async Task<List<Found>> DiagnosticsAsync(string source)
    {
        var options = new CSharpParseOptions(LanguageVersion.Preview);
        var compilation = CSharpCompilation.Create("Misuse",
            [CSharpSyntaxTree.ParseText(Verify.Usings, options, "Usings.cs"), CSharpSyntaxTree.ParseText(source, options, "Source.cs")],
            Verify.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error);
        var analyzed = await compilation.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync();
        // A JSON type's metadata (CHERRY0007) is JsonContextTests' concern: these snippets declare no JsonSerializerContext.
        return [.. errors.Concat(analyzed.Where(d => d.Id.StartsWith("CHERRY", StringComparison.Ordinal) && d.Id != "CHERRY0007"))
            .Select(d => new Found(d.Id, d.Location.GetLineSpan().StartLinePosition.Line, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)))];
    }
}
