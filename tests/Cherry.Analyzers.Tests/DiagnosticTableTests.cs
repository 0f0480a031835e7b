using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cherry.Analyzers.Tests;

/// <summary>Every rule the analyzers report has its help page (with a wrong and a right example) and its release entry.</summary>
public sealed class DiagnosticTableTests
{
    private static string Root([CallerFilePath] string path = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));

    internal static IEnumerable<DiagnosticDescriptor> Descriptors => typeof(HandlerShapeAnalyzer).Assembly.GetTypes()
        .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
        .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics);

    public static TheoryData<string> Rules => [.. Descriptors.Select(d => d.Id).Distinct().Order()];

    public static TheoryData<string, string> HelpLinks
    {
        get
        {
            var links = new TheoryData<string, string>();
            foreach (var (id, link) in Descriptors.Select(d => (d.Id, d.HelpLinkUri)).Distinct().Order())
            {
                links.Add(id, link);
            }
            return links;
        }
    }

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

    /// <summary>An IDE opens a help link only when it is absolute; its path in the repository is the rule's page.</summary>
    [Theory]
    [MemberData(nameof(HelpLinks))]
    public void Each_rule_links_to_its_page_by_an_absolute_address(string id, string link)
    {
        Assert.True(Uri.IsWellFormedUriString(link, UriKind.Absolute), $"{id}'s help link '{link}' is not absolute");
        Assert.EndsWith("/" + id + ".md", link);
        const string Branch = "/blob/main/";
        var page = link[(link.IndexOf(Branch, StringComparison.Ordinal) + Branch.Length)..];
        Assert.Equal("docs/diagnostics/" + id + ".md", page);
        Assert.True(File.Exists(Path.Combine(Root(), page)), page + " is missing");
    }

    [Fact]
    public void Every_rule_has_one_help_link() => Assert.Equal(Rules.Count, HelpLinks.Count);

    [Fact]
    public void Every_rule_is_reported_by_someone() => Assert.Equal(23, Rules.Count);
}
