using System.Globalization;
using System.Text;
using System.Text.Json;
using Cherry.Integration.Tests;
using static Runner.Markdown;

namespace Runner;

/// <summary>One ratio of the scale-out run at one instance count per side, with issue 27's bar where it sets one.</summary>
internal sealed record ScaleOutResult(int Instances, PairedResult Result, double? Bar);

/// <summary>
/// Issue 27's scale-out figures (<c>bench/run.sh --scale-out</c>): every figure a ratio to its anchor, the sides of a
/// scenario resident together and loaded alternately (<see cref="Paired.AlternateAsync"/>), with one and with two
/// instances per side sharing Redis or PostgreSQL. Redis sessions: Cherry with explicit locking (no lock taken, the
/// middleware's guarantee) and with implicit locking (CherryPy's default) against ASP.NET Core's session middleware; PostgreSQL sessions: Cherry against its own Redis figure; a 1 KB page
/// cached in Redis, hit and miss: Cherry's caching tool against output caching. Redis and PostgreSQL are started as
/// the integration tests start them.
/// </summary>
internal static class ScaleOut
{
    private const string CherryImplicit = "Cherry, implicit locking (AOT)";
    private const string CherryExplicit = "Cherry, explicit locking (AOT)";
    private const string Middleware = "session middleware (JIT)";
    private const string CherryPostgres = "Cherry, PostgreSQL, implicit locking (AOT)";
    private const string CherryCache = "Cherry caching tool (AOT)";
    private const string OutputCaching = "output caching (AOT)";
    private const string Page = "/cached/a/b/page";
    private const int WarmSeconds = 3;

    /// <summary>A scenario: its sides, the ratios it reports, and how a side's instances are readied (returning wrk's arguments).</summary>
    private sealed record Measured(string Key, string Name, string Path, string[] Sides, (string Subject, string Baseline, double? Bar)[] Ratios, Func<IReadOnlyList<string>, Task<Func<string[]>>> Prepare);

    /// <summary>Servers resident together, for the scenarios that load them.</summary>
    private sealed record Group(Server[] Servers, Measured[] Scenarios);

    /// <summary>The scenario keys <c>--only</c> takes.</summary>
    public static readonly string[] Keys = ["sessions", "postgres", "hit", "miss"];

