using System.Net;
using Xunit.Abstractions;

namespace Cherry.Publish.Tests;

/// <summary>The AOT gate: samples/Hello publishes as a native binary with zero trim/AOT warnings, and the binary serves.</summary>
public sealed class AotTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Hello_publishes_native_with_zero_warnings_and_serves_its_routes()
    {
        var publishDirectory = Path.Combine(Path.GetTempPath(), "cherry-aot-" + Guid.NewGuid().ToString("N"));
        var (exitCode, log) = await Repository.RunAsync("dotnet",
            $"publish samples/Hello/Hello.csproj -c Release -r linux-x64 -p:PublishAot=true -warnaserror -o \"{publishDirectory}\"",
            Repository.Root, TimeSpan.FromMinutes(10));
        Assert.True(exitCode == 0, "publish failed:\n" + log);
        var warnings = log.Split('\n').Where(l => l.Contains("warning", StringComparison.OrdinalIgnoreCase) && (l.Contains("IL2") || l.Contains("IL3"))).ToList();
        Assert.Empty(warnings);

        var binary = Path.Combine(publishDirectory, "Hello");
        Assert.True(File.Exists(binary), "no native binary at " + binary);
        var size = new FileInfo(binary).Length;
        Assert.False(File.Exists(Path.Combine(publishDirectory, "Hello.dll")), "a native publish has no IL entry assembly");

        var port = Repository.FreePort();
        var (process, startUp) = await Repository.StartServerAsync(binary, $"--urls http://127.0.0.1:{port}", port);
        try
        {
            output.WriteLine($"native binary: {size / 1024.0 / 1024.0:F1} MiB, listening after {startUp.TotalMilliseconds:F0} ms");
            using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

            Assert.Equal("Hello Ada", await client.GetStringAsync("/?name=Ada"));
            var api = await client.GetAsync("/api");
            Assert.Equal("application/json", api.Content.Headers.ContentType!.ToString());
            Assert.Equal("""{"value":42,"words":["one","two"]}""", await api.Content.ReadAsStringAsync());

            var echo = await client.PostAsync("/echo", new StringContent("""{"text":"hi","times":2}""", System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal("""{"text":"HI","times":2}""", await echo.Content.ReadAsStringAsync());

            Assert.Equal("Post 2024/spring", await client.GetStringAsync("/blog/2024/spring"));
            Assert.Equal(HttpStatusCode.MovedPermanently, (await client.GetAsync("/blog")).StatusCode);

            var created = await client.PostAsync("/notes/", new FormUrlEncodedContent([new("text", "native")]));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var notes = await client.GetAsync("/notes/1");
            Assert.Equal("native", await notes.Content.ReadAsStringAsync());
            Assert.Equal("DELETE, GET, HEAD, POST", string.Join(", ", notes.Content.Headers.Allow));

            var missing = await client.GetAsync("/no/such/page");
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.StartsWith("<h1>Nothing here</h1>", await missing.Content.ReadAsStringAsync());

            var bad = await client.GetAsync("/add?a=1&b=two");
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(publishDirectory, recursive: true);
        }
    }
}
