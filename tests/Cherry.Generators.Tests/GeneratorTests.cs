using Cherry.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Cherry.Generators.Tests;

public sealed class GeneratorTests
{
    [Fact]
    public void A_tree_with_every_kind_of_node_compiles()
    {
        // Each feature's generated code is in its own golden file (GoldenTests); this is all of them in one tree.
        var (result, output) = GeneratorHarness.Run(Sources.Program, Sources.Tree);
        var generated = Assert.Single(result.GeneratedTrees);
        Assert.EndsWith("Shop_Root_CherryTree.g.cs", generated.FilePath);
        Assert.Empty(GeneratorHarness.Errors(output));
    }

    [Fact]
    public void Built_in_tools_named_in_config_files_and_string_literals_are_rooted_and_no_others()
    {
        var (result, _) = GeneratorHarness.Run(
            [
                ("/app/site.conf", "[/]\ntools.gzip.on = True\ntools.no_such_tool.on = True\n"),
                ("/app/appsettings.Production.json", """{ "Cherry": { "Apps": { "/": { "/x": { "tools.etags.autotags": true } } } } }"""),
                ("/app/notes.txt", "tools.caching.on = True"),
            ],
            """
            static class Settings
            {
                public const string Ini = "[/api]\ntools.auth_basic.realm = 'r'";
                public const string Key = "tools.cpstats.on";
                public const string NotATool = "tools.profiler";
                public const string Prose = "see the tools. chapter";
            }
            """);
        var source = Assert.Single(result.GeneratedTrees, t => t.FilePath.EndsWith("Cherry.ToolRoots.g.cs", StringComparison.Ordinal)).GetText().ToString();
        var rooted = System.Text.RegularExpressions.Regex.Matches(source, @"new global::Cherry\.(\w+)\(\)").Select(m => m.Groups[1].Value);
        // .conf and appsettings*.json files and string literals count; a .txt file, a name without a key and an unknown name do not.
        Assert.Equal(["AuthBasicTool", "CpStatsTool", "EtagsTool", "GzipTool"], rooted);
    }

    /// <summary>
    /// Config files that do not parse never crash the generator: it roots what the readable part names and reports
    /// nothing of its own (the analyzers report the fault on its line, CHERRY0019).
    /// </summary>
    [Theory]
    [InlineData("/app/site.conf", "[/\ntools.gzip.on = True\n[/x]\n= no key\ntools.etags.on = 'unterminated\n\u0000\u0001binary")]
    [InlineData("/app/appsettings.json", "{ \"Cherry\": { \"Apps\": { \"/\": { \"/\": { \"tools.etags.on\": true, \"tools.gzip.on\": tru")]
    [InlineData("/app/appsettings.json", "{\"Cherry\": {\"Global\": {\"tools.etags.on\": true}}, \"deep\": REPEAT")]
    [InlineData("/app/appsettings.Development.json", "\"just a string\" ] } tools.etags.on")]
    public void A_config_file_that_does_not_parse_never_crashes_the_generator(string path, string text)
    {
        text = text.Replace("REPEAT", string.Concat(Enumerable.Repeat("[", 5000)));
        var (result, output) = GeneratorHarness.Run([(path, text)], "static class Nothing { }");
        Assert.All(result.Results, r => Assert.Null(r.Exception));
        Assert.Empty(GeneratorHarness.Errors(output));
        var source = Assert.Single(result.GeneratedTrees, t => t.FilePath.EndsWith("Cherry.ToolRoots.g.cs", StringComparison.Ordinal)).GetText().ToString();
        Assert.Contains("EtagsTool", source);
    }

