using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Cherry.Integration.Tests.App;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cherry.Integration.Tests;

/// <summary>The profiler and its viewer, the access log, the server namespace and the stats page's formatting map.</summary>
public sealed class ObservabilityTests
{
    private sealed class Lines : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<(string Category, string Message)> Entries { get; } = new();

        private string _category = "";

        public ILogger CreateLogger(string categoryName) => new Lines { _category = categoryName, Sink = this };

        private Lines? Sink { get; init; }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            (Sink ?? this).Entries.Enqueue((_category, formatter(state, exception)));

        public void Dispose()
        {
        }
    }

    [Fact]
    public async Task Profiles_are_stored_and_shown_by_the_viewer()
    {
        var directory = Directory.CreateTempSubdirectory("cherry-profiles-").FullName;
        try
        {
            await using var server = await CherryServer.StartAsync(app =>
            {
                app.MapCherry<ReferenceRoot>("/", o => ReferenceAppFixture.WithSessions(o).Set("/", "tools.profiler.on", "True").Set("/", "tools.profiler.dir", directory));
                app.MapCherryProfiler("/profiler", directory);
            });
            await server.Client.FetchAsync("/?name=profiled");
            await server.Client.FetchAsync("/dir1/");
            var deadline = DateTime.UtcNow.AddSeconds(5);
            while (Directory.GetFiles(directory).Length < 2 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
            var (list, html) = await server.Client.FetchAsync("/profiler/");
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            var first = Path.GetFileName(Directory.GetFiles(directory).Order().First());
            Assert.Contains($"report?filename={first}", html);
            var (_, report) = await server.Client.FetchAsync("/profiler/report?filename=" + first);
            using var profile = JsonDocument.Parse(report);
            Assert.Equal("GET /", profile.RootElement.GetProperty("request").GetString());
            Assert.True(profile.RootElement.GetProperty("totalMilliseconds").GetDouble() > 0);
            var hooks = profile.RootElement.GetProperty("hooks").EnumerateArray().Select(h => h.GetProperty("tool").GetString()).ToList();
            Assert.Contains("trailing_slash", hooks);
            // Every other tool's hooks are timed, the profiler's own are not.
            Assert.DoesNotContain("profiler", hooks);
            Assert.Equal(HttpStatusCode.NotFound, (await server.Client.FetchAsync("/profiler/report?filename=../../etc/passwd")).Response.StatusCode);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task The_access_log_uses_CherryPys_format()
    {
        var lines = new Lines();
        await using var server = await CherryServer.StartAsync(
            app => app.MapCherry<ReferenceRoot>("/", o => ReferenceAppFixture.WithSessions(o).Set("/", "tools.log_access.on", "True")),
            services: s => s.AddLogging(b => b.AddProvider(lines)));
        await server.Client.FetchAsync("/?name=log", ("Referer", "http://from.test/"), ("User-Agent", "probe/1"));
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!lines.Entries.Any(e => e.Category == "Cherry.Access") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
        var line = Assert.Single(lines.Entries, e => e.Category == "Cherry.Access").Message;
        Assert.Matches("""^127\.0\.0\.1 - - \[\d{2}/\w{3}/\d{4}:\d{2}:\d{2}:\d{2} \+0000\] "GET /\?name=log HTTP/1\.1" 200 9 "http://from\.test/" "probe/1"$""", line);
    }

    [Fact]
    public async Task The_server_namespace_is_reported_and_the_formatting_map_hides_and_formats()
    {
        await using var server = await CherryServer.StartAsync(app =>
        {
            app.MapCherry<ReferenceRoot>("/", o => ReferenceAppFixture.WithSessions(o).Set("/", "tools.cpstats.on", "True"));
            app.MapCherryStats("/cpstats", new Dictionary<string, IReadOnlyDictionary<string, Func<object?, string>?>>
            {
                [CpStatsTool.NamespaceName] = new Dictionary<string, Func<object?, string>?>
                {
                    ["Server Version"] = StatsFormat.Hidden,
                    ["Uptime"] = StatsFormat.Of("{0:0} seconds"),
                },
            });
        });
        await server.Client.FetchAsync("/");
        using var data = JsonDocument.Parse((await server.Client.FetchAsync("/cpstats/data")).Body);
        Assert.True(data.RootElement.GetProperty("Cherry Server").GetProperty("Processor Count").GetInt32() > 0);
        var html = (await server.Client.FetchAsync("/cpstats/")).Body;
        Assert.DoesNotContain("Server Version</th>", html);
        Assert.Matches(" seconds</td>", html);
    }

    [Fact]
    public async Task Uri_set_tracking_and_slow_queries_are_recorded()
    {
        await using var server = await CherryServer.StartAsync(app =>
        {
            app.MapCherry<ReferenceRoot>("/", o => ReferenceAppFixture.WithSessions(o)
                .Set("/", "tools.cpstats.on", "True")
                .Set("/slow", "tools.cpstats.uriset", "slow pages")
                .Set("/slow", "tools.cpstats.slow_queries", "0")
                .Set("/slow", "tools.cpstats.slow_queries_count", "3"));
            app.MapCherryStats("/cpstats");
        });
        for (var i = 0; i < 5; i++)
        {
            await server.Client.FetchAsync("/slow");
            // URIs a client makes up: the set is the configured label's, so none of them adds a record.
            await server.Client.FetchAsync($"/slow?n={i}");
            await server.Client.FetchAsync($"/made-up-{i}");
        }
        // A request is counted when it has ended, which may be just after its answer reached the client: poll, not sleep.
        JsonElement apps = default;
        await Poll.UntilAsync(async () =>
        {
            using var polled = JsonDocument.Parse((await server.Client.FetchAsync("/cpstats/data")).Body);
            apps = polled.RootElement.GetProperty(CpStatsTool.NamespaceName).Clone();
            return apps.GetProperty("URI Set Tracking").TryGetProperty("slow pages", out var set) && set.GetProperty("Count").GetInt64() >= 10;
        }, TimeSpan.FromSeconds(10), "the ten /slow requests to be counted");
        var sets = apps.GetProperty("URI Set Tracking");
        var tracked = sets.GetProperty("slow pages");
        Assert.Equal(["slow pages"], sets.EnumerateObject().Select(p => p.Name));
        Assert.Equal(10, tracked.GetProperty("Count").GetInt64());
        Assert.True(tracked.GetProperty("Min").GetDouble() <= tracked.GetProperty("Avg").GetDouble());
        Assert.True(tracked.GetProperty("Avg").GetDouble() <= tracked.GetProperty("Max").GetDouble());
        var slow = apps.GetProperty("Slow Queries").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.InRange(slow.Count, 1, 3);
        Assert.All(slow, q => Assert.StartsWith("/slow ", q));
    }
}
