using System.IO.Compression;
using System.Net;
using System.Xml.Linq;
using Xunit.Abstractions;

namespace Cherry.Publish.Tests;

/// <summary>
/// The packages: the guide's pack command makes <c>Cherry</c> (the runtime with the generator, analyzers and code fixes),
/// <c>Cherry.Stores</c> and <c>Cherry.Templates</c>, each with what a package consumer checks; a fresh project that
/// references only <c>Cherry</c>, from the local feed, builds, runs and answers.
/// </summary>
[Trait("Category", "Slow")]
[Collection(PackagesCollection.Name)]
public sealed class PackageTests(PackedFeed feed, ITestOutputHelper output)
{
    [Fact]
    public void Each_package_carries_its_licence_tags_readme_docs_and_symbols()
    {
        output.WriteLine($"`{feed.PackCommand}` took {feed.PackDuration.TotalSeconds:F0} s");
        (string Id, string Assembly)[] libraries = [("Cherry", "Cherry.Runtime"), ("Cherry.Stores", "Cherry.Stores")];
        foreach (var (id, assembly) in libraries)
        {
            var entries = Entries(feed.Package(id));
            Assert.Contains($"lib/net10.0/{assembly}.dll", entries);
            Assert.Contains($"lib/net10.0/{assembly}.xml", entries);
            Assert.Contains("README.md", entries);
            var nuspec = Nuspec(feed.Package(id));
            Assert.Equal(id, Metadata(nuspec, "id"));
            Assert.Equal(feed.Version, Metadata(nuspec, "version"));
            Assert.Equal("expression", nuspec.Descendants(nuspec.Root!.Name.Namespace + "license").Single().Attribute("type")?.Value);
            Assert.Equal("MIT", Metadata(nuspec, "license"));
            Assert.Equal("README.md", Metadata(nuspec, "readme"));
            Assert.Contains("cherrypy", Metadata(nuspec, "tags").Split(' '));
            Assert.False(string.IsNullOrWhiteSpace(Metadata(nuspec, "description")));
            // The project address, which the analyzers' help links also start with (CherryRepositoryUrl).
            Assert.StartsWith("https://", Metadata(nuspec, "projectUrl"));
            Assert.Equal(Metadata(nuspec, "projectUrl"), nuspec.Descendants(nuspec.Root!.Name.Namespace + "repository").Single().Attribute("url")?.Value);

            // The symbols package beside it holds the portable PDB.
            Assert.True(File.Exists(feed.Package(id, "snupkg")), $"no symbols package for {id}");
            Assert.Contains($"lib/net10.0/{assembly}.pdb", Entries(feed.Package(id, "snupkg")));
        }
        Assert.Contains("analyzers/dotnet/cs/Cherry.Generators.dll", Entries(feed.Package("Cherry")));
        Assert.Contains("analyzers/dotnet/cs/Cherry.Analyzers.dll", Entries(feed.Package("Cherry")));
        Assert.Contains("analyzers/dotnet/cs/Cherry.CodeFixes.dll", Entries(feed.Package("Cherry")));
        // The content convention: config files and static/ reach bin/ and the publish folder of a consumer.
        Assert.Contains("build/Cherry.targets", Entries(feed.Package("Cherry")));
        // The diagnostics' help pages ship beside the analyzers, one per rule.
        Assert.Equal(
            Directory.GetFiles(Path.Combine(Repository.Root, "docs", "diagnostics"), "CHERRY*.md").Select(f => "docs/diagnostics/" + Path.GetFileName(f)).Order(),
            Entries(feed.Package("Cherry")).Where(e => e.StartsWith("docs/diagnostics/", StringComparison.Ordinal)).Order());
        // Cherry.Stores depends on the Cherry package of its own version, not on a project.
        var stores = Nuspec(feed.Package("Cherry.Stores"));
        Assert.Contains(stores.Descendants(stores.Root!.Name.Namespace + "dependency"),
            d => d.Attribute("id")?.Value == "Cherry" && d.Attribute("version")?.Value == feed.Version);
        // Each package's README is its own.
        Assert.StartsWith("# Cherry.Stores", Read(feed.Package("Cherry.Stores"), "README.md"));

        var templates = Nuspec(feed.Package("Cherry.Templates"));
        Assert.Equal("Template", templates.Descendants(templates.Root!.Name.Namespace + "packageType").Single().Attribute("name")?.Value);
        Assert.Equal("MIT", Metadata(templates, "license"));
        Assert.Contains("dotnet-new", Metadata(templates, "tags").Split(' '));
        // The template references the Cherry package of the template package's own version.
        Assert.Contains($"\"value\": \"{feed.Version}\"", Read(feed.Package("Cherry.Templates"), "content/cherry/.template.config/template.json"));
        Assert.DoesNotContain(Entries(feed.Package("Cherry.Templates")), e => e.Contains("/bin/", StringComparison.Ordinal) || e.Contains("/obj/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_new_consumer_uses_the_package_from_a_local_feed()
    {
        var work = Directory.CreateTempSubdirectory("cherry-consumer-").FullName;
        try
        {
            var version = feed.Version;
            var consumer = Path.Combine(work, "consumer");
            Directory.CreateDirectory(consumer);
            File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <!-- Beside the machine's own sources; the test version exists only here. -->
                    <add key="local" value="{feed.Feed}" />
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
            var (buildExit, buildLog) = await Repository.RunAsync("dotnet", "build -c Release", consumer, TimeSpan.FromMinutes(5), feed.RestoreEnvironment("consumer"));
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

    private static List<string> Entries(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        return zip.Entries.Select(e => e.FullName).ToList();
    }

    private static string Read(string package, string entry)
    {
        using var zip = ZipFile.OpenRead(package);
        using var reader = new StreamReader(zip.GetEntry(entry)?.Open() ?? throw new InvalidOperationException($"{entry} is not in {package}"));
        return reader.ReadToEnd();
    }

    private static XDocument Nuspec(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        using var stream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/')).Open();
        return XDocument.Load(stream);
    }

    private static string Metadata(XDocument nuspec, string name) =>
        nuspec.Root!.Element(nuspec.Root.Name.Namespace + "metadata")!.Element(nuspec.Root.Name.Namespace + name)?.Value
        ?? throw new InvalidOperationException($"the nuspec has no <{name}>:\n{nuspec}");
}
