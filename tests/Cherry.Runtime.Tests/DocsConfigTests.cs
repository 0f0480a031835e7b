using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Cherry.Integration.Tests;

/// <summary>
/// The guide's configuration examples load: each <c>```ini</c> block of <c>docs/guide/*.md</c> through the runtime's INI
/// reader, each <c>```json</c> block that configures Cherry through <see cref="IConfiguration"/> as an appsettings file,
/// with no error and every key there. (The same blocks are files of the guide's page projects, where the analyzers judge
/// them: tests/Cherry.Publish.Tests/GuideTests.)
/// </summary>
public sealed partial class GuideConfigTests
{
    private static string Guide([CallerFilePath] string path = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "docs", "guide"));

    public static TheoryData<string, int> IniBlocks => Blocks("ini");

    public static TheoryData<string, int> JsonBlocks => Blocks("json", b => b.Contains("\"Cherry\"", StringComparison.Ordinal));

    [Fact]
    public void The_guide_has_configuration_examples()
    {
        Assert.True(IniBlocks.Count >= 5, "the guide's INI blocks were not found");
        Assert.True(JsonBlocks.Count >= 1, "the guide's Cherry JSON blocks were not found");
    }

    [Theory]
    [MemberData(nameof(IniBlocks))]
    public void Each_ini_example_loads_every_key(string page, int block)
    {
        var text = Block(page, "ini", block);
        var config = CherryConfig.FromIni(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        var expected = text.Split('\n').Count(l => KeyLine().IsMatch(l));
        Assert.Equal(expected, config.Sections.Sum(s => config.ForPath(s == CherryConfig.GlobalSection ? "/" : s).Count(e => e.Section == s)));
    }

    [Theory]
    [MemberData(nameof(JsonBlocks))]
    public void Each_appsettings_example_loads_every_key(string page, int block)
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(Block(page, "json", block)))).Build();
        var keys = CherryConfig.FromConfigurationKeys(configuration.GetSection("Cherry:Global"), CherryConfig.GlobalSection).ForPath("/").Count();
        foreach (var mount in configuration.GetSection("Cherry:Apps").GetChildren())
        {
            var app = CherryConfig.FromConfiguration(mount);
            keys += app.Sections.Sum(s => app.ForPath(s == CherryConfig.GlobalSection ? "/" : s).Count(e => e.Section == s));
        }
        var leaves = configuration.AsEnumerable().Count(p => p.Value is not null && p.Key.StartsWith("Cherry:", StringComparison.Ordinal));
        Assert.Equal(leaves, keys);
    }

    /// <summary>The (page, n) of each block of a kind, n counted from 1 among that page's blocks of the kind.</summary>
    private static TheoryData<string, int> Blocks(string kind, Func<string, bool>? wanted = null)
    {
        var data = new TheoryData<string, int>();
        foreach (var file in Directory.GetFiles(Guide(), "*.md").Order(StringComparer.Ordinal))
        {
            var blocks = Fence().Matches(File.ReadAllText(file).ReplaceLineEndings("\n")).Where(m => m.Groups["kind"].Value == kind).ToList();
            for (var i = 0; i < blocks.Count; i++)
            {
                if (wanted?.Invoke(blocks[i].Groups["code"].Value) != false)
                {
                    data.Add(Path.GetFileNameWithoutExtension(file), i + 1);
                }
            }
        }
        return data;
    }

    private static string Block(string page, string kind, int block) =>
        Fence().Matches(File.ReadAllText(Path.Combine(Guide(), page + ".md")).ReplaceLineEndings("\n"))
            .Where(m => m.Groups["kind"].Value == kind).ElementAt(block - 1).Groups["code"].Value;

    [GeneratedRegex(@"^```(?<kind>ini|json)\b[^\n]*\n(?<code>.*?)^```[ \t]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();

    /// <summary>A <c>key = value</c> line of an INI file (not a section, comment or blank line).</summary>
    [GeneratedRegex(@"^[A-Za-z_][\w.\-]*\s*[=:]")]
    private static partial Regex KeyLine();
}
