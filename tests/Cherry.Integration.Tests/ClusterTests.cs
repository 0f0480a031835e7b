using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Cherry.Integration.Tests;

/// <summary>
/// A real cluster (issue 27): three instances of tests/ClusterApp, each its own OS process so that <c>kill -9</c> is a
/// real crash, behind nginx, sharing sessions (RedisSessionStore) and the response cache (RedisCacheStore) through
/// one redis-server. Every request of the test goes through nginx; the X-Instance header says which instance answered.
/// <para>
/// The load balancer is nginx (Debian's package, run by the test in its own folder on a free port, see
/// <see cref="Cluster"/>), not YARP in the test process: it is what a deployment puts in front of Cherry, it runs apart
/// from the test's own thread pool, and its round robin and <c>proxy_next_upstream error timeout</c> are the ordinary
/// production settings: a request an instance refuses goes to the next one, while a POST already sent to an instance
/// that dies is not sent again (so it fails instead of counting twice).
/// </para>
/// <para>
/// The steps run in one test, each on the state the previous one left, and write what they saw to the test output.
/// The cache step comes before the kill so that all three instances take part in it.
/// </para>
/// </summary>
public sealed partial class ClusterTests(ITestOutputHelper output)
{
    private static readonly string[] Names = ["a", "b", "c"];

    [Fact]
    public async Task Three_instances_behind_nginx_share_sessions_and_cache_through_a_crash_and_a_redis_restart()
    {
        await using var cluster = await Cluster.StartAsync(Names);
        try
        {
            await SessionsAreSharedAsync(cluster);
            await InvalidationReachesEveryInstanceAsync(cluster);
            await KillingAnInstanceFailsOnlyRequestsInFlightAsync(cluster, victim: "b");
            await RedisRestartIsSurvivedAsync(cluster);
        }
        catch
        {
            output.WriteLine(cluster.Logs());
            throw;
        }
    }

    /// <summary>
    /// The issue's step 1: increments round robin in one session, then in several sessions at once, then in one session
    /// from several clients at once; every acknowledged increment counts.
    /// </summary>
    private async Task SessionsAreSharedAsync(Cluster cluster)
    {
        using var browser = new Browser(cluster.Address);
        var sequential = new List<Answer>();
        for (var i = 1; i <= 9; i++)
        {
            var answer = await browser.IncrementAsync();
            Assert.Equal($"200 count {i}", answer.ToString());
            sequential.Add(answer);
        }
        Assert.Equal(Names, sequential.Select(a => a.Instance).Distinct().Order());
        Log($"[sessions] one session, 9 sequential POST /counter/: answered by {Instances(sequential)} with counts 1..9 in order");

        var browsers = Enumerable.Range(0, 6).Select(_ => new Browser(cluster.Address)).ToArray();
        var each = await Task.WhenAll(browsers.Select(async b =>
        {
            var answers = new List<Answer>();
            for (var i = 0; i < 10; i++)
            {
                answers.Add(await b.IncrementAsync());
            }
            return (Answers: answers, Read: await b.ReadAsync());
        }));
        foreach (var (answers, read) in each)
        {
            Assert.Equal(Enumerable.Range(1, 10).Select(i => $"200 count {i}"), answers.Select(a => a.ToString()));
            Assert.Equal("200 count 10", read.ToString());
        }
        Log($"[sessions] 6 clients at once, 10 increments each in its own session: every client read back 10 " +
            $"(answers by instance {Tally(each.SelectMany(e => e.Answers))})");
        Dispose(browsers);

        // Several clients on one session: its lock in Redis serializes them across the instances.
        var cookies = new CookieContainer();
        var sharing = Enumerable.Range(0, 3).Select(_ => new Browser(cluster.Address, cookies)).ToArray();
        Assert.Equal("200 count 1", (await sharing[0].IncrementAsync()).ToString());
        var together = (await Task.WhenAll(sharing.Select(async b =>
        {
            var answers = new List<Answer>();
            for (var i = 0; i < 5; i++)
            {
                answers.Add(await b.IncrementAsync());
            }
            return answers;
        }))).SelectMany(a => a).ToList();
        Assert.All(together, a => Assert.Equal(200, a.Status));
        Assert.Equal(Enumerable.Range(2, 15), together.Select(a => a.Count).Order());
        Assert.Equal("200 count 16", (await sharing[0].ReadAsync()).ToString());
        Log($"[sessions] 3 clients at once on one session, 5 increments each: counts 2..16 each answered once, read back 16 " +
            $"(answers by instance {Tally(together)})");
        Dispose(sharing);
    }

