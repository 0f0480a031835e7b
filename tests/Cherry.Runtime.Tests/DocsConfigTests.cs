using System.Text;
using System.Text.RegularExpressions;
using Cherry.Analyzers.Tests;
using Microsoft.Extensions.Configuration;

namespace Cherry.Runtime.Tests;

/// <summary>
/// The configuration examples of the documents (<see cref="Documents"/>: README.md, docs/, the samples', templates' and
/// packages' READMEs) load with Cherry's own readers: each <c>```ini</c> block through the runtime's INI reader, each
/// <c>```json</c> block as the host reads a JSON configuration file, and the <c>Cherry</c> keys of an appsettings example
/// through the runtime's configuration reader, with no error and every key there. A block that shows what is refused is
/// marked by <c>&lt;!-- invalid: why --&gt;</c> on the line before its fence, and must then be refused. (The guide's blocks
/// are also files of its page projects, where the analyzers judge their keys: tests/Cherry.Publish.Tests/GuideTests.)
/// </summary>
public sealed partial class DocsConfigTests
{
    public static TheoryData<string, int> IniBlocks => Blocks("ini");

    public static TheoryData<string, int> JsonBlocks => Blocks("json");

    public static TheoryData<string, int> AppsettingsBlocks => Blocks("json", b => b.Contains("\"Cherry\"", StringComparison.Ordinal));

    [Fact]
    public void The_documents_have_configuration_examples()
    {
        Assert.True(IniBlocks.Count >= 15, "the documents' INI blocks were not found");
        Assert.True(JsonBlocks.Count >= 4, "the documents' JSON blocks were not found");
        Assert.True(AppsettingsBlocks.Count >= 1, "the documents' Cherry appsettings blocks were not found");
        Assert.Contains(IniBlocks, row => (string)row[0] == "README.md");
    }

    [Theory]
    [MemberData(nameof(IniBlocks))]
    public void Each_ini_example_loads_every_key(string document, int block)
    {
        var text = Block(document, "ini", block).Code;
        var config = CherryConfig.FromIni(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        var expected = text.Split('\n').Count(l => KeyLine().IsMatch(l));
        Assert.Equal(expected, config.Sections.Sum(s => config.ForPath(s == CherryConfig.GlobalSection ? "/" : s).Count(e => e.Section == s)));
    }

    /// <summary>What the host reads an appsettings file with: an object at the top, comments and trailing commas allowed.</summary>
    [Theory]
    [MemberData(nameof(JsonBlocks))]
    public void Each_json_example_reads_as_a_json_configuration_file(string document, int block) =>
        Assert.NotEmpty(Load(Block(document, "json", block).Code).AsEnumerable());

    [Theory]
    [MemberData(nameof(AppsettingsBlocks))]
    public void Each_appsettings_example_loads_every_Cherry_key(string document, int block)
    {
        var configuration = Load(Block(document, "json", block).Code);
        var keys = CherryConfig.FromConfigurationKeys(configuration.GetSection("Cherry:Global"), CherryConfig.GlobalSection).ForPath("/").Count();
        foreach (var mount in configuration.GetSection("Cherry:Apps").GetChildren())
        {
            var app = CherryConfig.FromConfiguration(mount);
            keys += app.Sections.Sum(s => app.ForPath(s == CherryConfig.GlobalSection ? "/" : s).Count(e => e.Section == s));
        }
        var leaves = configuration.AsEnumerable().Count(p => p.Value is not null && p.Key.StartsWith("Cherry:", StringComparison.Ordinal));
        Assert.Equal(leaves, keys);
    }

    /// <summary>A mark that no longer holds would hide a block from the tests above.</summary>
    [Fact]
    public void Each_example_marked_invalid_is_refused()
    {
        var marked = Documents.Markdown().SelectMany(d => Examples(d).Where(e => e.Invalid).Select(e => (Document: d, Example: e))).ToList();
        Assert.All(marked, m =>
        {
            var refused = Record.Exception(() =>
            {
                if (m.Example.Kind == "ini")
                {
                    CherryConfig.FromIni(new MemoryStream(Encoding.UTF8.GetBytes(m.Example.Code)));
                }
                else
                {
                    var configuration = Load(m.Example.Code);
                    CherryConfig.FromConfigurationKeys(configuration.GetSection("Cherry:Global"), CherryConfig.GlobalSection);
                    configuration.GetSection("Cherry:Apps").GetChildren().ToList().ForEach(mount => CherryConfig.FromConfiguration(mount));
                }
            });
            Assert.True(refused is not null, $"{m.Document}: the {m.Example.Kind} block {m.Example.Number} is marked invalid but loads");
        });
    }

    private static IConfigurationRoot Load(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

    /// <summary>One fenced block of a kind, numbered from 1 among the document's blocks of that kind.</summary>
    private sealed record Example(string Kind, int Number, string Code, bool Invalid);

    private static IEnumerable<Example> Examples(string document)
    {
        var text = Documents.Read(document);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Match fence in Fence().Matches(text))
        {
            var kind = fence.Groups["kind"].Value;
            counts[kind] = counts.GetValueOrDefault(kind) + 1;
            var before = text[..fence.Index].TrimEnd().Split('\n')[^1].Trim();
            yield return new Example(kind, counts[kind], fence.Groups["code"].Value, InvalidMark().IsMatch(before));
        }
    }

    /// <summary>The (document, n) of each block of a kind that is not marked invalid.</summary>
    private static TheoryData<string, int> Blocks(string kind, Func<string, bool>? wanted = null)
    {
        var data = new TheoryData<string, int>();
        foreach (var document in Documents.Markdown())
        {
            foreach (var example in Examples(document).Where(e => e.Kind == kind && !e.Invalid && wanted?.Invoke(e.Code) != false))
            {
                data.Add(document, example.Number);
            }
        }
        return data;
    }

    private static Example Block(string document, string kind, int number) => Examples(document).Single(e => e.Kind == kind && e.Number == number);

    [GeneratedRegex(@"^```(?<kind>ini|json)\b[^\n]*\n(?<code>.*?)^```[ \t]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();

    [GeneratedRegex(@"^<!--\s*invalid:.*-->$")]
    private static partial Regex InvalidMark();

    /// <summary>A <c>key = value</c> line of an INI file (not a section, comment or blank line).</summary>
    [GeneratedRegex(@"^[A-Za-z_][\w.\-]*\s*[=:]")]
    private static partial Regex KeyLine();
}
