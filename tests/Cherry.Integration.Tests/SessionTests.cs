using System.Net;
using System.Text.RegularExpressions;
using Cherry.Integration.Tests.App;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Cherry.Integration.Tests;

public sealed class SessionFixture : IAsyncLifetime
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("cherry-sessions-").FullName;

    public CherryServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await CherryServer.StartAsync(app => app.MapCherry<SessionRoot>("/", o => o
        .Set("/sram", "tools.sessions.on", "True")
        .Set("/sram", "tools.sessions.name", "ram_sid")
        .Set("/sram", "tools.sessions.timeout", "10")
        .Set("/sram", "tools.sessions.httponly", "True")
        .Set("/sfile", "tools.sessions.on", "True")
        .Set("/sfile", "tools.sessions.storage_class", "file")
        .Set("/sfile", "tools.sessions.storage_path", Directory)
        .Set("/sfile", "tools.sessions.name", "file_sid")
        .Set("/sfile", "tools.sessions.persistent", "False")
        .Set("/sfile", "tools.sessions.locking", "early")));

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}

/// <summary>cases.md §10 (sessions) on the RAM and file stores, plus races and failures.</summary>
public sealed partial class SessionTests(SessionFixture fixture) : IClassFixture<SessionFixture>
{
    private readonly HttpClient _client = fixture.Server.Client;