    public static async Task<List<ScaleOutResult>> RunAsync(string root, string work, int pairs, int seconds, IReadOnlyList<string> only)
    {
        Console.WriteLine("publishing Cherry and the anchors with native AOT, building the session anchor (JIT) ...");
        var cherry = Builds.Aot(root, "bench/Servers/CherryBench", work);
        var anchors = Builds.Aot(root, "bench/Servers/Anchors", work);
        var anchorsJit = Builds.Jit(root, "Anchors");
        var redis = await TestServers.RedisAsync();
        var postgres = await TestServers.PostgresAsync();
        string[] urls = ["--urls", "http://127.0.0.1:{port}"];
        Server CherryWith(string name, params (string Name, string Value)[] environment) =>
            new(name, cherry, urls, Jit: false, environment.ToDictionary(e => e.Name, e => e.Value));

        async Task<Func<string[]>> SessionsAsync(IReadOnlyList<string> baseUrls)
        {
            var arguments = await Probe.SessionsAsync(baseUrls, "/session/", work) ?? throw new InvalidOperationException($"{baseUrls[0]}/session/ set no session cookie");
            return () => arguments;
        }

        Group[] groups =
        [
            new(
                [
                    CherryWith(CherryImplicit, ("BENCH_SESSIONS", "redis=" + redis), ("BENCH_SESSION_LOCKING", "implicit")),
                    CherryWith(CherryExplicit, ("BENCH_SESSIONS", "redis=" + redis), ("BENCH_SESSION_LOCKING", "explicit")),
                    new(Middleware, "dotnet", [anchorsJit, .. urls], Jit: true, new Dictionary<string, string>
                    {
                        ["BENCH_ANCHOR"] = "sessions",
                        ["BENCH_REDIS"] = redis,
                        ["BENCH_KEYS"] = Path.Combine(work, "keys"),
                    }),
                    CherryWith(CherryPostgres, ("BENCH_SESSIONS", "postgres=" + postgres), ("BENCH_SESSION_LOCKING", "implicit")),
                ],
                [
                    new("sessions", "Redis sessions", "/session/", [CherryExplicit, CherryImplicit, Middleware],
                        [(CherryExplicit, Middleware, null), (CherryImplicit, Middleware, null)], SessionsAsync),
                    new("postgres", "PostgreSQL sessions", "/session/", [CherryPostgres, CherryImplicit],
                        [(CherryPostgres, CherryImplicit, 0.5)], SessionsAsync),
                ]),
            new(
                [
                    CherryWith(CherryCache, ("BENCH_CACHE", "redis=" + redis)),
                    new(OutputCaching, anchors, urls, Jit: false, new Dictionary<string, string> { ["BENCH_ANCHOR"] = "outputcache", ["BENCH_REDIS"] = redis }),
                ],
                [
                    new("hit", "Redis cached page, hit", Page, [CherryCache, OutputCaching], [(CherryCache, OutputCaching, null)],
                        async baseUrls =>
                        {
                            await Probe.PrimeAsync(baseUrls, Page);
                            return () => [];
                        }),
                    new("miss", "Redis cached page, miss", Page, [CherryCache, OutputCaching], [(CherryCache, OutputCaching, null)],
                        async baseUrls =>
                        {
                            await Probe.ExpectMissesAsync(baseUrls, Page);
                            return () => Wrk.UniqueQueries(work);
                        }),
                ]),
        ];

        var results = new List<ScaleOutResult>();
        foreach (var instances in new[] { 1, 2 })
        {
            foreach (var group in groups)
            {
                var scenarios = group.Scenarios.Where(s => only.Count == 0 || only.Contains(s.Key)).ToList();
                var needed = scenarios.SelectMany(s => s.Sides).ToHashSet();
                var running = new Dictionary<string, List<Instance>>();
                try
                {
                    foreach (var server in group.Servers.Where(s => needed.Contains(s.Name)))
                    {
                        running[server.Name] = [];
                        // Instance i on core i, started one after another (the session anchor's first instance makes the key ring the second reads).
                        for (var core = 0; core < instances; core++)
                        {
                            var port = Builds.FreePort();
                            running[server.Name].Add(new(await server.StartAsync(port, work, core), $"http://127.0.0.1:{port}"));
                        }
                    }
                    foreach (var scenario in scenarios)
                    {
                        Console.WriteLine($"{scenario.Name}, {instances} instance(s) per side:");
                        var targets = new List<Target>();
                        foreach (var side in scenario.Sides)
                        {
                            var arguments = await scenario.Prepare(running[side].Select(i => i.BaseUrl).ToList());
                            targets.Add(new(side, running[side], scenario.Path, arguments));
                        }
                        var samples = await Paired.AlternateAsync(targets, pairs, seconds, WarmSeconds);
                        results.AddRange(scenario.Ratios.Select(r => new ScaleOutResult(instances,
                            Paired.Compare(scenario.Name, targets.Single(t => t.Name == r.Subject), targets.Single(t => t.Name == r.Baseline), samples), r.Bar)));
                    }
                }
                finally
                {
                    foreach (var instance in running.Values.SelectMany(i => i))
                    {
                        await Server.StopAsync(instance.Process);
                    }
                }
            }
        }
        return results;
    }

