using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Cherry.Analyzers.Tests;

/// <summary>
/// The samples' own config files, misspelt one way at a time, with the samples' own sources: each misspelling of a
/// tool, an argument, a switch's or number's value, or a section that configures tools is a diagnostic on its line
/// (CHERRY0018–0020), and the files as shipped get none. Sections that only serve static files name URLs outside the
/// tree, so a misspelt one cannot be told from a new one; they are left out, as CHERRY0020's page says.
/// </summary>
public sealed partial class SampleConfigTests
{
    private static string Samples([CallerFilePath] string path = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "samples"));

    public static TheoryData<string, string> ConfigFiles => new() { { "Wiki", "wiki.conf" }, { "Conformance", "conformance.conf" } };

    [Theory]
    [MemberData(nameof(ConfigFiles))]
    public async Task Every_misspelling_of_a_samples_config_is_reported_on_its_line(string sample, string file)
    {
        var compilation = Compile(sample);
        var text = await File.ReadAllTextAsync(Path.Combine(Samples(), sample, file));
        Assert.Empty(await ConfigDiagnosticsAsync(compilation, file, text));

        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var mutations = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (var (mutated, expected) in Mutations(lines, i))
            {
                var copy = (string[])lines.Clone();
                copy[i] = mutated;
                var found = await ConfigDiagnosticsAsync(compilation, file, string.Join("\n", copy));
                Assert.True(found.Any(d => d.Id == expected && d.Location.GetLineSpan().StartLinePosition.Line == i),
                    $"{file} line {i + 1} as '{mutated}': expected {expected} on that line, got [{string.Join("; ", found)}]");
                mutations++;
            }
        }
        Assert.True(mutations >= 20, $"only {mutations} mutations of {file}");
    }

    /// <summary>The misspellings of one line and the diagnostic each must get.</summary>
    private static IEnumerable<(string Line, string Id)> Mutations(string[] lines, int index)
    {
        var line = lines[index];
        if (ToolKey().Match(line) is { Success: true } key)
        {
            var (tool, argument, value) = (key.Groups["tool"].Value, key.Groups["argument"].Value, key.Groups["value"].Value);
            yield return ($"tools.{tool}x.{argument} = {value}", "CHERRY0018");
            yield return ($"tools.{tool}.{argument}x = {value}", "CHERRY0018");
            yield return ($"tools.{tool}.{argument} = soon", "CHERRY0019");
            if (value is "True" or "False" || double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                yield return ($"tools.{tool}.{argument} = 'soon'", "CHERRY0019");
            }
        }
        else if (Section().Match(line) is { Success: true } section && section.Groups["path"].Value.Length > 1 && ConfiguresTreeTools(lines, index))
        {
            yield return ($"[{section.Groups["path"].Value}q]", "CHERRY0020");
        }
    }

    /// <summary>Whether the section starting at <paramref name="header"/> sets tools and no static files.</summary>
    private static bool ConfiguresTreeTools(string[] lines, int header)
    {
        var keys = lines.Skip(header + 1).TakeWhile(l => !Section().IsMatch(l)).Where(l => ToolKey().IsMatch(l)).ToList();
        return keys.Count > 0 && !keys.Any(k => k.StartsWith("tools.staticdir.", StringComparison.Ordinal) || k.StartsWith("tools.staticfile.", StringComparison.Ordinal));
    }

    private static CSharpCompilation Compile(string sample)
    {
        var sources = Directory.GetFiles(Path.Combine(Samples(), sample), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), path: f))
            .Append(CSharpSyntaxTree.ParseText(Verify.Usings + "global using System.IO;\nglobal using System.Linq;\nglobal using Microsoft.AspNetCore.Builder;\n"));
        return CSharpCompilation.Create(sample, sources, Verify.References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }

    private static async Task<ImmutableArray<Diagnostic>> ConfigDiagnosticsAsync(Compilation compilation, string name, string text)
    {
        var options = new AnalyzerOptions([new InMemoryText(name, text)]);
        var diagnostics = await compilation.WithAnalyzers([new ConfigFileAnalyzer(), new ToolNeedsAnalyzer()], options).GetAnalyzerDiagnosticsAsync();
        return diagnostics;
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    [GeneratedRegex(@"^tools\.(?<tool>\w+)\.(?<argument>\w+)\s*=\s*(?<value>.+)$")]
    private static partial Regex ToolKey();

    [GeneratedRegex(@"^\[(?<path>[^\]]+)\]\s*$")]
    private static partial Regex Section();
}