    /// <summary>
    /// JSON's nested forms, which the runtime reads as dotted keys, root their tools too: a tool named only there stopped
    /// start-up as "not in this app".
    /// </summary>
    [Fact]
    public void Built_in_tools_named_in_nested_json_are_rooted()
    {
        var (result, _) = GeneratorHarness.Run(
            [
                ("/app/appsettings.json", """
                    { "Cherry": { "Apps": { "/": {
                        "/": { "tools": { "expires": { "on": true, "secs": 60 }, "no_such_tool": { "on": true } }, "colour": { "tools": "x" } },
                        "/x": { "tools.caching": { "on": true } }
                    } } } }
                    """),
            ],
            "static class Nothing { }");
        var source = Assert.Single(result.GeneratedTrees, t => t.FilePath.EndsWith("Cherry.ToolRoots.g.cs", StringComparison.Ordinal)).GetText().ToString();
        var rooted = System.Text.RegularExpressions.Regex.Matches(source, @"new global::Cherry\.(\w+)\(\)").Select(m => m.Groups[1].Value);
        Assert.Equal(["CachingTool", "ExpiresTool"], rooted);
    }

    /// <summary>A tool turned on only by a [Config] attribute is rooted like one a config file names: native AOT keeps it.</summary>
    [Fact]
    public void Built_in_tools_named_in_config_attributes_are_rooted()
    {
        var (result, _) = GeneratorHarness.Run(GeneratorHarness.Mount("Site.Root"), """
            using Cherry;
            namespace Site;
            [Config("tools.gzip.on", true)]
            public sealed class Root
            {
                [Exposed, Config("tools.expires.secs", 60)] public string Index() => "home";
            }
            """);
        var source = Assert.Single(result.GeneratedTrees, t => t.FilePath.EndsWith("Cherry.ToolRoots.g.cs", StringComparison.Ordinal)).GetText().ToString();
        var rooted = System.Text.RegularExpressions.Regex.Matches(source, @"new global::Cherry\.(\w+)\(\)").Select(m => m.Groups[1].Value);
        Assert.Equal(["ExpiresTool", "GzipTool"], rooted);
    }

