using Cherry.Integration.Tests.App;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using StackExchange.Redis.Profiling;

namespace Cherry.Integration.Tests;

/// <summary>
/// CacheInvalidator: a handler drops every cached variant of a path, or of everything under a prefix, in the memory
/// store and in a distributed one (Redis, shared by two instances).
/// </summary>
public sealed class CacheInvalidationTests
{
    private static Task<CherryServer> StartAsync(Action<IServiceCollection>? services = null) =>
        CherryServer.StartAsync(app => app.MapCherry(app.Services.GetRequiredService<InvalidationRoot>(), "/"), services: s =>
        {
            s.AddSingleton<InvalidationRoot>();
            services?.Invoke(s);
        });

    /// <summary>The body, and whether the cache served it.</summary>
    private static async Task<(string Body, bool Cached)> GetAsync(CherryServer server, string url, params (string, string)[] headers)
    {
        var (response, body) = await server.Client.FetchAsync(url, headers);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (body, response.Headers.Age is not null);
    }

    // The '#fr' suffix is not sent: it names a second Vary variant of the same URL.
    private static string Language(string key) => key.EndsWith("#fr", StringComparison.Ordinal) ? "fr" : "en";

    private static string Url(string key) => key.Split('#')[0];

    [Fact]
    public async Task Dropping_a_path_drops_its_query_strings_and_variants_and_nothing_else()
    {
        await using var server = await StartAsync();
        string[] keys = ["/docs/a", "/docs/a?page=2", "/docs/a#fr", "/docs/b", "/docs/a/deeper"];
        var first = await WarmKeysAsync(server, keys);

        Assert.Equal("dropped /docs/a", (await server.Client.FetchAsync("/drop?path=/docs/a")).Body);
        foreach (var key in new[] { "/docs/a", "/docs/a?page=2", "/docs/a#fr" })
        {
            var (body, cached) = await GetKeyAsync(server, key);
            Assert.False(cached, key);
            Assert.NotEqual(first[key], body);
        }
        Assert.Equal((first["/docs/b"], true), await GetKeyAsync(server, "/docs/b"));
        Assert.Equal((first["/docs/a/deeper"], true), await GetKeyAsync(server, "/docs/a/deeper"));
        // What the handler computed after the drop is cached again.
        Assert.True((await GetKeyAsync(server, "/docs/a")).Cached);
    }

    [Fact]
    public async Task Dropping_a_prefix_drops_everything_below_it_segment_by_segment()
    {
        await using var server = await StartAsync();
        string[] keys = ["/docs/a", "/docs/a/deeper", "/docs/a/deeper/still", "/docs/ab", "/docs/b"];
        var first = await WarmKeysAsync(server, keys);

        await server.Client.FetchAsync("/drop_under?prefix=/docs/a/");
        foreach (var key in new[] { "/docs/a", "/docs/a/deeper", "/docs/a/deeper/still" })
        {
            Assert.False((await GetKeyAsync(server, key)).Cached, key);
        }
        // '/docs/a' covers '/docs/a/...', not '/docs/ab'.
        Assert.Equal((first["/docs/ab"], true), await GetKeyAsync(server, "/docs/ab"));
        Assert.Equal((first["/docs/b"], true), await GetKeyAsync(server, "/docs/b"));

        await server.Client.FetchAsync("/drop_under?prefix=/");
        Assert.False((await GetKeyAsync(server, "/docs/b")).Cached);
    }

    [Fact]
    public async Task Every_host_a_path_was_cached_for_is_dropped()
    {
        await using var server = await StartAsync();
        var one = (await GetAsync(server, "/docs/x", ("Host", "one.example"))).Body;
        var two = (await GetAsync(server, "/docs/x", ("Host", "two.example"))).Body;
        Assert.Equal((one, true), await GetAsync(server, "/docs/x", ("Host", "one.example")));

        await server.Client.FetchAsync("/drop?path=/docs/x");
        Assert.False((await GetAsync(server, "/docs/x", ("Host", "one.example"))).Cached);
        Assert.False((await GetAsync(server, "/docs/x", ("Host", "two.example"))).Cached);
        Assert.NotEqual(two, (await GetAsync(server, "/docs/x", ("Host", "two.example"))).Body);
    }

