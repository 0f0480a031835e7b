using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Cherry.Publish.Tests;

/// <summary>
/// Every C# block of <c>docs/guide/*.md</c> compiles, so the guide cannot drift from the code. The convention
/// (stated in docs/guide/README.md): a <c>```csharp</c> block is a whole file; the blocks of one page are the files of
/// one project, which references Cherry the way the samples do (the runtime, and the generator and analyzers as
/// analyzers), with native AOT on and warnings as errors. <c>```csharp fragment</c> blocks are not compiled.
/// A page's <c>```ini</c> blocks and the <c>```json</c> blocks that configure Cherry are files of its project too
/// (<c>```ini site.conf</c> names the file; others are <c>blockN.conf</c> and <c>appsettings.blockN.json</c>), so the
/// analyzers judge every key, value and section of them as they judge an app's (CHERRY0018–0021).
/// All pages build in one <c>dotnet build</c> of a scratch solution.
/// </summary>
[Trait("Category", "Slow")]
public sealed partial class GuideTests(ITestOutputHelper output)
{
    private static readonly string GuideDirectory = Path.Combine(Repository.Root, "docs", "guide");

    /// <summary>Page-specific project content: the testing page's blocks are a test project's files.</summary>
    private static readonly Dictionary<string, string> PageProperties = new(StringComparer.Ordinal)
    {
        ["testing"] = """
              <PropertyGroup><PublishAot>false</PublishAot></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.AspNetCore.Mvc.Testing" Version="10.0.12" />
                <PackageReference Include="xunit" Version="2.9.3" />
              </ItemGroup>
            """,
    };

    [Fact]
    public void The_guide_has_pages_and_every_page_states_its_blocks()
    {
        var pages = Pages();
        Assert.Contains("README", pages.Keys);
        Assert.True(pages.Values.Sum(p => p.Count) >= 20, "the guide's C# blocks were not found");
    }

