using Cherry.Integration.Tests.App;
using Cherry.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StackExchange.Redis;

namespace Cherry.Integration.Tests;

/// <summary>Clients of the shared servers (<see cref="TestServers"/>) and a store of each kind on them.</summary>
internal static class StoreServers
{
    private static readonly Lazy<Task<ConnectionMultiplexer>> Redis = new(async () => await ConnectionMultiplexer.ConnectAsync(await TestServers.RedisAsync()));

    public static Task<ConnectionMultiplexer> RedisAsync() => Redis.Value;

    private static readonly Lazy<Task<NpgsqlDataSource>> PostgresSource = new(async () => NpgsqlDataSource.Create(await TestServers.PostgresAsync()));

    public static async Task<ISessionStore> CreateAsync(string kind) => kind switch
    {
        "ram" => new RamSessionStore(),
        "file" => new FileSessionStore(Directory.CreateTempSubdirectory("cherry-store-").FullName),
        "redis" => new RedisSessionStore(await RedisAsync(), "cherry-test:" + Guid.NewGuid().ToString("N") + ":"),
        "postgres" => new PostgresSessionStore(await PostgresSource.Value, "cherry_sessions_" + Guid.NewGuid().ToString("N")[..12]),
        "memcached" => new MemcachedSessionStore(await TestServers.MemcachedAsync(), "cherry-test:" + Guid.NewGuid().ToString("N") + ":"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

/// <summary>One behavioural suite that every session backend passes against its real server.</summary>
public sealed class SessionStoreTests
{
    private static readonly string[] AllKinds = ["ram", "file", "redis", "postgres", "memcached"];

    public static TheoryData<string> Kinds => new(AllKinds);

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Saves_loads_and_deletes(string kind)
    {
        var store = await StoreServers.CreateAsync(kind);
        var id = SessionIds.New();
        Assert.Null(await store.LoadAsync(id, default));
        await store.SaveAsync(id, new Dictionary<string, string> { ["a"] = "1", ["ü"] = "ß" }, DateTimeOffset.UtcNow.AddMinutes(5), default);
        var loaded = await store.LoadAsync(id, default);
        Assert.Equal("1", loaded!["a"]);
        Assert.Equal("ß", loaded["ü"]);
        await store.DeleteAsync(id, default);
        Assert.Null(await store.LoadAsync(id, default));
    }

    /// <summary>
    /// Typed values (numbers, booleans, a record and a list through a JSON context, None kept apart from an absent key)
    /// survive every store, written on one request and read on the next; a removed key is absent.
    /// </summary>
    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Typed_values_and_none_round_trip_through_the_store(string kind)
    {
        var store = await StoreServers.CreateAsync(kind);
        await using var server = await CherryServer.StartAsync(
            app => app.MapCherry<TypedSessionRoot>("/", o => o.Set("/", "tools.sessions.on", "True")),
            services: s => s.AddSingleton(store));
        var (written, _) = await server.Client.FetchAsync("/write");
        var cookie = ("Cookie", written.Headers.GetValues("Set-Cookie").Single().Split(';')[0]);

        Assert.Equal("42|1099511627776|0.25|True|none=True has=True absent=False value=null|ü \"quoted\" <b>|apple,pear x3|x,y|42",
            (await server.Client.FetchAsync("/read", cookie)).Body);
        Assert.Equal("True False", (await server.Client.FetchAsync("/drop", cookie)).Body);
        Assert.StartsWith("-1|", (await server.Client.FetchAsync("/read", cookie)).Body);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Lock_and_load_reads_what_the_last_holder_saved_and_holds_the_lock(string kind)
    {
        var store = await StoreServers.CreateAsync(kind);
        var id = SessionIds.New();
        var expires = DateTimeOffset.UtcNow.AddMinutes(5);
        await store.SaveAsync(id, new Dictionary<string, string> { ["n"] = "1" }, expires, default);
        for (var n = 1; n <= 3; n++)
        {
            var locked = await store.LockAndLoadAsync(id, TimeSpan.FromSeconds(5), default);
            Assert.Equal(n.ToString(System.Globalization.CultureInfo.InvariantCulture), locked.Data!["n"]);
            await Assert.ThrowsAsync<TimeoutException>(async () => await store.LockAsync(id, TimeSpan.FromMilliseconds(100), default));
            await store.SaveAsync(id, new Dictionary<string, string> { ["n"] = (n + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) }, expires, default);
            // Released and at once taken again: the next holder reads this holder's save (Redis's unlock is not awaited).
            await locked.Lock.DisposeAsync();
        }
        var unknown = await store.LockAndLoadAsync(SessionIds.New(), TimeSpan.FromSeconds(5), default);
        Assert.Null(unknown.Data);
        await unknown.Lock.DisposeAsync();
    }

    /// <summary>
    /// A shared lock lives a short lease renewed while held (6 s): a live holder keeps it past the lease, and a holder
    /// that dies without unlocking (its connection gone, as with kill -9) frees it within the lease, so another
    /// instance waits seconds for the session, not its whole lock timeout.
    /// </summary>
    [Theory]
    [InlineData("redis")]
    [InlineData("memcached")]
    public async Task A_shared_lock_outlives_its_lease_while_held_and_a_dead_holders_lock_frees_itself(string kind)
    {
        var prefix = "cherry-test:" + Guid.NewGuid().ToString("N") + ":";
        var redis = kind == "redis" ? await ConnectionMultiplexer.ConnectAsync(await TestServers.RedisAsync()) : null;
        var memcached = kind == "memcached" ? await TestServers.MemcachedAsync() : null;
        ISessionStore Store(IConnectionMultiplexer? connection) => memcached is null
            ? new RedisSessionStore(connection!, prefix)
            : new MemcachedSessionStore(memcached, prefix);
        var holder = Store(redis);
        var other = Store(await StoreServers.RedisAsync());
        var id = SessionIds.New();

        var held = await holder.LockAsync(id, TimeSpan.FromSeconds(5), default);
        await Task.Delay(TimeSpan.FromSeconds(8));
        await Assert.ThrowsAsync<TimeoutException>(async () => await other.LockAsync(id, TimeSpan.FromMilliseconds(500), default));
        if (redis is null)
        {
            await held.DisposeAsync();
            await (await other.LockAsync(id, TimeSpan.FromSeconds(2), default)).DisposeAsync();
            return;
        }
        // The holder's process dies: its connection closes without the unlock, and no renewal follows.
        await redis.CloseAsync(allowCommandsToComplete: false);
        await (await other.LockAsync(id, TimeSpan.FromSeconds(10), default)).DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Expired_sessions_are_gone(string kind)
    {
        var store = await StoreServers.CreateAsync(kind);
        var id = SessionIds.New();
        await store.SaveAsync(id, new Dictionary<string, string> { ["a"] = "1" }, DateTimeOffset.UtcNow.AddSeconds(1), default);
        Assert.NotNull(await store.LoadAsync(id, default));
        // The server's clock decides (memcached's moves in whole seconds): polled with a deadline, not slept on.
        await Poll.UntilAsync(async () =>
        {
            await store.CleanUpAsync(default);
            return await store.LoadAsync(id, default) is null;
        }, TimeSpan.FromSeconds(10), "the expired session to be gone");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_session_saved_again_within_its_lifetime_stays(string kind)
    {
        // A one-second lifetime renewed every 200 ms: memcached's clock moves in whole seconds, and an item it was told
        // to keep for 1 s is gone at its next tick, however recently it was set.
        var store = await StoreServers.CreateAsync(kind);
        var id = SessionIds.New();
        var data = new Dictionary<string, string> { ["a"] = "1" };
        // Only a renewal made in time is judged: on a loaded machine a 200 ms wait can stretch past the lifetime, and the
        // session is then rightly gone.
        var onTime = 0;
        await store.SaveAsync(id, data, DateTimeOffset.UtcNow.AddSeconds(1), default);
        var sinceSave = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 12; i++)
        {
            await Task.Delay(200);
            var loaded = await store.LoadAsync(id, default);
            if (sinceSave.Elapsed < TimeSpan.FromMilliseconds(800))
            {
                Assert.NotNull(loaded);
                onTime++;
            }
            await store.SaveAsync(id, data, DateTimeOffset.UtcNow.AddSeconds(1), default);
            sinceSave.Restart();
        }
        Assert.True(onTime >= 3, $"only {onTime} of 12 renewals came in time to be judged");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Renewing_keeps_the_data_and_a_session_gone_stays_gone(string kind)
    {
        var store = await StoreServers.CreateAsync(kind);
        var (kept, gone) = (SessionIds.New(), SessionIds.New());
        var data = new Dictionary<string, string> { ["a"] = "1" };
        await store.SaveAsync(kept, data, DateTimeOffset.UtcNow.AddMinutes(1), default);
        await store.SaveAsync(gone, data, DateTimeOffset.UtcNow.AddMinutes(1), default);
        await store.DeleteAsync(gone, default);
        await store.RenewAsync(kept, data, DateTimeOffset.UtcNow.AddMinutes(2), default);
        await store.RenewAsync(gone, data, DateTimeOffset.UtcNow.AddMinutes(2), default);
        Assert.Equal("1", (await store.LoadAsync(kept, default))!["a"]);
        Assert.Null(await store.LoadAsync(gone, default));
    }

    /// <summary>
    /// A timeout of weeks or a year (tools.sessions.timeout is in minutes) keeps the session on every store: memcached
    /// reads an exptime past 30 days as a Unix time, so one sent as seconds expired at once.
    /// </summary>
    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_session_with_a_timeout_of_months_is_kept(string kind)
    {
        var store = await StoreServers.CreateAsync(kind);
        var id = SessionIds.New();
        var data = new Dictionary<string, string> { ["a"] = "1" };
        await store.SaveAsync(id, data, DateTimeOffset.UtcNow.AddDays(31), default);
        Assert.Equal("1", (await store.LoadAsync(id, default))!["a"]);
        await store.RenewAsync(id, data, DateTimeOffset.UtcNow.AddDays(365), default);
        Assert.Equal("1", (await store.LoadAsync(id, default))!["a"]);
    }

    /// <summary>
    /// Issue 24, finding 12: a session a request only reads expires on time unless every request renews it. A 3 s
    /// timeout, one write, then a read every second for six: CherryPy keeps the value, and so must every store. The stores run
    /// at once, each on its own server.
    /// </summary>
    [Fact]
    public async Task A_session_that_is_only_read_stays_while_in_use_on_every_store()
    {
        var failures = await Task.WhenAll(AllKinds.Select(ReadsKeepSessionAsync));
        Assert.Empty(failures.OfType<string>());
    }

    private static async Task<string?> ReadsKeepSessionAsync(string kind)
    {
        var store = await StoreServers.CreateAsync(kind);
        await using var server = await CherryServer.StartAsync(
            app => app.MapCherry<SessionRoot>("/", o => o.Set("/", "tools.sessions.on", "True").Set("/", "tools.sessions.timeout", "0.05")),
            services: s => s.AddSingleton(store));
        var id = (await server.Client.FetchAsync("/sram/")).Response.Headers.GetValues("Set-Cookie").Single().Split(';')[0].Split('=')[1];
        // Reads a second apart reach past the timeout (and past memcached's extra second) since the one write. A read
        // is judged only when it followed the previous request within the timeout, which a loaded machine can stretch.
        var sinceWrite = System.Diagnostics.Stopwatch.StartNew();
        var sinceLast = System.Diagnostics.Stopwatch.StartNew();
        var judged = 0;
        for (var i = 1; i <= 6; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var (_, body) = await server.Client.FetchAsync("/sram/read", ("Cookie", "session_id=" + id));
            if (sinceLast.Elapsed < TimeSpan.FromSeconds(2.5))
            {
                judged++;
                if (body != "counter=1")
                {
                    return $"{kind}: read {i}, {sinceWrite.Elapsed.TotalSeconds:0.0} s after the write and {sinceLast.Elapsed.TotalSeconds:0.0} s after the previous request, answered '{body}'";
                }
            }
            sinceLast.Restart();
        }
        if (judged < 4 || sinceWrite.Elapsed < TimeSpan.FromSeconds(5))
        {
            return $"{kind}: only {judged} reads came in time, over {sinceWrite.Elapsed.TotalSeconds:0.0} s";
        }
        return null;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_lock_excludes_a_second_holder_until_released(string kind)
    {
        var store = await StoreServers.CreateAsync(kind);
        var id = SessionIds.New();
        var first = await store.LockAsync(id, TimeSpan.FromSeconds(5), default);
        await Assert.ThrowsAsync<TimeoutException>(async () => await store.LockAsync(id, TimeSpan.FromMilliseconds(200), default));
        await first.DisposeAsync();
        var second = await store.LockAsync(id, TimeSpan.FromSeconds(5), default);
        await second.DisposeAsync();
    }

    /// <summary>
    /// A locked session's load and save run on the lock's connection: a pool of one connection serves a whole request
    /// (lock, load, save, unlock), where a second pooled connection would wait out the pool's timeout. Every write is
    /// committed at once: another connection sees it before the unlock.
    /// </summary>
    [Fact]
    public async Task A_locked_postgres_session_is_read_and_written_on_the_locks_one_connection()
    {
        var builder = new NpgsqlConnectionStringBuilder(await TestServers.PostgresAsync()) { MaxPoolSize = 1, Timeout = 2 };
        await using var onePool = NpgsqlDataSource.Create(builder.ConnectionString);
        var table = "cherry_sessions_" + Guid.NewGuid().ToString("N")[..12];
        var store = new PostgresSessionStore(onePool, table);
        var observer = new PostgresSessionStore(NpgsqlDataSource.Create(await TestServers.PostgresAsync()), table);
        var id = SessionIds.New();
        await store.CleanUpAsync(default);
        for (var request = 1; request <= 3; request++)
        {
            await using (await store.LockAsync(id, TimeSpan.FromSeconds(5), default))
            {
                var loaded = await store.LoadAsync(id, default);
                Assert.Equal(request == 1 ? null : (request - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), loaded?["count"]);
                await store.SaveAsync(id, new Dictionary<string, string> { ["count"] = request.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                    DateTimeOffset.UtcNow.AddMinutes(5), default);
                Assert.Equal(request.ToString(System.Globalization.CultureInfo.InvariantCulture), (await observer.LoadAsync(id, default))?["count"]);
            }
        }
        // Unlocked, a command takes the pooled connection again.
        Assert.Equal("3", (await store.LoadAsync(id, default))?["count"]);
    }

    [Fact]
    public async Task Session_locks_serve_waiters_in_order_and_forget_an_id_once_nobody_holds_or_awaits_it()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var locks = new SessionLocks(clock);
        var id = SessionIds.New();
        var holder = await locks.AcquireAsync(id, null, default);
        var order = new List<int>();
        using var cancel = new CancellationTokenSource();
        var waiters = Enumerable.Range(0, 6).Select(async i =>
        {
            TimeSpan? timeout = i == 2 ? TimeSpan.FromSeconds(1) : null;
            await using (await locks.AcquireAsync(id, timeout, i == 4 ? cancel.Token : default))
            {
                order.Add(i);
            }
        }).ToArray();
        Assert.Equal(6, locks.Waiting(id));
        clock.Advance(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<TimeoutException>(() => waiters[2]);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiters[4]);
        Assert.Equal(4, locks.Waiting(id));
        await holder.DisposeAsync();
        await Task.WhenAll(waiters[0], waiters[1], waiters[3], waiters[5]);
        Assert.Equal([0, 1, 3, 5], order);
        Assert.Equal(0, locks.Count);
        await (await locks.AcquireAsync(id, TimeSpan.Zero, default)).DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_malformed_session_id_is_no_id_and_gets_a_fresh_session(string kind)
    {
        var store = await StoreServers.CreateAsync(kind);
        await using var server = await CherryServer.StartAsync(
            app => app.MapCherry<SessionRoot>("/", o => o.Set("/", "tools.sessions.on", "True")),
            services: s => s.AddSingleton(store));
        var wellFormed = SessionIds.New();
        string[] malformed =
        [
            "", "deadbeef", wellFormed + "0", wellFormed.ToUpperInvariant(), new string('g', 40), new string('a', 4000),
            "../x", "../../../../../../etc/passwd", "..%2F..%2Fx", "a%20b", "%00",
        ];
        foreach (var offered in malformed)
        {
            var (response, body) = await server.Client.FetchAsync("/sram/", ("Cookie", "session_id=" + offered));
            Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"{offered}: {(int)response.StatusCode} {Http.ErrorMessage(body)}");
            var id = response.Headers.GetValues("Set-Cookie").Single().Split(';')[0].Split('=')[1];
            Assert.True(SessionIds.IsWellFormed(id), id);
            Assert.Equal($"counter=1 id={id}", body);
        }
    }

    [Theory]
    [InlineData("redis")]
    [InlineData("postgres")]
    [InlineData("memcached")]
    public async Task Two_instances_share_sessions_and_concurrent_increments_lose_nothing(string kind)
    {
        var store = await StoreServers.CreateAsync(kind);
        Task<CherryServer> Start() => CherryServer.StartAsync(
            app => app.MapCherry<SessionRoot>("/", o => o.Set("/", "tools.sessions.on", "True").Set("/sram", "tools.sessions.name", "sid")),
            services: s => s.AddSingleton(store));
        await using var a = await Start();
        await using var b = await Start();
        var (first, _) = await a.Client.FetchAsync("/sram/");
        var id = first.Headers.GetValues("Set-Cookie").Single().Split(';')[0].Split('=')[1];
        var cookie = ("Cookie", "sid=" + id);
        // One client alternating between the two instances, then both at once.
        for (var i = 2; i <= 5; i++)
        {
            var server = i % 2 == 0 ? b : a;
            Assert.Equal($"counter={i} id={id}", (await server.Client.FetchAsync("/sram/", cookie)).Body);
        }
        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => (i % 2 == 0 ? a : b).Client.FetchAsync("/sram/", cookie)));
        Assert.Equal($"counter=56 id={id}", (await a.Client.FetchAsync("/sram/", cookie)).Body);
    }
}