    [Fact]
    public async Task A_response_computed_across_a_drop_is_not_stored()
    {
        // A store of four entries: what the slow request would store outlives the generation record the drop wrote.
        using var store = new MemoryCacheStore { MaxObjects = 4 };
        await using var server = await StartAsync(services => services.AddSingleton<ICacheStore>(store));
        var slow = server.Services.GetRequiredService<InvalidationRoot>().Slow;
        var pending = server.Client.FetchAsync("/slow/");
        await slow.Entered.Task;
        await server.Client.FetchAsync("/drop?path=/slow/");
        slow.Release.SetResult();
        Assert.Equal("slow visit #1", (await pending).Body);
        // Two more entries push the oldest (the generation record) out.
        await GetAsync(server, "/docs/x");

        var (body, cached) = await GetAsync(server, "/slow/");
        Assert.Equal("slow visit #2", body);
        Assert.False(cached);
    }

    [Theory]
    [InlineData(SharedCache.DistributedCache)]
    [InlineData(SharedCache.Redis)]
    public async Task A_drop_on_one_instance_reaches_another_through_a_shared_redis_store(SharedCache kind)
    {
        var useRedis = await SharedCacheStores.RegistrationAsync(kind);
        await using var first = await StartAsync(useRedis);
        await using var second = await StartAsync(useRedis);
        // Two instances behind one host name: the cache key holds the host.
        var host = ("Host", "docs.example");
        var page = (await GetAsync(first, "/docs/a?q=1", host)).Body;
        var deeper = (await GetAsync(first, "/docs/a/deeper", host)).Body;
        var other = (await GetAsync(first, "/docs/b", host)).Body;
        Assert.Equal((page, true), await GetAsync(second, "/docs/a?q=1", host));
        Assert.Equal((deeper, true), await GetAsync(second, "/docs/a/deeper", host));

        Assert.Equal("dropped /docs/a", (await second.Client.FetchAsync("/drop?path=/docs/a")).Body);
        Assert.False((await GetAsync(first, "/docs/a?q=1", host)).Cached);
        Assert.Equal((deeper, true), await GetAsync(first, "/docs/a/deeper", host));

        await first.Client.FetchAsync("/drop_under?prefix=/docs/a");
        Assert.False((await GetAsync(second, "/docs/a/deeper", host)).Cached);
        Assert.Equal((other, true), await GetAsync(second, "/docs/b", host));
    }

    [Theory]
    [InlineData(SharedCache.DistributedCache)]
    [InlineData(SharedCache.Redis)]
    public async Task A_variant_stored_before_a_drop_is_not_served_after_it_on_another_instance(SharedCache kind)
    {
        var useRedis = await SharedCacheStores.RegistrationAsync(kind);
        await using var first = await StartAsync(useRedis);
        await using var second = await StartAsync(useRedis);
        var host = ("Host", "docs.example");
        var english = ("Accept-Language", "en");
        var french = ("Accept-Language", "fr");
        var en = (await GetAsync(first, "/docs/v", host, english)).Body;
        var fr = (await GetAsync(first, "/docs/v", host, french)).Body;
        Assert.Equal((fr, true), await GetAsync(second, "/docs/v", host, french));

        await second.Client.FetchAsync("/drop?path=/docs/v");
        // The English variant is computed and stored again first, under a new index record ...
        var en2 = await GetAsync(first, "/docs/v", host, english);
        Assert.False(en2.Cached);
        Assert.NotEqual(en, en2.Body);
        // ... and the French one stored before the drop is served by neither instance.
        var fr2 = await GetAsync(second, "/docs/v", host, french);
        Assert.False(fr2.Cached);
        Assert.NotEqual(fr, fr2.Body);
        Assert.Equal((en2.Body, true), await GetAsync(second, "/docs/v", host, english));
        Assert.Equal((fr2.Body, true), await GetAsync(first, "/docs/v", host, french));
    }