    /// <summary>The issue's step 3: the cached page is one for all instances, and dropping it on one drops it for all.</summary>
    private async Task InvalidationReachesEveryInstanceAsync(Cluster cluster)
    {
        using var browser = new Browser(cluster.Address);
        var primed = new List<Answer>();
        for (var i = 0; i < Names.Length; i++)
        {
            primed.Add(await browser.GetAsync("/page/"));
        }
        Assert.All(primed, a => Assert.Equal(200, a.Status));
        Assert.Equal(Names, primed.Select(a => a.Instance).Order());
        // One render, by the first instance; the others answer it from the shared cache.
        Assert.All(primed, a => Assert.Equal(primed[0].Body, a.Body));
        Assert.Equal([false, true, true], primed.Select(a => a.Cached));
        Log($"[cache] GET /page/ on each instance: {Describe(primed)}");

        var invalidation = await browser.SendAsync(HttpMethod.Post, "/invalidate");
        Assert.Equal("200 invalidated /page/", invalidation.ToString());
        var next = await browser.GetAsync("/page/");
        var after = await browser.GetAsync("/page/");
        Log($"[cache] POST /invalidate on {invalidation.Instance}, then GET /page/: {Describe([next, after])}");
        Assert.NotEqual(invalidation.Instance, next.Instance);
        Assert.Equal(200, next.Status);
        Assert.False(next.Cached);
        Assert.StartsWith($"rendered by {next.Instance},", next.Body);
        Assert.NotEqual(primed[0].Body, next.Body);
        // The fresh render is the one shared from then on.
        Assert.NotEqual(next.Instance, after.Instance);
        Assert.Equal((200, next.Body, true), (after.Status, after.Body, after.Cached));
    }

    /// <summary>
    /// The issue's step 2: clients increment their own sessions without pause while one instance is killed. A POST in
    /// flight on the victim when it dies fails (nginx does not send a POST twice); if it reached Redis before the kill
    /// its increment may have been stored without an answer, so a client's final count is its acknowledged increments
    /// plus at most its failed ones. Every request that starts after the kill succeeds, on the other instances.
    /// </summary>
    private async Task KillingAnInstanceFailsOnlyRequestsInFlightAsync(Cluster cluster, string victim)
    {
        const int clients = 6;
        var browsers = Enumerable.Range(0, clients).Select(_ => new Browser(cluster.Address)).ToArray();
        foreach (var browser in browsers)
        {
            Assert.Equal("200 count 1", (await browser.IncrementAsync()).ToString());
        }
        using var stop = new CancellationTokenSource();
        var load = browsers.Select(b => Task.Run(async () =>
        {
            var answers = new List<Answer>();
            while (!stop.IsCancellationRequested)
            {
                answers.Add(await b.IncrementAsync());
            }
            return answers;
        })).ToArray();
        await Task.Delay(500);
        var killSent = Stopwatch.GetTimestamp();
        await cluster.KillInstanceAsync(victim);
        var killed = Stopwatch.GetTimestamp();
        await Task.Delay(2000);
        await stop.CancelAsync();
        var each = await Task.WhenAll(load);

        var all = each.SelectMany(a => a).ToList();
        var failed = all.Where(a => a.Status != 200).ToList();
        // A request the victim was serving when it died: nginx answers it (no X-Instance) or drops it.
        bool InFlight(Answer a) => a.Instance is null && a.Started < killed && a.Ended > killSent;
        var later = all.Where(a => a.Started > killed).ToList();
        Log($"[kill] kill -9 of instance {victim} while {clients} clients increment their own sessions: " +
            $"{all.Count(a => a.Ended < killSent)} requests before the kill ({Tally(all.Where(a => a.Ended < killSent))}), " +
            $"{failed.Count} failed ({string.Join("; ", failed.Select(f => f.Summary(killSent)))}), " +
            $"{later.Count} started after the kill ({Tally(later)})");
        var reads = new List<Answer>();
        foreach (var browser in browsers)
        {
            reads.Add(await browser.ReadAsync());
        }
        // Each session was made with one acknowledged increment before the load.
        var acknowledged = each.Select(answers => 1 + answers.Count(a => a.Status == 200)).ToArray();
        var unanswered = each.Select(answers => answers.Count(a => a.Status != 200)).ToArray();
        Log("[kill] per client, acknowledged increments / failed ones / count read back: " +
            string.Join("; ", reads.Select((read, i) => $"{acknowledged[i]}/{unanswered[i]}/{Describe([read])}")));

        Assert.All(failed, a => Assert.True(InFlight(a), "Not in flight on the victim: " + a.Summary(killSent)));
        Assert.InRange(failed.Count, 0, clients);
        Assert.All(later, a => Assert.True(a.Status == 200, "Failed after the kill: " + a.Summary(killSent)));
        Assert.DoesNotContain(later, a => a.Instance == victim);
        for (var i = 0; i < clients; i++)
        {
            Assert.Equal(200, reads[i].Status);
            Assert.InRange(reads[i].Count, acknowledged[i], acknowledged[i] + unanswered[i]);
        }
        Dispose(browsers);
    }

