using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Cherry.Publish.Tests;

/// <summary>
/// The packages, made once for the package tests with the pack command that docs/getting-started.md documents, run
/// in a copy of the product sources so the test run's own build outputs are left alone:
/// <c>work/cherry</c> is the checkout, <c>work/cherry-feed</c> the feed, as in the guide. The version is unique per
/// run (the guide's <c>-p:Version=</c> for re-packing), so no package NuGet cached earlier can stand in for these.
/// </summary>
public sealed class PackedFeed : IAsyncLifetime
{
    private static readonly string[] ProductFolders = ["Cherry.Runtime", "Cherry.Generators", "Cherry.Analyzers", "Cherry.CodeFixes", "Cherry.Stores", "Shared", "templates", "docs/diagnostics"];
    private static readonly string[] ProductFiles = ["Directory.Build.props", "Directory.Packages.props", "global.json", "README.md", "Cherry.sln", "Cherry.Packages.slnf"];

    public string Work { get; } = Directory.CreateTempSubdirectory("cherry-packages-").FullName;

    public string Checkout => Path.Combine(Work, "cherry");

    public string Feed => Path.Combine(Work, "cherry-feed");

    public string Version { get; } = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The guide's pack command as it is written there.</summary>
    public string PackCommand { get; private set; } = "";

    public string PackLog { get; private set; } = "";

    public TimeSpan PackDuration { get; private set; }

    /// <summary>
    /// The environment for builds of the consumers: a private global packages folder (the machine's stays untouched),
    /// with the machine's as a read-only fallback so packages it already holds (xunit, the AOT compiler) are not
    /// downloaded again.
    /// </summary>
    public IReadOnlyDictionary<string, string> RestoreEnvironment(string name) => new Dictionary<string, string>
    {
        ["NUGET_PACKAGES"] = Path.Combine(Work, "packages-" + name),
        ["RestoreFallbackFolders"] = MachinePackages,
    };

    private static string MachinePackages =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    public string Package(string id, string extension = "nupkg") => Path.Combine(Feed, $"{id}.{Version}.{extension}");

    public async Task InitializeAsync()
    {
        foreach (var folder in ProductFolders)
        {
            CopyDirectory(Path.Combine(Repository.Root, folder), Path.Combine(Checkout, folder));
        }
        foreach (var file in ProductFiles)
        {
            File.Copy(Path.Combine(Repository.Root, file), Path.Combine(Checkout, file));
        }

        PackCommand = Guide.Commands().Single(c => c.StartsWith("dotnet pack ", StringComparison.Ordinal));
        var stopwatch = Stopwatch.StartNew();
        var (exitCode, log) = await Repository.RunAsync("dotnet", PackCommand["dotnet ".Length..] + " -p:Version=" + Version, Checkout, TimeSpan.FromMinutes(10));
        PackDuration = stopwatch.Elapsed;
        PackLog = log;
        Assert.True(exitCode == 0, $"`{PackCommand}` failed:\n{log}");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Work, recursive: true);
        return Task.CompletedTask;
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar) is var parts && (parts.Contains("bin") || parts.Contains("obj")))
            {
                continue;
            }
            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

/// <summary>The tests that use the packed feed share one pack and run one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class PackagesCollection : ICollectionFixture<PackedFeed>
{
    public const string Name = "Packages";
}

/// <summary>docs/getting-started.md, read the way a reader follows it: its files, its commands, its expected answers.</summary>
internal static partial class Guide
{
    public static string Text => File.ReadAllText(Path.Combine(Repository.Root, "docs", "getting-started.md"));

    /// <summary>Fenced code blocks with their info string.</summary>
    public static IEnumerable<(string Language, string Code, string LineBefore)> Blocks()
    {
        foreach (Match match in FencedBlock().Matches(Text.ReplaceLineEndings("\n")))
        {
            yield return (match.Groups["lang"].Value, match.Groups["code"].Value, match.Groups["before"].Value.Trim());
        }
    }

    /// <summary>The files the guide shows: a block right under a line that is only <c>`name`</c>.</summary>
    public static IReadOnlyDictionary<string, string> Files() =>
        Blocks().Select(b => (b.Code, Name: FileName().Match(b.LineBefore)))
            .Where(b => b.Name.Success)
            .ToDictionary(b => b.Name.Groups[1].Value, b => b.Code);

    /// <summary>Every line of the bash blocks that is not a comment.</summary>
    public static IEnumerable<string> Commands() =>
        Blocks().Where(b => b.Language == "bash")
            .SelectMany(b => b.Code.Split('\n'))
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'));

    /// <summary>Each <c>curl 'URL'</c> line of a bash block with the answer on the <c># ...</c> line under it.</summary>
    public static IEnumerable<(Uri Url, string Answer)> Requests()
    {
        foreach (var block in Blocks().Where(b => b.Language == "bash"))
        {
            var lines = block.Code.Split('\n');
            for (var i = 0; i + 1 < lines.Length; i++)
            {
                if (Curl().Match(lines[i]) is { Success: true } curl && lines[i + 1].StartsWith("# ", StringComparison.Ordinal))
                {
                    yield return (new Uri(curl.Groups[1].Value), lines[i + 1][2..]);
                }
            }
        }
    }

    [GeneratedRegex(@"(?<before>[^\n]*)\n```(?<lang>\w*)\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    [GeneratedRegex(@"^`([\w./-]+)`$")]
    private static partial Regex FileName();

    [GeneratedRegex(@"^curl '([^']+)'$")]
    private static partial Regex Curl();
}