    [Fact]
    public async Task A_hit_on_the_redis_store_is_one_command_however_deep_the_path()
    {
        await using var multiplexer = await ConnectionMultiplexer.ConnectAsync(await TestServers.RedisAsync());
        var profile = new ProfilingSession();
        multiplexer.RegisterProfiler(() => profile);
        var store = new Stores.RedisCacheStore(multiplexer, "cherry-test-" + Guid.NewGuid().ToString("N") + ":");
        await using var server = await StartAsync(s => s.AddSingleton<ICacheStore>(store));

        foreach (var (url, commands) in new[] { ("/plain/a", "MGET"), ("/plain/a/b/c/d/e", "MGET"), ("/docs/a/b/c", "MGET GET") })
        {
            var (rendered, _) = await GetAsync(server, url);
            profile.FinishProfiling();
            Assert.Equal((rendered, true), await GetAsync(server, url));
            // The path's invalidation records, the URL's index and (without Vary) its response, in one read.
            Assert.Equal(commands, string.Join(' ', profile.FinishProfiling().Select(c => c.Command)));
        }
    }

    [Fact]
    public async Task Concurrent_hits_on_the_redis_store_share_reads_and_none_started_after_a_drop_serves_the_dropped_page()
    {
        await using var multiplexer = await ConnectionMultiplexer.ConnectAsync(await TestServers.RedisAsync());
        var profile = new ProfilingSession();
        multiplexer.RegisterProfiler(() => profile);
        var store = new Stores.RedisCacheStore(multiplexer, "cherry-test-" + Guid.NewGuid().ToString("N") + ":");
        await using var server = await StartAsync(s => s.AddSingleton<ICacheStore>(store));
        var dropped = (await GetAsync(server, "/plain/hot")).Body;
        profile.FinishProfiling();

        // 16 clients in a loop; each answer is kept with when its request started.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var answers = new System.Collections.Concurrent.ConcurrentBag<(TimeSpan Started, string Body)>();
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var started = clock.Elapsed;
                answers.Add((started, (await GetAsync(server, "/plain/hot")).Body));
            }
        })).ToList();
        await Poll.UntilAsync(() => answers.Count >= 400, TimeSpan.FromSeconds(30), "400 answers under load");
        Assert.Equal("dropped /plain/hot", (await server.Client.FetchAsync("/drop?path=/plain/hot")).Body);
        var afterDrop = clock.Elapsed;
        var count = answers.Count;
        await Poll.UntilAsync(() => answers.Count >= count + 400, TimeSpan.FromSeconds(30), "400 more answers");
        stop.Cancel();
        await Task.WhenAll(load);

        var reads = profile.FinishProfiling().Count(c => c.Command == "MGET");
        Assert.True(reads < answers.Count / 2, $"{reads} reads for {answers.Count} lookups: concurrent lookups did not share reads");
        var late = answers.Where(a => a.Started > afterDrop).ToList();
        Assert.NotEmpty(late);
        Assert.DoesNotContain(late, a => a.Body == dropped);
    }

    [Fact]
    public async Task With_its_redis_store_down_the_cache_answers_uncached_and_a_drop_answers_503()
    {
        await using var multiplexer = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{Ports.Free()},abortConnect=false,connectTimeout=500,asyncTimeout=500");
        var collector = new LogCollector();
        await using var server = await StartAsync(s => s.AddSingleton<ICacheStore>(new Stores.RedisCacheStore(multiplexer)).AddLogging(b => b.AddProvider(collector)));

        var first = await GetAsync(server, "/plain/x");
        var second = await GetAsync(server, "/plain/x");
        Assert.False(first.Cached);
        Assert.False(second.Cached);
        Assert.NotEqual(first.Body, second.Body);
        // One warning a request, at its lookup: a request found uncacheable does not try the store again to store.
        var warnings = collector.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.StartsWith("The cache store RedisCacheStore is unavailable; answering uncached: ", w));
        var (response, body) = await server.Client.FetchAsync("/drop?path=/plain/x");
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("The cache store is unavailable", body);
        Assert.DoesNotContain("   at ", body);
    }

    private static Task<(string Body, bool Cached)> GetKeyAsync(CherryServer server, string key) =>
        GetAsync(server, Url(key), ("Accept-Language", Language(key)));

    private static async Task<Dictionary<string, string>> WarmKeysAsync(CherryServer server, string[] keys)
    {
        var first = new Dictionary<string, string>();
        foreach (var key in keys)
        {
            first[key] = (await GetKeyAsync(server, key)).Body;
        }
        foreach (var key in keys)
        {
            Assert.Equal((first[key], true), await GetKeyAsync(server, key));
        }
        return first;
    }
}
