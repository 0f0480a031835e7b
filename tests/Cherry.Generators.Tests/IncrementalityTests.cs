using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

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
        "namespace Shop; public sealed class ShopOptions { public int Pool { get; set; } } internal static class Typed { public static void Add(Cherry.CherryOptions o) => o.ConfigNamespace<ShopOptions>(\"shop\"); }");

    /// <summary>A driver that also sees a config file, so the tool-root steps run too.</summary>
    private static GeneratorDriver Driver() => GeneratorHarness.CreateDriver(("/app/shop.conf", "[/]\ntools.gzip.on = True\n"));

    [Fact]
    public void The_generator_declares_its_tracked_steps()
    {
        Assert.Equal(["ConfigNamespaces", "Exposed", "JsonSchemas", "JsonTypes", "OpenApi", "Rest", "Roots", "ToolFiles", "ToolMentions", "Trees"], TrackedSteps.Order());
    }

    [Fact]
    public void A_cloned_compilation_leaves_every_step_cached()
    {
        var compilation = App();
        var driver = Driver().RunGenerators(compilation);
        var first = driver.GetRunResult().Results.Single();
        var second = driver.RunGenerators(compilation.Clone()).GetRunResult().Results.Single();

        AssertEveryStepCached(second);
        Assert.Equal(4, first.GeneratedSources.Length);
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
