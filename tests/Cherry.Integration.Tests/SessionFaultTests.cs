using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Cherry.Integration.Tests.App;
using Cherry.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Cherry.Integration.Tests;

/// <summary>A session store that goes down gives 503s, and what was committed before is there when it comes back.</summary>
public sealed class SessionFaultTests
{
    private static Process StartRedis(int port, string directory) =>
        Process.Start(new ProcessStartInfo(ServerBinary.Require("redis-server", "redis-server"), $"--port {port} --bind 127.0.0.1 --dir {directory} --appendonly yes --appendfsync everysec --save \"\"")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;

    [Fact]
    public async Task Restarting_redis_gives_503s_while_down_and_loses_no_committed_session()
    {
        var port = Ports.Free();
        var directory = Directory.CreateTempSubdirectory("cherry-redis-").FullName;
        var redis = StartRedis(port, directory);
        try
        {
            await Ports.WaitAsync(port);
            var multiplexer = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port},abortConnect=false,connectTimeout=1000");
            var store = new RedisSessionStore(multiplexer);
            await using var server = await CherryServer.StartAsync(
                app => app.MapCherry<SessionRoot>("/", o => o.Set("/", "tools.sessions.on", "True").Set("/sram", "tools.sessions.name", "sid")),
                services: s => s.AddSingleton<ISessionStore>(store));
            var (first, _) = await server.Client.FetchAsync("/sram/");
            var id = first.Headers.GetValues("Set-Cookie").Single().Split(';')[0].Split('=')[1];
            var cookie = ("Cookie", "sid=" + id);
            var (second, secondBody) = await server.Client.FetchAsync("/sram/", cookie);
            Assert.True(second.StatusCode == HttpStatusCode.OK, Http.ErrorMessage(secondBody));
            Assert.Equal($"counter=2 id={id}", secondBody);

            redis.Kill();
            await redis.WaitForExitAsync();
            var (down, page) = await server.Client.FetchAsync("/sram/", cookie);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            Assert.StartsWith("The session store is unavailable", Http.ErrorMessage(page));

            redis = StartRedis(port, directory);
            await Ports.WaitAsync(port);
            var deadline = DateTime.UtcNow.AddSeconds(15);
            (HttpResponseMessage Response, string Body) answer;
            do
            {
                await Task.Delay(100);
                answer = await server.Client.FetchAsync("/sram/", cookie);
            }
            while (answer.Response.StatusCode == HttpStatusCode.ServiceUnavailable && DateTime.UtcNow < deadline);
            Assert.Equal($"counter=3 id={id}", answer.Body);
        }
        finally
        {
            if (!redis.HasExited)
            {
                redis.Kill();
            }
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task An_unreachable_memcached_is_503()
    {
        var closed = Ports.Free();
        var store = new MemcachedSessionStore("127.0.0.1:" + closed);
        await using var server = await CherryServer.StartAsync(
            app => app.MapCherry<SessionRoot>("/", o => o.Set("/", "tools.sessions.on", "True")),
            services: s => s.AddSingleton<ISessionStore>(store));
        var (response, _) = await server.Client.FetchAsync("/sram/", ("Cookie", "session_id=" + SessionIds.New()));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Theory]
    [InlineData("redis")]
    [InlineData("memcached")]
    public async Task An_unreachable_store_is_logged_with_the_store_and_the_error(string kind)
    {
        var closed = Ports.Free();
        await AssertOutageIsLoggedAsync(kind == "redis"
            ? new RedisSessionStore(await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{closed},abortConnect=false,connectTimeout=500,asyncTimeout=1000"))
            : new MemcachedSessionStore("127.0.0.1:" + closed),
            kind == "redis" ? "RedisConnectionException" : "SocketException");
    }

    [Fact]
    public async Task A_hung_redis_is_logged_without_the_session_id_its_error_names()
    {
        var port = Ports.Free();
        var directory = Directory.CreateTempSubdirectory("cherry-redis-").FullName;
        var redis = StartRedis(port, directory);
        try
        {
            await Ports.WaitAsync(port);
            var multiplexer = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port},abortConnect=false,asyncTimeout=500");
            await multiplexer.GetDatabase().PingAsync();
            // Stopped, not killed: the connection stays up and commands time out, with the key in the error.
            Process.Start("kill", ["-STOP", redis.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]).WaitForExit();
            await AssertOutageIsLoggedAsync(new RedisSessionStore(multiplexer), "RedisTimeoutException");
        }
        finally
        {
            redis.Kill();
            await redis.WaitForExitAsync();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>A request during the outage is 503, and one error names the store and the exception but not the id.</summary>
    private static async Task AssertOutageIsLoggedAsync(ISessionStore store, string exception)
    {
        var collector = new LogCollector();
        await using var server = await CherryServer.StartAsync(
            app => app.MapCherry<SessionRoot>("/", o => o.Set("/", "tools.sessions.on", "True")),
            services: s => s.AddSingleton(store).AddLogging(b => b.AddProvider(collector)));
        var id = SessionIds.New();
        var (response, _) = await server.Client.FetchAsync("/sram/", ("Cookie", "session_id=" + id));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var entry = Assert.Single(collector.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.StartsWith($"The session store {store.GetType().Name} is unavailable: ", entry.Message);
        Assert.Contains(exception, entry.Message);
        Assert.DoesNotContain(id, entry.Message);
    }
}

/// <summary>A private PostgreSQL cluster the test can stop and start (the shared one serves other tests).</summary>
public sealed class PostgresRestartTests
{
    [Fact]
    public async Task Restarting_postgres_gives_503s_while_down_and_loses_no_committed_session()
    {
        await using var cluster = await PostgresCluster.StartAsync();
        await using var source = Npgsql.NpgsqlDataSource.Create(cluster.ConnectionString + ";Timeout=2;Command Timeout=2");
        var store = new PostgresSessionStore(source);
        await using var server = await CherryServer.StartAsync(
            app => app.MapCherry<SessionRoot>("/", o => o.Set("/", "tools.sessions.on", "True").Set("/sram", "tools.sessions.name", "sid")),
            services: s => s.AddSingleton<ISessionStore>(store));
        var (first, _) = await server.Client.FetchAsync("/sram/");
        var id = first.Headers.GetValues("Set-Cookie").Single().Split(';')[0].Split('=')[1];
        var cookie = ("Cookie", "sid=" + id);
        Assert.Equal($"counter=2 id={id}", (await server.Client.FetchAsync("/sram/", cookie)).Body);

        await cluster.StopAsync();
        var (down, page) = await server.Client.FetchAsync("/sram/", cookie);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.StartsWith("The session store is unavailable", Http.ErrorMessage(page));

        await cluster.StartAgainAsync();
        Assert.Equal($"counter=3 id={id}", (await server.Client.FetchAsync("/sram/", cookie)).Body);
    }
}
