using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cherry.Analyzers.Tests;

/// <summary>Every rule the analyzers report has its help page (with a wrong and a right example) and its release entry.</summary>
public sealed class DiagnosticTableTests
{
    private static string Root([CallerFilePath] string path = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));

    public static TheoryData<string> Rules => [.. typeof(HandlerShapeAnalyzer).Assembly.GetTypes()
        .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
        .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
        .Select(d => d.Id)
        .Distinct()
        .Order()];

    [Theory]
    [MemberData(nameof(Rules))]
    public void Each_rule_has_a_help_page_with_examples_and_a_release_entry(string id)
    {
        var page = Path.Combine(Root(), "docs", "diagnostics", id + ".md");
        Assert.True(File.Exists(page), page + " is missing");
        var text = File.ReadAllText(page);
        Assert.StartsWith("# " + id + ": ", text);
        Assert.Contains("## Wrong", text);
        Assert.Contains("## Right", text);
        var releases = File.ReadAllText(Path.Combine(Root(), "Shared", "Diagnostics", "AnalyzerReleases.Unshipped.md"));
        Assert.Contains(id + " |", releases);
    }

    [Fact]
    public void Every_rule_is_reported_by_someone() => Assert.Equal(14, Rules.Count);
}
