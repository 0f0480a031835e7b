using System.Net;
using System.Text.Json;
using Cherry.Integration.Tests.App;
using Microsoft.AspNetCore.Builder;

namespace Cherry.Integration.Tests;

/// <summary>
/// Every hook a tool relies on for cleanup runs once for each request, whatever path it took: a request an internal
/// redirect replaced never ran its on_end_request hooks, so the caching tool's anti-stampede flight stayed taken (every
/// later miss waited antistampede_timeout) and cpstats counted it as current forever.
/// </summary>
public sealed class EndOfRequestTests
{
    private static Task<CherryServer> StartAsync() => CherryServer.StartAsync(app =>
    {
        app.MapCherry<HandOffRoot>("/", o => o
            .Set("/", "tools.cpstats.on", "True")
            .Set("/moved", "tools.caching.on", "True")
            .Set("/twice", "tools.caching.on", "True")
            .Set("/moved", "tools.caching.antistampede_timeout", "600")
            .Set("/twice", "tools.caching.antistampede_timeout", "600"));
        app.MapCherryStats("/cpstats");
    });

    [Theory]
    [InlineData("/moved")]
    [InlineData("/twice")]
    public async Task A_cached_path_that_redirects_internally_does_not_hold_its_flight(string path)
    {
        await using var server = await StartAsync();
        // A held flight makes the next miss wait 600 s: far past this bound, which only stops a hung test.
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        for (var i = 0; i < 3; i++)
        {
            using var response = await server.Client.GetAsync(path, bound.Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("target", await response.Content.ReadAsStringAsync(bound.Token));
        }
        Assert.False(bound.IsCancellationRequested);
    }

    [Fact]
    public async Task Cpstats_counts_no_request_as_current_once_all_have_ended()
    {
        await using var server = await StartAsync();
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal("target", (await server.Client.FetchAsync(i % 2 == 0 ? "/moved" : "/twice")).Body);
        }
        Assert.Equal("target", (await server.Client.FetchAsync("/target")).Body);
        using var data = JsonDocument.Parse((await server.Client.FetchAsync("/cpstats/data")).Body);
        var apps = data.RootElement.GetProperty(CpStatsTool.NamespaceName);
        Assert.Equal(0, apps.GetProperty("Current Requests").GetInt64());
        // Each request ran its tool chain, the replaced ones included: 2 + 3 + 2 + 3 + 1.
        Assert.Equal(11, apps.GetProperty("Total Requests").GetInt64());
    }
}
