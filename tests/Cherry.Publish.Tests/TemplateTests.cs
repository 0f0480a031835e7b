using System.Diagnostics;
using System.Net;
using System.Text;
using Xunit.Abstractions;

namespace Cherry.Publish.Tests;

/// <summary>
/// <c>dotnet new cherry</c> from the packed template: installed into a private template hive (the machine's template
/// list is untouched), instantiated, built, its tests run, published native with zero trim/AOT warnings, and the
/// native binary, started from another folder, answers its JSON endpoint without a per-request hosting log.
/// </summary>
[Trait("Category", "Slow")]
[Collection(PackagesCollection.Name)]
public sealed class TemplateTests(PackedFeed feed, ITestOutputHelper output)
{
    [Fact]
    public async Task Dotnet_new_cherry_makes_an_app_that_builds_tests_publishes_native_and_serves()
    {
        var total = Stopwatch.StartNew();
        var work = feed.Work;
        var hive = Path.Combine(work, "template-hive");
        var environment = feed.RestoreEnvironment("template");

        // The guide's section 3, with the private hive.
        var install = await Step("dotnet", $"new install \"{feed.Package("Cherry.Templates")}\" --debug:custom-hive \"{hive}\"", work, 2);
        Assert.Contains("cherry", install);
        // The template's LocalFeed parameter writes the nuget.config that the guide's section 3 asks for.
        await Step("dotnet", $"new cherry -n Demo --LocalFeed \"{feed.Feed}\" --debug:custom-hive \"{hive}\"", work, 2);
        var demo = Path.Combine(work, "Demo");
        Assert.True(File.Exists(Path.Combine(demo, "Demo.slnx")));
        Assert.Contains($"Include=\"Cherry\" Version=\"{feed.Version}\"", File.ReadAllText(Path.Combine(demo, "src", "Demo", "Demo.csproj")));
        Assert.Contains("<PublishAot>true</PublishAot>", File.ReadAllText(Path.Combine(demo, "src", "Demo", "Demo.csproj")));
        Assert.Contains("namespace Demo;", File.ReadAllText(Path.Combine(demo, "src", "Demo", "Root.cs")));
        Assert.Contains("\"Microsoft.AspNetCore\": \"Warning\"", File.ReadAllText(Path.Combine(demo, "src", "Demo", "appsettings.json")));
        Assert.Contains("# ", File.ReadAllText(Path.Combine(demo, "src", "Demo", "app.conf")));
        Assert.Contains($"value=\"{feed.Feed}\"", File.ReadAllText(Path.Combine(demo, "nuget.config")));

        var build = await Step("dotnet", "build -c Release", demo, 5, environment);
        Assert.Matches(@"(?m)^\s*0 Warning\(s\)", build);
        var test = await Step("dotnet", "test -c Release --no-build", demo, 5, environment);
        Assert.Contains("Passed!", test);
        Assert.Contains("Failed:     0", test);

        // The dev loop: `dotnet run` takes launchSettings.json's profile (Development), and a Debug build keeps the
        // startup hooks that hot reload needs although the project publishes with native AOT.
        await Step("dotnet", "build src/Demo", demo, 5, environment);
        var runtimeConfig = File.ReadAllText(Path.Combine(demo, "src", "Demo", "bin", "Debug", "net10.0", "Demo.runtimeconfig.json"));
        Assert.Contains("\"System.StartupHookProvider.IsSupported\": true", runtimeConfig);
        var runPort = Repository.FreePort();
        var runLog = new StringBuilder();
        var (run, _) = await Repository.StartServerAsync("dotnet", $"run --no-build --project src/Demo -- --urls http://127.0.0.1:{runPort}", runPort, demo, environment, runLog);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{runPort}") };
            Assert.StartsWith("Hello Ada!", await client.GetStringAsync("/?name=Ada"));
        }
        finally
        {
            run.Kill(entireProcessTree: true);
            await run.WaitForExitAsync();
        }
        lock (runLog)
        {
            Assert.Contains("Hosting environment: Development", runLog.ToString());
        }

        var publish = await Step("dotnet", "publish src/Demo -c Release -p:PublishAot=true -warnaserror", demo, 10, environment);
        Assert.DoesNotContain(publish.Split('\n'), l => l.Contains("warning", StringComparison.OrdinalIgnoreCase) && (l.Contains("IL2") || l.Contains("IL3")));
        var publishDirectory = Path.Combine(demo, "src", "Demo", "bin", "Release", "net10.0", "linux-x64", "publish");
        var binary = Path.Combine(publishDirectory, "Demo");
        Assert.True(File.Exists(binary), "no native binary at " + binary);
        Assert.False(File.Exists(Path.Combine(publishDirectory, "Demo.dll")), "a native publish has no IL entry assembly");

        // Started from another folder: the app finds appsettings.json, app.conf and static/ beside itself.
        var port = Repository.FreePort();
        var log = new StringBuilder();
        var (process, startUp) = await Repository.StartServerAsync(binary, $"--urls http://127.0.0.1:{port}", port, work, output: log);
        try
        {
            output.WriteLine($"native binary: {new FileInfo(binary).Length / 1024.0 / 1024.0:F1} MiB, listening after {startUp.TotalMilliseconds:F0} ms");
            using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            using var greeting = await client.GetAsync("/api/greeting?name=Ada");
            Assert.Equal(HttpStatusCode.OK, greeting.StatusCode);
            Assert.Equal("application/json", greeting.Content.Headers.ContentType?.MediaType);
            Assert.Equal("""{"message":"Hello, Ada!","length":3}""", await greeting.Content.ReadAsStringAsync());
            Assert.Equal("nosniff", greeting.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Contains("<h1>Demo</h1>", await client.GetStringAsync("/static/"));
            Assert.StartsWith("Hello Ada!", await client.GetStringAsync("/?name=Ada"));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        lock (log)
        {
            var printed = log.ToString();
            Assert.Contains("Now listening on", printed);
            Assert.DoesNotContain("Request starting", printed);
            Assert.DoesNotContain("Executing endpoint", printed);
        }
        output.WriteLine($"template test: {total.Elapsed.TotalSeconds:F0} s after the shared pack");

        async Task<string> Step(string fileName, string arguments, string directory, int minutes, IReadOnlyDictionary<string, string>? variables = null)
        {
            var stopwatch = Stopwatch.StartNew();
            var (exitCode, text) = await Repository.RunAsync(fileName, arguments, directory, TimeSpan.FromMinutes(minutes), variables);
            output.WriteLine($"`{fileName} {arguments}`: {stopwatch.Elapsed.TotalSeconds:F0} s");
            Assert.True(exitCode == 0, $"`{fileName} {arguments}` failed:\n{text}");
            return text;
        }
    }
}