    /// <summary>
    /// The issue's step 4: with Redis down, the session page is a short 503, and the cached page anything but a 500 (the
    /// caching tool answers uncached through a cache store outage; a 503 would do). Redis started again on its port is
    /// found by the running instances, and the session goes on from its last acknowledged count (Redis's append-only
    /// file kept it).
    /// </summary>
    private async Task RedisRestartIsSurvivedAsync(Cluster cluster)
    {
        using var browser = new Browser(cluster.Address);
        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal($"200 count {i}", (await browser.IncrementAsync()).ToString());
        }
        // The cached page from every instance. Besides, an instance unlocks a session after its answer, without waiting;
        // its connection to Redis runs commands in order, so once the page's lookup is answered the unlock has landed.
        // Killed before it lands, Redis would keep the lock in its append-only file for the lease (60 s), and the
        // session would wait for it after the restart: the kill step's lock, left by Redis instead of an instance.
        var before = new List<Answer>();
        for (var i = 0; i < Names.Length; i++)
        {
            before.Add(await browser.GetAsync("/page/"));
        }
        Assert.All(before, a => Assert.Equal((200, true), (a.Status, a.Cached)));
        await cluster.KillRedisAsync();

        // One request per instance still up (two, after the kill), and one more.
        var down = new List<Answer>();
        for (var i = 0; i < 3; i++)
        {
            down.Add(await browser.IncrementAsync());
        }
        var page = await browser.GetAsync("/page/");
        Log($"[redis] Redis killed: POST /counter/ answered {Describe(down)}; GET /page/ answered {Describe([page])}");
        Assert.All(down, a =>
        {
            Assert.Equal(503, a.Status);
            Assert.StartsWith("The session store is unavailable", Http.ErrorMessage(a.Body));
            AssertNoStackTrace(a.Body);
        });
        AssertNoStackTrace(page.Body);