    [Fact]
    public async Task Every_csharp_block_of_the_guide_compiles_with_warnings_as_errors()
    {
        var stopwatch = Stopwatch.StartNew();
        var scratch = Directory.CreateTempSubdirectory("cherry-guide-").FullName;
        try
        {
            var (projects, blocks) = WriteScratch(scratch);
            var (exitCode, log) = await Repository.RunAsync("dotnet", "build Guide.slnx -c Debug -warnaserror -nologo -clp:ErrorsOnly",
                scratch, TimeSpan.FromMinutes(10));
            output.WriteLine($"{blocks} blocks in {projects} page projects built in {stopwatch.Elapsed.TotalSeconds:F0} s");
            Assert.True(exitCode == 0, "a guide block does not compile (file names are page/blockN.cs, N counted from 1 in the page):\n" + log);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>Writes one project per page that has compiled blocks, and the solution naming them.</summary>
    internal static (int Projects, int Blocks) WriteScratch(string scratch)
    {
        // Nothing above the scratch folder may add to its projects.
        File.WriteAllText(Path.Combine(scratch, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(scratch, "Directory.Build.targets"), "<Project />\n");
        var solution = new StringBuilder("<Solution>\n");
        var (projects, count) = (0, 0);
        var configFiles = ConfigFiles();
        foreach (var (page, blocks) in Pages().Where(p => p.Value.Count > 0 || configFiles[p.Key].Count > 0))
        {
            var folder = Path.Combine(scratch, page);
            Directory.CreateDirectory(folder);
            for (var i = 0; i < blocks.Count; i++)
            {
                File.WriteAllText(Path.Combine(folder, $"block{i + 1}.cs"), blocks[i]);
            }
            foreach (var (name, text) in configFiles[page])
            {
                File.WriteAllText(Path.Combine(folder, name), text);
            }
            var isProgram = blocks.Any(IsProgram);
            File.WriteAllText(Path.Combine(folder, page + ".csproj"), Project(isProgram, PageProperties.GetValueOrDefault(page, "")));
            solution.Append($"  <Project Path=\"{page}/{page}.csproj\" />\n");
            projects++;
            count += blocks.Count;
        }
        File.WriteAllText(Path.Combine(scratch, "Guide.slnx"), solution.Append("</Solution>\n").ToString());
        return (projects, count);
    }

    /// <summary>The compiled blocks of each page, by page name (the file name without .md).</summary>
    internal static SortedDictionary<string, List<string>> Pages()
    {
        var pages = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(GuideDirectory, "*.md"))
        {
            var blocks = Blocks(File.ReadAllText(file)).ToList();
            pages[Path.GetFileNameWithoutExtension(file)] = blocks;
        }
        return pages;
    }

    /// <summary>
    /// The config files of each page: its ```ini blocks, and its ```json blocks with a top-level "Cherry" key, named by
    /// the info string's second word or by their place in the page.
    /// </summary>
    internal static SortedDictionary<string, List<(string Name, string Text)>> ConfigFiles()
    {
        var pages = new SortedDictionary<string, List<(string Name, string Text)>>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(GuideDirectory, "*.md"))
        {
            var files = new List<(string Name, string Text)>();
            var index = 0;
            foreach (Match block in ConfigFence().Matches(File.ReadAllText(file).ReplaceLineEndings("\n")))
            {
                index++;
                var (kind, name, text) = (block.Groups["kind"].Value, block.Groups["name"].Value, block.Groups["code"].Value);
                if (kind == "json" && !text.Contains("\"Cherry\"", StringComparison.Ordinal))
                {
                    continue;
                }
                files.Add((name.Length > 0 ? name : kind == "ini" ? $"block{index}.conf" : $"appsettings.block{index}.json", text));
            }
            pages[Path.GetFileNameWithoutExtension(file)] = files;
        }
        return pages;
    }

    /// <summary>The ```csharp blocks of a page; ```csharp fragment (or any other info string) is skipped.</summary>
    internal static IEnumerable<string> Blocks(string markdown) =>
        Fence().Matches(markdown.ReplaceLineEndings("\n")).Select(m => m.Groups["code"].Value);

    /// <summary>A block with top-level statements (a Program.cs) makes its page's project an executable.</summary>
    private static bool IsProgram(string block) =>
        block.Split('\n').Any(l => TopLevelStatement().IsMatch(l));

    private static string Project(bool isProgram, string extra) => $"""
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <OutputType>{(isProgram ? "Exe" : "Library")}</OutputType>
            <LangVersion>latest</LangVersion>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <PublishAot>true</PublishAot>
            <InvariantGlobalization>true</InvariantGlobalization>
            <IsPackable>false</IsPackable>
          </PropertyGroup>
          <!-- The content convention a package consumer gets: *.conf and appsettings*.json are the analyzers' AdditionalFiles. -->
          <Import Project="{Repository.Root}/Cherry.Runtime/build/Cherry.targets" />
          <ItemGroup>
            <ProjectReference Include="{Repository.Root}/Cherry.Runtime/Cherry.Runtime.csproj" />
            <ProjectReference Include="{Repository.Root}/Cherry.Generators/Cherry.Generators.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" UndefineProperties="PublishAot;RuntimeIdentifier;SelfContained" />
            <ProjectReference Include="{Repository.Root}/Cherry.Analyzers/Cherry.Analyzers.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" UndefineProperties="PublishAot;RuntimeIdentifier;SelfContained" />
          </ItemGroup>
        {extra}
        </Project>

        """;

    [GeneratedRegex(@"^```csharp[ \t]*\n(?<code>.*?)^```[ \t]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();

    [GeneratedRegex(@"^```(?<kind>ini|json)(?:[ \t]+(?<name>[\w.-]+))?[ \t]*\n(?<code>.*?)^```[ \t]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex ConfigFence();

    [GeneratedRegex(@"^(var |await |app\.|builder\.|return )")]
    private static partial Regex TopLevelStatement();
}