    private static string SessionCookie(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name + "=", StringComparison.Ordinal));

    private static string IdOf(string cookie) => cookie.Split(';')[0].Split('=')[1];

    [Theory]
    // Behind a proxy: UseForwardedHeaders makes the request HTTPS, and the cookie follows.
    [InlineData(null, null, "http", "httponly", "secure")]
    [InlineData(null, null, "https", "httponly,secure", null)]
    [InlineData("False", "False", "https", null, "httponly")]
    [InlineData("True", "True", "http", "secure", null)]
    public async Task The_session_cookie_is_httponly_and_secure_over_https_by_default(string? httpOnly, string? secure, string scheme, string? present, string? absent)
    {
        await using var server = await CherryServer.StartAsync(app =>
        {
            app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto });
            app.MapCherry<SessionRoot>("/", o =>
            {
                o.Set("/", "tools.sessions.on", "True");
                if (httpOnly is not null)
                {
                    o.Set("/sram", "tools.sessions.httponly", httpOnly);
                }
                if (secure is not null)
                {
                    o.Set("/sram", "tools.sessions.secure", secure);
                }
            });
        });
        var (response, _) = await server.Client.FetchAsync("/sram/", ("X-Forwarded-Proto", scheme));
        var cookie = SessionCookie(response, "session_id");
        Assert.Contains("samesite=lax", cookie);
        foreach (var attribute in present?.Split(',') ?? [])
        {
            Assert.Contains(attribute, cookie);
        }
        if (absent is not null)
        {
            Assert.DoesNotContain(absent, cookie);
        }
    }

    [Fact]
    public async Task Ram_session_counts_and_keeps_its_id_with_CherryPys_cookie()
    {
        var (first, body) = await _client.FetchAsync("/sram/");
        var cookie = SessionCookie(first, "ram_sid");
        var id = IdOf(cookie);
        Assert.Matches("^[0-9a-f]{40}$", id);
        Assert.Equal($"counter=1 id={id}", body);
        Assert.Contains("max-age=600", cookie);
        Assert.Contains("expires=", cookie);
        Assert.Contains("path=/", cookie);
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=lax", cookie);

        var (second, again) = await _client.FetchAsync("/sram/", ("Cookie", "ram_sid=" + id));
        Assert.Equal($"counter=2 id={id}", again);
        Assert.Equal(id, IdOf(SessionCookie(second, "ram_sid")));
        Assert.Equal($"peek id={id}", (await _client.FetchAsync("/sram/peek", ("Cookie", "ram_sid=" + id))).Body);
    }

    [Fact]
    public async Task An_unknown_id_is_replaced_and_an_unsaved_session_is_never_adopted()
    {
        var (fresh, body) = await _client.FetchAsync("/sram/", ("Cookie", "ram_sid=deadbeef"));
        Assert.NotEqual("deadbeef", IdOf(SessionCookie(fresh, "ram_sid")));
        Assert.StartsWith("counter=1 ", body);
        var (peek1, _) = await _client.FetchAsync("/sram/peek", ("Cookie", "ram_sid=deadbeef"));
        var (peek2, _) = await _client.FetchAsync("/sram/peek", ("Cookie", "ram_sid=" + IdOf(SessionCookie(peek1, "ram_sid"))));
        Assert.NotEqual(IdOf(SessionCookie(peek1, "ram_sid")), IdOf(SessionCookie(peek2, "ram_sid")));
    }

    [Fact]
    public async Task Regenerate_moves_the_data_to_a_new_id_and_expire_ends_the_cookie()
    {
        var id = IdOf(SessionCookie((await _client.FetchAsync("/sram/")).Response, "ram_sid"));
        var (regenerated, body) = await _client.FetchAsync("/sram/regen", ("Cookie", "ram_sid=" + id));
        var newId = IdOf(SessionCookie(regenerated, "ram_sid"));
        Assert.NotEqual(id, newId);
        Assert.Equal("regenerated id=" + newId, body);
        Assert.Equal($"counter=2 id={newId}", (await _client.FetchAsync("/sram/", ("Cookie", "ram_sid=" + newId))).Body);
        Assert.NotEqual(id, IdOf(SessionCookie((await _client.FetchAsync("/sram/", ("Cookie", "ram_sid=" + id))).Response, "ram_sid")));

        var (expired, _) = await _client.FetchAsync("/sram/expire", ("Cookie", "ram_sid=" + newId));
        var cookie = SessionCookie(expired, "ram_sid");
        var expires = DateTimeOffset.Parse(ExpiresPattern().Match(cookie).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(expires < DateTimeOffset.UtcNow.AddDays(-300));
        Assert.DoesNotContain("max-age", cookie);
    }

    [GeneratedRegex("expires=([^;]+)")]
    private static partial Regex ExpiresPattern();

    [Fact]
    public async Task File_sessions_are_files_with_a_lock_file_and_a_session_cookie()
    {
        var (first, body) = await _client.FetchAsync("/sfile/");
        var cookie = SessionCookie(first, "file_sid");
        var id = IdOf(cookie);
        Assert.Equal($"counter=1 id={id}", body);
        Assert.DoesNotContain("expires", cookie);
        Assert.True(File.Exists(Path.Combine(fixture.Directory, "session-" + id)));
        // A new id is known to nobody else, so only a returning client's request takes the lock file.
        Assert.False(File.Exists(Path.Combine(fixture.Directory, "session-" + id + ".lock")));
        Assert.Equal($"counter=2 id={id}", (await _client.FetchAsync("/sfile/", ("Cookie", "file_sid=" + id))).Body);
        Assert.True(File.Exists(Path.Combine(fixture.Directory, "session-" + id + ".lock")));
    }

    [Theory]
    [InlineData("../../x")]
    [InlineData("../../../x")]
    public async Task A_file_session_id_that_names_a_path_gets_a_new_id(string offered)
    {
        var (response, body) = await _client.FetchAsync("/sfile/", ("Cookie", "file_sid=" + offered));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = IdOf(SessionCookie(response, "file_sid"));
        Assert.Matches("^[0-9a-f]{40}$", id);
        Assert.Equal($"counter=1 id={id}", body);
    }

    /// <summary>A server with file sessions at /sfile stored in <paramref name="directory"/>.</summary>
    private static Task<CherryServer> StartFileSessionsAsync(string directory) =>
        CherryServer.StartAsync(app => app.MapCherry<SessionRoot>("/", o => o.Set("/", "tools.sessions.on", "True")
            .Set("/sfile", "tools.sessions.storage_class", "file")
            .Set("/sfile", "tools.sessions.storage_path", directory)));

    [Fact]
    public async Task Requests_without_a_cookie_leave_no_file_behind()
    {
        var directory = Directory.CreateTempSubdirectory("cherry-sessions-").FullName;
        try
        {
            await using var server = await StartFileSessionsAsync(directory);
            for (var i = 0; i < 200; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await server.Client.FetchAsync("/sfile/peek")).Response.StatusCode);
            }
            Assert.Empty(Directory.GetFiles(directory));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task The_sweep_removes_lock_files_nobody_holds_whose_session_is_gone()
    {
        var directory = Directory.CreateTempSubdirectory("cherry-sessions-").FullName;
        try
        {
            await using var server = await StartFileSessionsAsync(directory);
            string Lock(string id) => Path.Combine(directory, "session-" + id + ".lock");
            var live = IdOf(SessionCookie((await server.Client.FetchAsync("/sfile/")).Response, "session_id"));
            await server.Client.FetchAsync("/sfile/", ("Cookie", "session_id=" + live));
            // Regenerating deletes the old session; its lock file stays until the sweep.
            var regenerated = IdOf(SessionCookie((await server.Client.FetchAsync("/sfile/")).Response, "session_id"));
            var renewed = IdOf(SessionCookie((await server.Client.FetchAsync("/sfile/regen", ("Cookie", "session_id=" + regenerated))).Response, "session_id"));
            // What a process that died holding a lock leaves behind.
            var orphan = SessionIds.New();
            await File.WriteAllBytesAsync(Lock(orphan), []);
            var store = new FileSessionStore(directory);
            var held = SessionIds.New();
            await using (await store.LockAsync(held, TimeSpan.FromSeconds(1), default))
            {
                Assert.True(File.Exists(Lock(regenerated)));
                await store.CleanUpAsync(default);
                Assert.True(File.Exists(Lock(held)), "a lock in use stays");
            }
            Assert.False(File.Exists(Lock(regenerated)));
            Assert.False(File.Exists(Lock(orphan)));
            Assert.True(File.Exists(Lock(live)), "a live session's lock stays");
            Assert.Equal(
                new[] { "session-" + live, "session-" + live + ".lock", "session-" + renewed, "session-" + held + ".lock" }.Order(),
                Directory.GetFiles(directory).Select(Path.GetFileName).Order());
            Assert.Equal($"counter=3 id={live}", (await server.Client.FetchAsync("/sfile/", ("Cookie", "session_id=" + live))).Body);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Requests_waiting_for_a_held_file_session_wait_in_memory_and_open_its_lock_file_once_each()
    {
        // Issue 24, finding 7: each waiter polled the lock file every 20 ms, a throwing open each time.
        var directory = Directory.CreateTempSubdirectory("cherry-sessions-").FullName;
        try
        {
            await using var server = await StartFileSessionsAsync(directory);
            var id = IdOf(SessionCookie((await server.Client.FetchAsync("/sfile/")).Response, "session_id"));
            var store = server.Services.GetRequiredService<SessionStores>().File(directory);
            const int Waiters = 40;
            Task<(HttpResponseMessage Response, string Body)>[] requests;
            long opensWhileHeld;
            var held = await store.LockAsync(id, TimeSpan.FromSeconds(30), default);
            var opensBefore = store.LockFileOpens;
            await using (held)
            {
                requests = [.. Enumerable.Range(0, Waiters).Select(_ => server.Client.FetchAsync("/sfile/", ("Cookie", "session_id=" + id)))];
                await Poll.UntilAsync(() => store.Locks.Waiting(id) == Waiters, TimeSpan.FromSeconds(20), "every request queued for the lock");
                // Time in which a polling waiter would have tried the file many times.
                await Task.Delay(300);
                opensWhileHeld = store.LockFileOpens - opensBefore;
            }
            var bodies = (await Task.WhenAll(requests)).Select(r => r.Body).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(0, opensWhileHeld);
            // Each waiter opened the file once, when its turn came.
            Assert.Equal(Waiters, store.LockFileOpens - opensBefore);
            Assert.Equal(Enumerable.Range(2, Waiters).Select(n => $"counter={n} id={id}").Order(StringComparer.Ordinal), bodies);
            Assert.Equal(0, store.Locks.Count);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("/sram/", "ram_sid")]
    [InlineData("/sfile/", "file_sid")]
    public async Task Fifty_concurrent_increments_lose_nothing(string url, string name)
    {
        var id = IdOf(SessionCookie((await _client.FetchAsync(url)).Response, name));
        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => _client.FetchAsync(url, ("Cookie", $"{name}={id}"))));
        Assert.Equal($"counter=52 id={id}", (await _client.FetchAsync(url, ("Cookie", $"{name}={id}"))).Body);
    }

    [Theory]
    [InlineData("/sram/", "ram_sid")]
    [InlineData("/sfile/", "file_sid")]
    public async Task A_failing_handler_releases_the_lock_and_saves_nothing(string url, string name)
    {
        var id = IdOf(SessionCookie((await _client.FetchAsync(url)).Response, name));
        var (failed, _) = await _client.FetchAsync(url + "fail", ("Cookie", $"{name}={id}"));
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        var next = _client.FetchAsync(url, ("Cookie", $"{name}={id}"));
        Assert.Same(next, await Task.WhenAny(next, Task.Delay(5000)));
        Assert.Equal($"counter=2 id={id}", (await next).Body);
    }

    /// <summary>
    /// Issue 24, finding 13: CherryPy sets the session cookie at init, so every error response carries it. Nothing is
    /// saved on an unanticipated error (CherryPy skips before_finalize there), so the cookie names the id the store
    /// has, not one the request regenerated; an HttpError runs before_finalize and saves, as CherryPy does.
    /// </summary>
    [Theory]
    [InlineData("/sram/", "ram_sid")]
    [InlineData("/sfile/", "file_sid")]
    public async Task Error_responses_carry_the_session_cookie_and_lose_no_saved_data(string url, string name)
    {
        var id = IdOf(SessionCookie((await _client.FetchAsync(url)).Response, name));
        (string Path, HttpStatusCode Status)[] errors =
        [
            ("fail", HttpStatusCode.InternalServerError),
            ("regen_fail", HttpStatusCode.InternalServerError),
            ("nope/nope", HttpStatusCode.NotFound),
            ("need?mail=x&extra=y", HttpStatusCode.NotFound),
            ("need", HttpStatusCode.NotFound),
        ];
        foreach (var (path, status) in errors)
        {
            var (response, _) = await _client.FetchAsync(url + path, ("Cookie", $"{name}={id}"));
            Assert.Equal(status, response.StatusCode);
            Assert.True(response.Headers.TryGetValues("Set-Cookie", out var cookies), path + ": no Set-Cookie");
            Assert.Equal(id, IdOf(Assert.Single(cookies, c => c.StartsWith(name + "=", StringComparison.Ordinal))));
        }
        Assert.Equal($"counter=2 id={id}", (await _client.FetchAsync(url, ("Cookie", $"{name}={id}"))).Body);

        var (forbidden, _) = await _client.FetchAsync(url + "forbid", ("Cookie", $"{name}={id}"));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(id, IdOf(SessionCookie(forbidden, name)));
        Assert.Equal($"counter=404 id={id}", (await _client.FetchAsync(url, ("Cookie", $"{name}={id}"))).Body);

        // A new session's cookie goes out on an error too, as CherryPy's does; unsaved, it is not adopted later.
        var (fresh, _) = await _client.FetchAsync(url + "fail");
        Assert.True(SessionIds.IsWellFormed(IdOf(SessionCookie(fresh, name))));
    }

    [Fact]
    public async Task A_lock_held_past_the_timeout_is_503_and_loses_nothing()
    {
        await using var server = await CherryServer.StartAsync(app => app.MapCherry<SessionRoot>("/", o => o.Set("/", "tools.sessions.on", "True")
            .Set("/sram", "tools.sessions.name", "sid")
            .Set("/sram", "tools.sessions.lock_timeout", "1")));
        var id = IdOf(SessionCookie((await server.Client.FetchAsync("/sram/")).Response, "sid"));
        var holding = server.Client.FetchAsync("/sram/hold", ("Cookie", "sid=" + id));
        // The holder has the lock once its handler runs (implicit locking locks before the handler).
        await ExtendedSessApp.Holding.GetOrAdd(id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task.WaitAsync(TimeSpan.FromSeconds(10));
        var (waited, body) = await server.Client.FetchAsync("/sram/", ("Cookie", "sid=" + id));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, waited.StatusCode);
        Assert.False(holding.IsCompleted, "the 503 came after the timeout, not after the holder finished");
        Assert.Equal("held", (await holding).Body);
        Assert.Equal($"counter=2 id={id}", (await server.Client.FetchAsync("/sram/", ("Cookie", "sid=" + id))).Body);
    }

    [Fact]
    public async Task Garbage_cookies_never_cause_a_server_error()
    {
        foreach (var cookie in new[] { "ram_sid=", "ram_sid", "=;=;", "ram_sid=\"\\x00\"", "ram_sid=" + new string('a', 4000) })
        {
            var (response, _) = await _client.FetchAsync("/sram/", ("Cookie", cookie));
            Assert.True((int)response.StatusCode < 500, cookie);
        }
    }

    [Fact]
    public async Task The_attribute_form_keeps_a_session()
    {
        var (first, body) = await _client.FetchAsync("/attributed/");
        Assert.Equal("visits=1", body);
        var id = IdOf(SessionCookie(first, "attr_sid"));
        Assert.Equal("visits=2", (await _client.FetchAsync("/attributed/", ("Cookie", "attr_sid=" + id))).Body);
    }

    [Fact]
    public async Task Explicit_locking_lets_the_handler_lock_and_concurrent_increments_still_hold()
    {
        var (first, body) = await _client.FetchAsync("/explicit/");
        Assert.Equal("n=1", body);
        var id = IdOf(SessionCookie(first, "explicit_sid"));
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _client.FetchAsync("/explicit/", ("Cookie", "explicit_sid=" + id))));
        Assert.Equal("n=22", (await _client.FetchAsync("/explicit/", ("Cookie", "explicit_sid=" + id))).Body);
    }

    [Fact]
    public async Task A_redis_session_request_sends_two_commands_unlocked_and_four_locked_with_the_unlock_unawaited()
    {
        await using var multiplexer = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(await TestServers.RedisAsync());
        var profile = new StackExchange.Redis.Profiling.ProfilingSession();
        multiplexer.RegisterProfiler(() => profile);
        var store = new Stores.RedisSessionStore(multiplexer, "cherry-test:" + Guid.NewGuid().ToString("N") + ":");
        await using var server = await CherryServer.StartAsync(app => app.MapCherry<SessionRoot>("/", o => o.Set("/", "tools.sessions.on", "True")), services: s => s.AddSingleton<ISessionStore>(store));

        // Awaited commands in order; the unlock is sent fire-and-forget and nobody waits for it.
        string Awaited() => string.Join(' ', profile.FinishProfiling()
            .Where(c => !c.Flags.HasFlag(StackExchange.Redis.CommandFlags.FireAndForget)).Select(c => c.Command));
        foreach (var (url, name, commands) in new[]
        {
            // The read that recognises the id is the load; then the write (PSETEX: the data with its expiry).
            ("/explicit/unlocked", "explicit_sid", "GET PSETEX"),
            // That read, the lock taken with the data read in one batch (SET NX PX, GET), then the write (PSETEX).
            ("/attributed/", "attr_sid", "GET SET GET PSETEX"),
        })
        {
            var (first, _) = await server.Client.FetchAsync(url);
            var cookie = ("Cookie", name + "=" + IdOf(SessionCookie(first, name)));
            await server.Client.FetchAsync(url, cookie);
            Awaited();
            var (response, body) = await server.Client.FetchAsync(url, cookie);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.EndsWith("=3", body);
            Assert.Equal(commands, Awaited());
        }
    }

    [Fact]
    public async Task Explicit_locking_reads_and_saves_the_session_unlocked_until_the_handler_locks_it()
    {
        var (first, body) = await _client.FetchAsync("/explicit/unlocked");
        Assert.Equal("u=1", body);
        var cookie = ("Cookie", "explicit_sid=" + IdOf(SessionCookie(first, "explicit_sid")));
        Assert.Equal("u=2", (await _client.FetchAsync("/explicit/unlocked", cookie)).Body);
        // A change made before the handler locks stays, and the lock's fresh read does not take it back.
        Assert.Equal("u=3 n=1", (await _client.FetchAsync("/explicit/change_then_lock", cookie)).Body);
        Assert.Equal("u=4", (await _client.FetchAsync("/explicit/unlocked", cookie)).Body);
    }

    [Theory]
    [InlineData("/sram", "ram_sid")]
    [InlineData("/sfile", "file_sid")]
    public async Task A_streamed_body_that_changes_the_session_has_the_change_saved(string url, string name)
    {
        var (first, body) = await _client.FetchAsync(url + "/gen");
        Assert.Equal("gen=1", body);
        var id = IdOf(SessionCookie(first, name));
        Assert.Equal("gen=2", (await _client.FetchAsync(url + "/gen", ("Cookie", $"{name}={id}"))).Body);
        Assert.Equal("gen=3", (await _client.FetchAsync(url + "/gen", ("Cookie", $"{name}={id}"))).Body);
    }

    [Theory]
    [InlineData("/sram", "ram_sid")]
    [InlineData("/sfile", "file_sid")]
    public async Task Delete_removes_the_session_from_the_store_and_expires_the_cookie(string url, string name)
    {
        var id = IdOf(SessionCookie((await _client.FetchAsync(url + "/")).Response, name));
        var (deleted, body) = await _client.FetchAsync(url + "/delete", ("Cookie", $"{name}={id}"));
        Assert.Equal("deleted", body);
        Assert.Contains("expires=", SessionCookie(deleted, name));
        if (url == "/sfile")
        {
            Assert.False(File.Exists(Path.Combine(fixture.Directory, "session-" + id)));
        }
        // The id is gone from the store: the next request with it starts over under a new id.
        var (next, again) = await _client.FetchAsync(url + "/", ("Cookie", $"{name}={id}"));
        Assert.StartsWith("counter=1 ", again);
        Assert.NotEqual(id, IdOf(SessionCookie(next, name)));
    }

    [Fact]
    public async Task An_internal_redirect_goes_on_with_the_session_it_holds()
    {
        var id = IdOf(SessionCookie((await _client.FetchAsync("/sram/")).Response, "ram_sid"));
        var started = System.Diagnostics.Stopwatch.StartNew();
        var (redirected, body) = await _client.FetchAsync("/sram/again", ("Cookie", "ram_sid=" + id));
        Assert.Equal(HttpStatusCode.OK, redirected.StatusCode);
        Assert.Equal($"counter=2 id={id}", body);
        Assert.Equal($"counter=3 id={id}", (await _client.FetchAsync("/sram/", ("Cookie", "ram_sid=" + id))).Body);
        // Neither request waited for the lock (its timeout is 30 s).
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), started.Elapsed.ToString());
    }

    [Fact]
    public async Task A_lock_held_into_an_internal_redirect_without_sessions_is_released_with_the_response()
    {
        var id = IdOf(SessionCookie((await _client.FetchAsync("/sram/")).Response, "ram_sid"));
        Assert.Equal("bare", (await _client.FetchAsync("/sram/away", ("Cookie", "ram_sid=" + id))).Body);
        var started = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal($"counter=2 id={id}", (await _client.FetchAsync("/sram/", ("Cookie", "ram_sid=" + id))).Body);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), started.Elapsed.ToString());
    }

    [Fact]
    public async Task Timeout_and_sweep_take_fractions_of_a_minute()
    {
        // The sessions' clock is DI's TimeProvider: the test moves it past the timeout instead of sleeping.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = new RamSessionStore(clock);
        await using var server = await CherryServer.StartAsync(app => app.MapCherry<SessionRoot>("/", o => o
            .Set("/sram", "tools.sessions.on", "True")
            .Set("/sram", "tools.sessions.timeout", "0.02")
            .Set("/sram", "tools.sessions.clean_freq", "0.01")
            .Set("/sfile", "tools.sessions.on", "True")),
            services: s => s.AddSingleton<TimeProvider>(clock).AddSingleton<ISessionStore>(store));
        var (first, _) = await server.Client.FetchAsync("/sram/");
        var cookie = SessionCookie(first, "session_id");
        Assert.Contains("max-age=1;", cookie);
        var id = IdOf(cookie);
        Assert.Equal($"counter=2 id={id}", (await server.Client.FetchAsync("/sram/", ("Cookie", "session_id=" + id))).Body);
        // Past the 1.2 s timeout (the sweep's 0.6 s timer fires on the way).
        clock.Advance(TimeSpan.FromSeconds(1.5));
        var (later, body) = await server.Client.FetchAsync("/sram/", ("Cookie", "session_id=" + id));
        Assert.StartsWith("counter=1 ", body);
        Assert.NotEqual(id, IdOf(SessionCookie(later, "session_id")));
    }
}