        var restarted = Stopwatch.GetTimestamp();
        await cluster.StartRedisAsync();
        // Each instance reconnects on its own: wait for a round of successes in a row (round robin: one per instance).
        var recovery = new List<Answer>();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        bool Recovered() => recovery.Count >= Names.Length && recovery.TakeLast(Names.Length).All(a => a.Status == 200);
        while (!Recovered() && DateTime.UtcNow < deadline)
        {
            recovery.Add(await browser.IncrementAsync());
            if (recovery[^1].Status != 200)
            {
                await Task.Delay(100);
            }
        }
        var pageAfter = await browser.GetAsync("/page/");
        var timeline = string.Join(", ", recovery.Select(a => $"{a.Instance} {(a.Status == 200 ? a.Body : a.Status)} at {Answer.Milliseconds(restarted, a.Ended)} ms"));
        var refusals = string.Join(" / ", recovery.Where(a => a.Status != 200).Select(a => $"'{a.Message}'").Distinct());
        Log($"[redis] Redis started again on its port, instances left running: {Stopwatch.GetElapsedTime(restarted).TotalSeconds:F1} s " +
            $"to {Names.Length} successes in a row ({timeline}; the 503s said {refusals}); GET /page/ then answered {Describe([pageAfter])}");
        Assert.True(Recovered(), "No round of successes within 15 s of the restart.");
        Assert.All(recovery.Where(a => a.Status != 200), a => Assert.Equal(503, a.Status));
        // The session goes on from its last acknowledged count (Redis kept it), and no 503 counted.
        var counts = recovery.Where(a => a.Status == 200).Select(a => a.Count).ToList();
        Assert.Equal(Enumerable.Range(4, counts.Count), counts);
        Assert.Equal(200, pageAfter.Status);
        Assert.True(page.Status is 200 or 503, $"With Redis down the cached page answered {page.Status}: {page.Message}");
    }

    /// <summary>An error page's body: no stack frames and no exception dump (the instances run as Production).</summary>
    private static void AssertNoStackTrace(string body)
    {
        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain("Exception:", body);
        Assert.DoesNotContain("--- End of", body);
    }

    private void Log(string line) => output.WriteLine(line);

    private static string Instances(IEnumerable<Answer> answers) => string.Join(",", answers.Select(a => a.Instance));

    private static string Tally(IEnumerable<Answer> answers) =>
        string.Join(" ", answers.GroupBy(a => a.Instance ?? "none").OrderBy(g => g.Key).Select(g => $"{g.Key}:{g.Count()}"));

    private static string Describe(IEnumerable<Answer> answers) =>
        string.Join(", ", answers.Select(a => $"{a.Instance ?? "no instance"} {a.Status} '{a.Message}'{(a.Cached ? " (cached)" : "")}"));

    private static void Dispose(IEnumerable<Browser> browsers)
    {
        foreach (var browser in browsers)
        {
            browser.Dispose();
        }
    }

    [GeneratedRegex("<title>(.*?)</title>")]
    private static partial Regex TitlePattern();

    /// <summary>One answer, or a request that got none (status 0, the error in the body); when it started and ended.</summary>
    private readonly record struct Answer(int Status, string Body, string? Instance, bool Cached, long Started, long Ended)
    {
        public int Count => int.Parse(Body.AsSpan("count ".Length), CultureInfo.InvariantCulture);

        /// <summary>The body of a success, the message of a Cherry error page, the title of nginx's.</summary>
        public string Message =>
            Status == 200 ? Body
            : Body.Contains("<p>", StringComparison.Ordinal) ? Http.ErrorMessage(Body)
            : TitlePattern().Match(Body) is { Success: true } title ? title.Groups[1].Value
            : Body;

        public override string ToString() => $"{Status} {Message}";

        /// <summary>What a failed request got, and when, in milliseconds from the kill.</summary>
        public string Summary(long kill) =>
            $"{(Status == 0 ? "no answer" : Status + " from " + (Instance ?? "nginx"))}: {Message} " +
            $"[{Milliseconds(kill, Started)}..{Milliseconds(kill, Ended)} ms]";

        public static string Milliseconds(long from, long to) =>
            ((to - from) * 1000 / Stopwatch.Frequency).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>One client: its own connections to nginx and its own cookies, unless it shares another's.</summary>
    private sealed class Browser(Uri address, CookieContainer? cookies = null) : IDisposable
    {
        private readonly HttpClient _client = new(new SocketsHttpHandler { UseCookies = true, CookieContainer = cookies ?? new() })
        {
            BaseAddress = address,
            // Past the session lock's 30 s timeout, so that a request waiting on a lock gets its answer.
            Timeout = TimeSpan.FromSeconds(60),
        };

        /// <summary>POST: nginx does not send it to a second instance once it reached one.</summary>
        public Task<Answer> IncrementAsync() => SendAsync(HttpMethod.Post, "/counter/");

        public Task<Answer> ReadAsync() => GetAsync("/counter/read");

        public Task<Answer> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

        public async Task<Answer> SendAsync(HttpMethod method, string path)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var request = new HttpRequestMessage(method, path);
                using var response = await _client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var instance = response.Headers.TryGetValues("X-Instance", out var values) ? values.Single() : null;
                return new((int)response.StatusCode, body, instance, response.Headers.Age is not null, started, Stopwatch.GetTimestamp());
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return new(0, ex.Message, null, false, started, Stopwatch.GetTimestamp());
            }
        }

        public void Dispose() => _client.Dispose();
    }
}
