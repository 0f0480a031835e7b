using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;

namespace Cherry.Publish.Tests;

/// <summary>
/// docs/getting-started.md followed as written, from the guide's own text so it cannot drift from what works: its
/// pack command made the feed (<see cref="PackedFeed"/>), its files go into an empty folder beside the feed, its
/// <c>dotnet run</c> starts the app and each of its <c>curl</c> lines gets the answer printed under it.
/// </summary>
[Trait("Category", "Slow")]
[Collection(PackagesCollection.Name)]
public sealed class GettingStartedTests(PackedFeed feed, ITestOutputHelper output)
{
    [Fact]
    public async Task The_first_app_of_the_guide_builds_runs_and_answers_as_the_guide_says()
    {
        var stopwatch = Stopwatch.StartNew();
        var files = Guide.Files();
        Assert.Equal(["Hello.csproj", "Program.cs", "nuget.config"], files.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("dotnet run", Guide.Commands());
        var requests = Guide.Requests().ToList();
        Assert.NotEmpty(requests);

        // The guide's folder layout: the checkout, the feed and the app side by side.
        var hello = Path.Combine(feed.Work, "hello");
        Directory.CreateDirectory(hello);
        foreach (var (name, text) in files)
        {
            // The one change: the guide's 0.1.0 is this run's unique version (see PackedFeed).
            File.WriteAllText(Path.Combine(hello, name), name.EndsWith(".csproj", StringComparison.Ordinal)
                ? text.Replace("Version=\"0.1.0\"", $"Version=\"{feed.Version}\"", StringComparison.Ordinal)
                : text);
        }

        var port = Repository.FreePort();
        var environment = new Dictionary<string, string>(feed.RestoreEnvironment("hello"))
        {
            // In place of the guide's default localhost:5000, a free port.
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
        };
        var log = new StringBuilder();
        Process process;
        TimeSpan startUp;
        try
        {
            (process, startUp) = await Repository.StartServerAsync("dotnet", "run", port, hello, environment, log, TimeSpan.FromMinutes(5));
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            throw new InvalidOperationException($"`dotnet run` did not serve:\n{log}", e);
        }
        try
        {
            output.WriteLine($"`dotnet run` (restore, build, start) listening after {startUp.TotalSeconds:F0} s");
            using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            foreach (var (url, answer) in requests)
            {
                Assert.Equal(answer, await client.GetStringAsync(url.PathAndQuery));
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        output.WriteLine($"guide test: {stopwatch.Elapsed.TotalSeconds:F0} s after the shared pack");
    }
}
