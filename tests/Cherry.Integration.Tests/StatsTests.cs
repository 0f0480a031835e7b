using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using Cherry.Integration.Tests.App;
using Microsoft.AspNetCore.Builder;

namespace Cherry.Integration.Tests;

/// <summary>cases.md §14 (cpstats, gctools): the pages over a real socket, the JSON and meters against the requests made.</summary>
public sealed class StatsTests : IAsyncLifetime
{
    private CherryServer _server = null!;

    public async Task InitializeAsync() => _server = await CherryServer.StartAsync(app =>
    {
        app.MapCherry<ReferenceRoot>("/", o => ReferenceAppFixture.WithSessions(o).Set("/", "tools.cpstats.on", "True"));
        app.MapCherryStats("/cpstats");
        app.MapCherryGc("/gc");
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_data_page_reflects_the_requests_made_with_CherryPys_keys()
    {
        long measured = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Cherry" && instrument.Name == "cherry.requests")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref measured, value));
        listener.Start();

        for (var i = 0; i < 5; i++)
        {
            await _server.Client.FetchAsync("/?name=stats");
        }
        var (response, body) = await _server.Client.FetchAsync("/cpstats/data");
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.ToString());
        using var json = JsonDocument.Parse(body);
        var apps = json.RootElement.GetProperty(CpStatsTool.NamespaceName);
        string[] keys =
        [
            "Bytes Read/Request", "Bytes Read/Second", "Bytes Written/Request", "Bytes Written/Second", "Current Requests", "Current Time",
            "Enabled", "Requests", "Requests/Second", "Server Version", "Start Time", "Total Bytes Read", "Total Bytes Written", "Total Requests",
            "Total Time", "Uptime",
        ];
        Assert.All(keys, key => Assert.True(apps.TryGetProperty(key, out _), key));
        Assert.True(apps.GetProperty("Total Requests").GetInt64() >= 5);
        Assert.True(apps.GetProperty("Total Bytes Written").GetInt64() >= 5 * "Hello stats".Length);
        Assert.Contains("\n    \"", body);
        listener.RecordObservableInstruments();
        Assert.True(Interlocked.Read(ref measured) >= 5);
    }

    [Fact]
    public async Task The_html_page_has_a_table_per_namespace_with_ids()
    {
        await _server.Client.FetchAsync("/");
        var (response, body) = await _server.Client.FetchAsync("/cpstats/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<h1>{CpStatsTool.NamespaceName}</h1>", body);
        Assert.Contains($"id=\"{CpStatsTool.NamespaceName}-Total Requests\"", body);
        Assert.Contains("<h2>Requests</h2>", body);

        await using var browser = await HeadlessChromium.StartAsync();
        await browser.NavigateAsync(new Uri(_server.Address, "/cpstats/").ToString());
        Assert.Contains("Total Requests", await browser.EvaluateAsync("document.body.innerText"));
        var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "cpstats.png");
        await browser.ScreenshotAsync(screenshot);
        Assert.True(new FileInfo(screenshot).Length > 1000);
    }

    [Fact]
    public async Task Pause_and_resume_are_post_only_and_redirect_to_the_page()
    {
        var (get, _) = await _server.Client.FetchAsync("/cpstats/pause");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal("POST", string.Join(",", get.Content.Headers.Allow));
        try
        {
            var (paused, _) = await _server.Client.FetchAsync(HttpMethod.Post, "/cpstats/pause", "", "text/plain");
            Assert.Equal(HttpStatusCode.SeeOther, paused.StatusCode);
            Assert.Equal(new Uri(_server.Address, "/cpstats/").ToString(), paused.Headers.Location!.ToString());
            using var json = JsonDocument.Parse((await _server.Client.FetchAsync("/cpstats/data")).Body);
            Assert.False(json.RootElement.GetProperty(CpStatsTool.NamespaceName).GetProperty("Enabled").GetBoolean());
        }
        finally
        {
            var (resumed, _) = await _server.Client.FetchAsync(HttpMethod.Post, "/cpstats/resume", "", "text/plain");
            Assert.Equal(HttpStatusCode.SeeOther, resumed.StatusCode);
        }
    }

    [Fact]
    public async Task The_gc_pages_answer_and_find_no_leaked_requests()
    {
        Assert.Equal("Hello, world!", (await _server.Client.FetchAsync("/gc/")).Body);
        for (var i = 0; i < 40; i++)
        {
            await _server.Client.FetchAsync("/");
        }
        var (response, body) = await _server.Client.FetchAsync("/gc/stats");
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.StartsWith("Statistics:", body);
        Assert.Contains("No leaked requests.", body);
    }
}
