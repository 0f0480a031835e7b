using System.Collections;
using System.Reflection;
using Cherry.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Cherry.Generators.Tests;

/// <summary>
/// The generator's caching, checked on its structure rather than on a list kept by hand: every step name the generator
/// declares is found by reflection, must be tracked, must be cached when the compilation is only cloned or edited
/// elsewhere, and no step may hand on a symbol, syntax node or compilation (which would defeat caching and hold memory).
/// </summary>
public sealed class IncrementalityTests
{
    private static readonly string[] TrackedSteps = typeof(CherryGenerator)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name.EndsWith("Step", StringComparison.Ordinal))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    // The app serves its OpenAPI document and binds a typed config namespace, so those steps and outputs are checked too.
    private static CSharpCompilation App() => GeneratorHarness.Compile(Sources.Program, Sources.Tree, Sources.JsonContext, Sources.OpenApi,
        "namespace Shop; internal static class Settings { public const string Key = \"tools.etags.on\"; }",
        "namespace Shop; public sealed class ShopOptions { public int Pool { get; set; } } internal static class Typed { public static void Add(Cherry.CherryOptions o) => o.ConfigNamespace<ShopOptions>(\"shop\"); }",
        "namespace Shop; [Cherry.ToolDeclaration(\"stamp\", Cherry.HookPoint.BeforeFinalize)] public sealed partial class StampAttribute : Cherry.ToolAttribute { public string By { get; set; } = \"shop\"; public void Run(Cherry.Request request) { request.Response.Headers[\"X-By\"] = By; } }");

    /// <summary>A driver that also sees a config file, so the tool-root steps run too.</summary>
    private static GeneratorDriver Driver() => GeneratorHarness.CreateDriver(("/app/shop.conf", "[/]\ntools.gzip.on = True\n"));

    [Fact]
    public void The_generator_declares_its_tracked_steps()
    {
        Assert.Equal(["ConfigNamespaces", "Exposed", "JsonSchemas", "JsonTypes", "OpenApi", "Rest", "Roots", "ToolDeclarations", "ToolFiles", "ToolMentions", "Trees"], TrackedSteps.Order());
    }

    [Fact]
    public void A_cloned_compilation_leaves_every_step_cached()
    {
        var compilation = App();
        var driver = Driver().RunGenerators(compilation);
        var first = driver.GetRunResult().Results.Single();
        var second = driver.RunGenerators(compilation.Clone()).GetRunResult().Results.Single();

        AssertEveryStepCached(second);
        Assert.Equal(5, first.GeneratedSources.Length);
        Assert.Equal(first.GeneratedSources.Select(s => s.SourceText.ToString()), second.GeneratedSources.Select(s => s.SourceText.ToString()));
    }

    [Fact]
    public void An_unrelated_edit_leaves_every_step_cached()
    {
        var compilation = App();
        var driver = Driver().RunGenerators(compilation);
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Shop; internal static class Unrelated { public static int Answer() => 42; }", GeneratorHarness.ParseOptions, path: "Unrelated.cs"));

        AssertEveryStepCached(driver.RunGenerators(edited).GetRunResult().Results.Single());
    }

    /// <summary>A method body (a handler's, a declared tool's hook) is no part of any spec: an edit inside one, as typed in an editor, re-plans and re-emits nothing.</summary>
    [Theory]
    [InlineData("\"Hello \" + name", "\"Hi \" + name")]
    [InlineData("public void Nothing() { }", "public void Nothing() { System.Console.WriteLine(); }")]
    [InlineData("=> \"list\"", "=> \"all\"")]
    [InlineData("[\"X-By\"] = By;", "[\"X-By\"] = By + \"!\";")]
    public void A_method_body_edit_leaves_every_step_cached(string from, string to)
    {
        var compilation = App();
        var driver = Driver().RunGenerators(compilation);

        AssertEveryStepCached(driver.RunGenerators(Edit(compilation, from, to)).GetRunResult().Results.Single());
    }

    /// <summary>Two roots: a handler added to one root's class re-emits that root's tree and document, not the other's.</summary>
    [Fact]
    public void An_edit_to_one_roots_class_leaves_the_other_roots_outputs_cached()
    {
        const string program = """
            using Cherry;
            using Microsoft.AspNetCore.Builder;
            public static class Startup
            {
                public static void Map(WebApplication app)
                {
                    app.MapCherry<Shop.Root>("/");
                    app.MapCherry<Shop.Reports>("/reports");
                }
            }
            """;
        var compilation = GeneratorHarness.Compile(program, Sources.Tree, Sources.OpenApi);
        var driver = Driver().RunGenerators(compilation);
        var edited = Edit(compilation, "[Exposed] public void Nothing() { }", "[Exposed] public void Nothing() { }\n    [Exposed] public string Added() => \"added\";");
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var trees = Outputs(result, CherryGenerator.TreesStep).ToDictionary(o => ((TreeSpec)o.Spec).HintName, o => o.Reason);
        Assert.Equal(IncrementalStepRunReason.Modified, trees["Shop_Root_CherryTree.g.cs"]);
        Assert.True(IsCached(trees["Shop_Reports_CherryTree.g.cs"]), $"the other root's tree was {trees["Shop_Reports_CherryTree.g.cs"]}");
        var documents = Outputs(result, CherryGenerator.OpenApiStep).ToDictionary(o => ((OpenApiSpec)o.Spec).HintName, o => o.Reason);
        Assert.Equal(IncrementalStepRunReason.Modified, documents["Shop_Root_CherryTree_OpenApi.g.cs"]);
        Assert.True(IsCached(documents["Shop_Reports_CherryTree_OpenApi.g.cs"]), $"the other root's document was {documents["Shop_Reports_CherryTree_OpenApi.g.cs"]}");
    }

    /// <summary>
    /// A handler's summary feeds the OpenAPI document alone: editing its <c>///</c> comment plans and emits no tree again,
    /// with or without the document, and the document (when the app serves one) takes the new summary.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_doc_comment_edit_leaves_the_dispatch_output_cached(bool openApi)
    {
        var tree = Sources.Tree.Replace("[Exposed] public string Index(string name", "/// <summary>Greets.</summary>\n    [Exposed] public string Index(string name");
        var compilation = openApi
            ? GeneratorHarness.Compile(Sources.Program, tree, Sources.OpenApi)
            : GeneratorHarness.Compile(Sources.Program, tree);
        var driver = Driver().RunGenerators(compilation);
        var result = driver.RunGenerators(Edit(compilation, "Greets.", "Says hello.")).GetRunResult().Results.Single();

        Assert.All(result.TrackedSteps[CherryGenerator.TreesStep].SelectMany(s => s.Outputs), o => Assert.True(IsCached(o.Reason), $"a tree was {o.Reason}"));
        var trees = Outputs(result, CherryGenerator.TreesStep).ToList();
        Assert.NotEmpty(trees);
        Assert.All(trees, o => Assert.True(IsCached(o.Reason), $"the dispatch output was {o.Reason}"));
        var documents = result.GeneratedSources.Where(s => s.HintName.EndsWith("_OpenApi.g.cs", StringComparison.Ordinal)).ToList();
        if (openApi)
        {
            Assert.Contains("\"summary\": \"Says hello.\"", Assert.Single(documents).SourceText.ToString());
        }
        else
        {
            Assert.Empty(documents);
        }
    }

    [Fact]
    public void No_step_output_holds_a_symbol_a_syntax_node_or_a_compilation()
    {
        var result = Driver().RunGenerators(App()).GetRunResult().Results.Single();
        foreach (var step in TrackedSteps)
        {
            foreach (var output in result.TrackedSteps[step].SelectMany(s => s.Outputs))
            {
                AssertHoldsNoRoslynState(output.Value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    /// <summary>The compilation with the one file that holds <paramref name="from"/> edited in place, as an editor changes it.</summary>
    private static CSharpCompilation Edit(CSharpCompilation compilation, string from, string to)
    {
        var tree = compilation.SyntaxTrees.Single(t => t.ToString().Contains(from, StringComparison.Ordinal));
        var text = tree.GetText();
        var change = new TextChange(new TextSpan(text.ToString().IndexOf(from, StringComparison.Ordinal), from.Length), to);
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(text.WithChanges(change)));
    }

    /// <summary>Each source output made from a spec of <paramref name="step"/>: the spec, and why the output ran.</summary>
    private static IEnumerable<(object Spec, IncrementalStepRunReason Reason)> Outputs(GeneratorRunResult result, string step) =>
        from output in result.TrackedOutputSteps.SelectMany(s => s.Value)
        let input = output.Inputs.Single()
        where input.Source.Name == step
        select (input.Source.Outputs[input.OutputIndex].Value, output.Outputs.Single().Reason);

    private static bool IsCached(IncrementalStepRunReason reason) => reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged;

    private static void AssertEveryStepCached(GeneratorRunResult result)
    {
        foreach (var step in TrackedSteps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), $"step {step} was not tracked");
            var outputs = result.TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
            Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"step {step} was {o.Reason}"));
        }
        var emitted = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(emitted);
        Assert.All(emitted, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"output was {o.Reason}"));
    }

    /// <summary>Walks the value's fields (and a sequence's items) down to strings and primitives.</summary>
    private static void AssertHoldsNoRoslynState(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || (!value.GetType().IsValueType && !seen.Add(value)))
        {
            return;
        }
        Assert.False(value is ISymbol or SyntaxNode or SyntaxTree or Compilation or SemanticModel, $"{path} holds a {value.GetType().Name}");
        if (value is IEnumerable items)
        {
            var index = 0;
            foreach (var item in items)
            {
                AssertHoldsNoRoslynState(item, $"{path}[{index++}]", seen);
            }
            return;
        }
        for (var type = value.GetType(); type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                AssertHoldsNoRoslynState(field.GetValue(value), path + "." + field.Name, seen);
            }
        }
    }
}