    [Fact]
    public void An_app_that_names_no_tool_gets_no_tool_roots()
    {
        var (result, _) = GeneratorHarness.Run(GeneratorHarness.Mount("Shop.Root"), Sources.Tree);
        Assert.DoesNotContain(result.GeneratedTrees, t => t.FilePath.EndsWith("Cherry.ToolRoots.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_mounted_roots_get_a_tree()
    {
        var (result, _) = GeneratorHarness.Run(Sources.Tree);
        Assert.Empty(result.GeneratedTrees);
    }

    /// <summary>
    /// Summaries come from /// comments whether the compiler parses them (GenerateDocumentationFile) or not; a comment
    /// that is not well-formed XML gives none, and the build goes on.
    /// </summary>
    [Theory]
    [InlineData(DocumentationMode.Parse)]
    [InlineData(DocumentationMode.None)]
    public void The_open_api_document_takes_summaries_from_doc_comments_in_any_documentation_mode(DocumentationMode mode)
    {
        const string program = """
            using Cherry;
            using Microsoft.AspNetCore.Builder;
            namespace Site
            {
                public sealed class Root
                {
                    /// <summary>Says <c>hello</c>
                    /// to <paramref name="who"/>.</summary>
                    [Exposed] public string Hello(string who) => who;
                    /// <summary>Broken <b>markup</summary>
                    [Exposed] public string Broken() => "";
                }
            }
            public static class Startup { public static void Map(WebApplication app) { app.MapCherry<Site.Root>("/"); app.MapCherryOpenApi(); } }
            """;
        var options = GeneratorHarness.ParseOptions.WithDocumentationMode(mode);
        var plain = GeneratorHarness.Compile(program);
        var compilation = plain.ReplaceSyntaxTree(plain.SyntaxTrees.Single(), CSharpSyntaxTree.ParseText(program, options, path: "Source0.cs"));
        var driver = GeneratorHarness.CreateDriver().WithUpdatedParseOptions(options).RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        var document = result.GeneratedSources.Single(s => s.HintName.EndsWith("_OpenApi.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        // The GET and the HEAD that answers beside it carry the summary; the broken comment gives none.
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(document, "\"summary\": \"Says hello to who.\"").Count);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(document, "\"summary\"").Count);
    }

    [Fact]
    public void Two_roots_get_two_isolated_trees()
    {
        const string program = """
            using Cherry;
            using Microsoft.AspNetCore.Builder;
            public static class Startup
            {
                public static void Map(WebApplication app)
                {
                    app.MapCherry<Shop.Root>("/");
                    app.MapCherry(new Shop.Admin(), "/admin");
                }
            }
            """;
        var (result, output) = GeneratorHarness.Run(program, Sources.Tree);
        Assert.Equal(["Shop_Admin_CherryTree.g.cs", "Shop_Root_CherryTree.g.cs"], result.GeneratedTrees.Select(t => Path.GetFileName(t.FilePath)).Order());
        Assert.Empty(GeneratorHarness.Errors(output));
    }

    [Fact]
    public void A_quick_start_alone_mounts_its_root_and_another_run_call_does_not()
    {
        const string program = """
            using System.Threading.Tasks;
            using Cherry;
            public static class Program
            {
                public static Task Main(string[] args) => Quickstart.RunAsync<Shop.Root>(args);
                public static Task Other() => Task.Run<int>(() => 1);
            }
            """;
        var (result, output) = GeneratorHarness.Run(program, Sources.Tree);
        Assert.Equal(["Shop_Root_CherryTree.g.cs"], result.GeneratedTrees.Select(t => Path.GetFileName(t.FilePath)));
        Assert.Empty(GeneratorHarness.Errors(output));
    }

    [Fact]
    public void Roots_whose_names_differ_only_in_dots_and_underscores_get_distinct_trees()
    {
        const string program = """
            using Cherry;
            using Microsoft.AspNetCore.Builder;
            namespace A { public sealed class B_C { [Exposed] public string Index() => "A.B_C"; } }
            namespace A_B { public sealed class C { [Exposed] public string Index() => "A_B.C"; } }
            public static class Startup { public static void Map(WebApplication app) { app.MapCherry<A.B_C>("/one"); app.MapCherry<A_B.C>("/two"); } }
            """;
        var (result, output) = GeneratorHarness.Run(program);
        Assert.Null(result.Results.Single().Exception);
        Assert.Equal(["A_0B_C_CherryTree.g.cs", "A_B_0C_CherryTree.g.cs"], result.GeneratedTrees.Select(t => Path.GetFileName(t.FilePath)).Order());
        Assert.Empty(GeneratorHarness.Errors(output));
    }

    [Fact]
    public void Overloads_at_distinct_segments_each_get_an_invoker_and_one_whose_segment_is_taken_gets_none()
    {
        const string tree = """
            using Cherry;
            public class Base { [Exposed("c")] public string M(long big) => "c"; }
            public sealed class Over : Base
            {
                [Exposed("a")] public string M(string text) => "a";
                [Exposed("b")] public string M(int number) => "b";
                [Exposed] public string Index() => "first";
                [Exposed] public string Index(int page) => "taken: CHERRY0005";
                [Exposed] public string Find(string name) => name;
                [Exposed] public string Find(int id) => "taken: CHERRY0005";
            }
            """;
        var (result, output) = GeneratorHarness.Run(Sources.Program.Replace("Shop.Root", "Over"), tree);
        var source = Assert.Single(result.GeneratedTrees).GetText().ToString();
        Assert.All(new[] { "a", "b", "c", "find" }, segment => Assert.Contains("case \"" + segment + "\":", source));
        var invokers = source.Split('\n').Where(l => l.Contains("private global::System.Threading.Tasks.ValueTask Invoke")).ToList();
        Assert.Equal(5, invokers.Count);
        // The overloads that came second to a segment are not called: no binding of their parameters.
        Assert.DoesNotContain("raw_page", source);
        Assert.DoesNotContain("raw_id", source);
        Assert.Empty(GeneratorHarness.Errors(output));
    }

    [Fact]
    public void A_json_type_reached_through_a_listed_type_takes_its_metadata_from_that_context()
    {
        const string tree = """
            using System.Text.Json.Serialization;
            using Cherry;
            public sealed record Detail(string Text);
            public sealed record Inner(int Number);
            public sealed record Outer(Detail Detail, System.Collections.Generic.List<Inner> Inners);
            [JsonOut]
            public sealed class Api
            {
                [Exposed] public Detail Index() => new("x");
                [Exposed] public Inner One() => new(1);
            }
            [JsonSerializable(typeof(Outer))]
            internal abstract partial class ReachingJson : JsonSerializerContext { protected ReachingJson() : base(null) { } }
            [JsonSerializable(typeof(Inner))]
            internal abstract partial class ListingJson : JsonSerializerContext { protected ListingJson() : base(null) { } }
            """;
        var (result, _) = GeneratorHarness.Run(Sources.Program.Replace("Shop.Root", "Api"), tree);
        var source = Assert.Single(result.GeneratedTrees).GetText().ToString();
        Assert.Contains("context.Json<global::Detail>(global::ReachingJson.Default)", source);
        // Reached by ReachingJson too, but a context that lists a type is the one whose options were meant for it.
        Assert.Contains("context.Json<global::Inner>(global::ListingJson.Default)", source);
    }

    [Fact]
    public void A_json_type_whose_type_arguments_are_nullable_takes_the_listed_types_metadata()
    {
        const string tree = """
            using System.Collections.Generic;
            using System.Text.Json.Serialization;
            using Cherry;
            public sealed record Order(string Item);
            [JsonOut]
            public sealed class Api
            {
                [Exposed] public List<Order?> Recent() => new();
            }
            [JsonSerializable(typeof(List<Order>))]
            internal abstract partial class OrdersJson : JsonSerializerContext { protected OrdersJson() : base(null) { } }
            """;
        var (result, _) = GeneratorHarness.Run(GeneratorHarness.Mount("Api"), tree);
        var source = Assert.Single(result.GeneratedTrees).GetText().ToString();
        Assert.Contains("context.Json<global::System.Collections.Generic.List<global::Order?>>(global::OrdersJson.Default)", source);
    }

    [Fact]
    public void A_json_body_without_json_in_gets_json_in_and_one_under_json_in_keeps_it()
    {
        const string tree = """
            using Cherry;
            public sealed record Order(string Item);
            public sealed class Lenient { [Exposed] public string Place([JsonBody] Order order) => order.Item; }
            public sealed class Api
            {
                public Lenient Lenient { get; } = new();
                [Exposed] public string Place([JsonBody] Order order) => order.Item;
                [Exposed] public string Plain(string item) => item;
            }
            [JsonIn(Force = false)]
            public sealed class Root
            {
                public Api Api { get; } = new();
            }
            """;
        var (result, output) = GeneratorHarness.Run(Sources.Program.Replace("Shop.Root", "Api"), tree);
        var source = Assert.Single(result.GeneratedTrees).GetText().ToString();
        var entries = source.Split('\n').Where(l => l.Contains("new global::Cherry.Infrastructure.HandlerEntry(")).ToList();
        Assert.Contains(entries, e => e.Contains("\"/place\"") && e.Contains("new global::Cherry.JsonInAttribute().CreateTool()"));
        Assert.Contains(entries, e => e.Contains("\"/lenient/place\"") && e.Contains("JsonInAttribute()"));
        Assert.DoesNotContain(entries, e => e.Contains("\"/plain\"") && e.Contains("JsonIn"));

        // Under a class's [JsonIn], that one applies; no second json_in is added.
        var (underJsonIn, _) = GeneratorHarness.Run(Sources.Program.Replace("Shop.Root", "Root"), tree);
        var nested = Assert.Single(underJsonIn.GeneratedTrees).GetText().ToString();
        Assert.Contains("new global::Cherry.JsonInAttribute() { Force = false }.CreateTool()", nested);
        Assert.DoesNotContain("new global::Cherry.JsonInAttribute().CreateTool()", nested);
        Assert.Empty(GeneratorHarness.Errors(output));
    }

    [Fact]
    public void Handlers_with_unsupported_return_or_parameter_types_are_left_out()
    {
        // The analyzer reports them (CHERRY0001/0002, HandlerShapeTests); the valid handler is still generated.
        const string tree = """
            using Cherry;
            public sealed class Bad
            {
                [Exposed] public System.IO.Stream Open() => null!;
                [Exposed] public string Take(System.Action callback) => "";
                [Exposed] public string Fine() => "fine";
            }
            """;
        var (result, output) = GeneratorHarness.Run(Sources.Program.Replace("Shop.Root", "Bad"), tree);
        var source = Assert.Single(result.GeneratedTrees).GetText().ToString();
        Assert.Contains("\"fine\"", source);
        Assert.DoesNotContain("\"open\"", source);
        Assert.DoesNotContain("\"take\"", source);
        Assert.Empty(GeneratorHarness.Errors(output));
    }

    /// <summary>Bad user code: the generator reports or skips, never throws, and every error is on the user's line.</summary>
    [Theory]
    [InlineData("syntax error", "[Exposed] public string Broken( => \"\";")]
    [InlineData("unknown type", "[Exposed] public Missing Lost() => null!;")]
    [InlineData("punctuation conflict", "[Exposed] public string TranslateHtml() => \"a\"; [Exposed(\"translate.html\")] public string Other() => \"b\";")]
    [InlineData("index conflict", "[Exposed] public string Index() => \"a\"; [Exposed(\"index\")] public string Home() => \"b\";")]
    [InlineData("sub-tree conflict", "public Inner Posts { get; } = new(); [Exposed(\"posts\")] public string List() => \"b\";")]
    [InlineData("by-reference parameter", "[Exposed] public string Swap(ref string a) => a;")]
    [InlineData("generic handler", "[Exposed] public string Pick<T>() => typeof(T).Name;")]
    [InlineData("params not last", "[Exposed] public string Many(params string[] rest, int count) => \"\";")]
    [InlineData("bad dispatch hook", "[Dispatch] public string Next(int count) => \"\";")]
    [InlineData("repeated verb", "public Items Items { get; } = new();")]
    public void Bad_input_never_crashes_the_generator_and_errors_point_at_user_code(string what, string members)
    {
        var tree = """
            using Cherry;
            public sealed class Inner { [Exposed] public string Index() => "inner"; }
            [Rest] public sealed class Items { public string Get() => "all"; public string Get(int id, string more) => "one"; }
            public sealed class Bad
            {
            """ + members + """

            }
            """;
        var (result, output) = GeneratorHarness.Run(Sources.Program.Replace("Shop.Root", "Bad"), tree);
        Assert.Null(result.Results.Single().Exception);
        Assert.Empty(result.Diagnostics);
        Assert.All(GeneratorHarness.Errors(output), error =>
            Assert.True(error.Location.GetLineSpan().Path is "Source0.cs" or "Source1.cs", $"{what}: {error} is not in user code"));
    }

    [Fact]
    public void Editing_a_handler_regenerates_the_tree()
    {
        var compilation = GeneratorHarness.Compile(Sources.Program, Sources.Tree);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == "Source1.cs");
        var changed = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(Sources.Tree.Replace("public string About()", "public string AboutUs()"), GeneratorHarness.ParseOptions, path: "Source1.cs"));
        var result = driver.RunGenerators(changed).GetRunResult().Results.Single();
        Assert.Contains(result.TrackedSteps[CherryGenerator.TreesStep].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified || o.Reason == IncrementalStepRunReason.New);
        Assert.Contains("AboutUs", result.GeneratedSources.Single().SourceText.ToString());
    }
}