    public static string Table(MachineInfo machine, DateTime date, int pairs, int seconds, List<ScaleOutResult> results)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Scale-out run {date:yyyy-MM-dd HH:mm} UTC, commit {machine.Commit}; {machine.Cpu}, {machine.Cores} cores, Linux {machine.Kernel}, {machine.Runtime}.\n");
        text.Append(CultureInfo.InvariantCulture, $"Every figure is a ratio to its anchor, measured paired: the sides of a scenario resident together, loaded in turn in {pairs} pairs of {seconds} s runs after a {WarmSeconds} s warm-up each, the order turning every pair; median of the pair ratios with a bootstrap 95 % interval.\n");
        text.Append("One instance per side: pinned to core 0, wrk -t1 -c64 on core 1. Two instances per side: pinned to cores 0 and 1, one wrk -c32 each on both cores; Redis, PostgreSQL and the idle sides share the same two cores, so two instances show the shared store's cost, not how far it scales on more hardware.\n");
        text.Append("Cherry (CherryBench) and output caching (bench/Servers/Anchors) run as native AOT; the session middleware as JIT, since ASP.NET Core does not support it under native AOT. Redis sessions and pages on one Redis, PostgreSQL sessions in a private cluster.\n\n");
        Row(text, ["scenario", "instances", "subject / baseline", "median ratio", "95 % interval", "bar", "met", "pair ratios"]);
        Row(text, ["---", "---:", "---", "---:", "---:", "---:", "---", "---"]);
        foreach (var (instances, r, bar) in results)
        {
            Row(text, [r.Scenario, F(instances, "F0"), $"{r.Subject} / {r.Baseline}", F(r.MedianRatio, "F3"), $"{F(r.Interval.Low, "F3")}–{F(r.Interval.High, "F3")}",
                bar is null ? "" : F(bar.Value, "F2") + "×", bar is null ? "" : r.MedianRatio >= bar ? "yes" : "**no**",
                string.Join(" ", r.PairRatios.Select(p => F(p, "F2")))]);
        }
        text.Append("\nEach side: median req/s (summed over its instances), p50 / p99 latency (ms, the slower instance's), errors over all runs (socket errors and non-2xx answers), RSS at the end (MiB, summed)\n\n");
        Row(text, ["scenario", "instances", "server", "req/s", "p50 / p99", "errors", "RSS"]);
        Row(text, ["---", "---:", "---", "---:", "---:", "---:", "---:"]);
        foreach (var (instances, scenario, server, side) in results
            .SelectMany(r => new[] { (r.Instances, r.Result.Scenario, Server: r.Result.Subject, Side: r.Result.SubjectSide), (r.Instances, r.Result.Scenario, Server: r.Result.Baseline, Side: r.Result.BaselineSide) })
            .DistinctBy(s => (s.Instances, s.Scenario, s.Server)))
        {
            Row(text, [scenario, F(instances, "F0"), server, F(side.RequestsPerSecond, "N0"), $"{F(side.P50Ms, "F2")} / {F(side.P99Ms, "F2")}",
                F(side.Errors, "N0"), F(side.RssBytes / 1048576.0, "F0")]);
        }
        text.Append(Guarantees);
        return text.ToString();
    }

    /// <summary>What each side promises, so a ratio is read against what it buys.</summary>
    private const string Guarantees = """

        **What each side guarantees**

        Sessions (`/session/`: 64 sessions, each request reads a counter, adds one and writes it back)

        * Cherry, implicit locking (CherryPy's default): a request with a known session takes the session's lock in the
          store before the handler, reading the session with it (Redis: SET NX with a short lease renewed while held;
          PostgreSQL: an advisory lock), and releases it at the end of the request, so two requests of one session never
          interleave their read and write, on one instance or across several. A store that fails or times out is
          answered 503.
        * Cherry, explicit locking: the session is read and saved without a lock until the handler takes one
          (`SessionsTool.AcquireAsync`), as CherryPy's is; this handler takes none, so this row has the middleware's
          guarantee: concurrent requests of one session can lose an update. A store that fails is answered 503.
        * Session middleware (`AddSession` over `AddStackExchangeRedisCache`): no lock. Concurrent requests of one session
          each load the whole session and write it back, and the last write wins (an update can be lost). A failed load
          (`LoadAsync`) fails the request; a failed save runs after the handler and is logged, the answer stays 200.

        Cached page (`/cached/a/b/page`, 1 KB, cached for an hour; hit: after one priming request per instance; miss:
        every request adds a query string no request had before, so each one looks up, misses, computes and stores)

        * Cherry's caching tool on Redis (`Cherry.Stores.RedisCacheStore`): a lookup is one MGET of the path's generation
          records (one per segment, plus two), the URL's index and its response. `CacheInvalidator` drops a path or
          every path below a prefix by writing a new generation record in the same store, so an invalidation made on any
          instance holds on every instance at its next lookup; a response computed across an invalidation is not
          stored, and one stored before it is never served after it. A store outage answers uncached (the page is
          still served); an invalidation during one answers 503.
        * Output caching on Redis (`AddStackExchangeRedisOutputCache`, the page tagged): entries live only in Redis, so
          an eviction holds on every instance. `EvictByTagAsync` scans the tag's sorted set (ZSCAN) and deletes each
          entry without waiting for the deletes; the tag links are written fire-and-forget after the entry, so an entry
          whose link failed is never evicted by its tag (only by expiry), and a response computed before an eviction and
          stored after it stays. Only tagged entries can be evicted, by tag (no path prefix), and request coalescing is
          per instance.

        """;

    public static void Write(string resultsDirectory, MachineInfo machine, DateTime date, int pairs, int seconds, List<ScaleOutResult> results)
    {
        var name = "scaleout-" + date.ToString("yyyy-MM-dd-HHmm", CultureInfo.InvariantCulture);
        File.WriteAllText(Path.Combine(resultsDirectory, name + ".json"), JsonSerializer.Serialize(new { date, machine, pairs, seconds, results }, new JsonSerializerOptions { WriteIndented = true }));
        var table = Table(machine, date, pairs, seconds, results);
        File.WriteAllText(Path.Combine(resultsDirectory, name + ".md"), table);
        Console.WriteLine();
        Console.WriteLine(table);
        Console.WriteLine($"wrote bench/results/{name}.json and .md");
    }
}
