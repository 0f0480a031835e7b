using System.Net;
using System.Xml.Linq;
using Xunit.Abstractions;

namespace Cherry.Publish.Tests;

/// <summary>
/// One package: <c>dotnet pack</c> makes a <c>Cherry</c> package carrying the runtime with the generator, analyzers and code fixes,
/// and a fresh project that references only that package, from a local feed, builds, runs and answers.
/// </summary>
public sealed class PackageTests(ITestOutputHelper output)
{
    private static readonly string[] ProductFolders = ["Cherry.Runtime", "Cherry.Generators", "Cherry.Analyzers", "Cherry.CodeFixes", "Shared"];
    private static readonly string[] ProductFiles = ["Directory.Build.props", "global.json", "README.md"];

    [Fact]
    public async Task A_new_consumer_uses_the_package_from_a_local_feed()
    {
        var work = Directory.CreateTempSubdirectory("cherry-pack-").FullName;
        try
        {
            // Pack from a copy so the test run's own build outputs are left alone.
            var source = Path.Combine(work, "src");
            foreach (var folder in ProductFolders)
            {
                CopyDirectory(Path.Combine(Repository.Root, folder), Path.Combine(source, folder));
            }
            foreach (var file in ProductFiles)
            {
                File.Copy(Path.Combine(Repository.Root, file), Path.Combine(source, file));
            }
            var feed = Path.Combine(work, "feed");
            var version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");
            var (packExit, packLog) = await Repository.RunAsync("dotnet", $"pack Cherry.Runtime/Cherry.Runtime.csproj -c Release -o \"{feed}\" -p:Version={version}", source, TimeSpan.FromMinutes(5));
            Assert.True(packExit == 0, "pack failed:\n" + packLog);
            var package = Path.Combine(feed, $"Cherry.{version}.nupkg");
            Assert.True(File.Exists(package), "no package at " + package);
            using (var zip = System.IO.Compression.ZipFile.OpenRead(package))
            {
                var entries = zip.Entries.Select(e => e.FullName).ToList();
                Assert.Contains("lib/net10.0/Cherry.Runtime.dll", entries);
                Assert.Contains("analyzers/dotnet/cs/Cherry.Generators.dll", entries);
                Assert.Contains("analyzers/dotnet/cs/Cherry.Analyzers.dll", entries);
                Assert.Contains("analyzers/dotnet/cs/Cherry.CodeFixes.dll", entries);
            }

            var consumer = Path.Combine(work, "consumer");
            Directory.CreateDirectory(consumer);
            File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <!-- Beside the machine's own sources; the test version exists only here. -->
                    <add key="local" value="{feed}" />
                  </packageSources>
                </configuration>
                """);
            File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), new XDocument(
                new XElement("Project", new XAttribute("Sdk", "Microsoft.NET.Sdk.Web"),
                    new XElement("PropertyGroup",
                        new XElement("TargetFramework", "net10.0"),
                        new XElement("Nullable", "enable"),
                        new XElement("ImplicitUsings", "enable")),
                    new XElement("ItemGroup",
                        new XElement("PackageReference", new XAttribute("Include", "Cherry"), new XAttribute("Version", version))))).ToString());
            File.WriteAllText(Path.Combine(consumer, "Program.cs"), """
                using Cherry;

                var builder = WebApplication.CreateSlimBuilder(args);
                builder.Services.AddCherry();
                var app = builder.Build();
                app.MapCherry<Shop>("/");
                app.Run();

                public sealed class Shop
                {
                    public Basket Basket { get; } = new();

                    [Exposed]
                    public string Index(string who = "stranger") => "Welcome, " + who;

                    // The package's analyzers run in the consumer's build: this is CHERRY0004.
                    [Exposed]
                    internal string Secret() => "hidden";
                }

                public sealed class Basket
                {
                    [Exposed]
                    public string Index() => "basket";

                    [Exposed]
                    public string Add(string item, int count = 1) => $"{count} x {item}";
                }
                """);
            var packages = Path.Combine(work, "packages");
            var (buildExit, buildLog) = await Repository.RunAsync("dotnet", $"build -c Release -p:RestorePackagesPath=\"{packages}\"", consumer, TimeSpan.FromMinutes(5));
            Assert.True(buildExit == 0, "consumer build failed:\n" + buildLog);
            Assert.Contains("warning CHERRY0004", buildLog);
            // Every analyzer assembly loads (the code fixes' one included) without CS8032.
            Assert.DoesNotContain("CS8032", buildLog);

            var port = Repository.FreePort();
            var dll = Path.Combine(consumer, "bin", "Release", "net10.0", "Consumer.dll");
            var (process, startUp) = await Repository.StartServerAsync("dotnet", $"\"{dll}\" --urls http://127.0.0.1:{port}", port);
            try
            {
                output.WriteLine($"consumer listening after {startUp.TotalMilliseconds:F0} ms");
                using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
                Assert.Equal("Welcome, Ada", await client.GetStringAsync("/?who=Ada"));
                Assert.Equal("3 x pear", await client.GetStringAsync("/basket/add?item=pear&count=3"));
                Assert.Equal(HttpStatusCode.MovedPermanently, (await client.GetAsync("/basket")).StatusCode);
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
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
