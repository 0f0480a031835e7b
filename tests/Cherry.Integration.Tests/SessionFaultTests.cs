using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Cherry.Integration.Tests.App;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Cherry.Integration.Tests;

/// <summary>A session store that goes down gives 503s, and what was committed before is there when it comes back.</summary>
public sealed class SessionFaultTests
{
    private static Process StartRedis(int port, string directory) =>
        Process.Start(new ProcessStartInfo("redis-server", $"--port {port} --bind 127.0.0.1 --dir {directory} --appendonly yes --appendfsync everysec --save \"\"")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;

    private static async Task WaitForPortAsync(int port)
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new TimeoutException("redis-server did not listen on " + port);
    }

    [Fact]
    public async Task Restarting_redis_gives_503s_while_down_and_loses_no_committed_session()
    {
        var port = Start(new TcpListener(System.Net.IPAddress.Loopback, 0));
        var directory = Directory.CreateTempSubdirectory("cherry-redis-").FullName;
        var redis = StartRedis(port, directory);
        try
        {
            await WaitForPortAsync(port);
            var multiplexer = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port},abortConnect=false,connectTimeout=1000");
            var store = new RedisSessionStore(multiplexer);
            await using var server = await CherryServer.StartAsync(
                app => app.MapCherry<SessionRoot>("/", o => o.Set("/sram", "tools.sessions.on", "True").Set("/sram", "tools.sessions.name", "sid")),
                services: s => s.AddSingleton<ISessionStore>(store));
            var (first, _) = await server.Client.FetchAsync("/sram/");
            var id = first.Headers.GetValues("Set-Cookie").Single().Split(';')[0].Split('=')[1];
            (string, string) cookie = ("Cookie", "sid=" + id);
            var (second, secondBody) = await server.Client.FetchAsync("/sram/", cookie);
            Assert.True(second.StatusCode == HttpStatusCode.OK, Http.ErrorMessage(secondBody));
            Assert.Equal($"counter=2 id={id}", secondBody);

            redis.Kill();
            await redis.WaitForExitAsync();
            var (down, page) = await server.Client.FetchAsync("/sram/", cookie);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            Assert.StartsWith("The session store is unavailable", Http.ErrorMessage(page));

            redis = StartRedis(port, directory);
            await WaitForPortAsync(port);
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

    private static int Start(TcpListener listener)
    {
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [Fact]
    public async Task An_unreachable_memcached_is_503()
    {
        var closed = Start(new TcpListener(System.Net.IPAddress.Loopback, 0));
        var store = new MemcachedSessionStore(new MemcachedClient("127.0.0.1", closed));
        await using var server = await CherryServer.StartAsync(
            app => app.MapCherry<SessionRoot>("/", o => o.Set("/sram", "tools.sessions.on", "True")),
            services: s => s.AddSingleton<ISessionStore>(store));
        var (response, _) = await server.Client.FetchAsync("/sram/", ("Cookie", "session_id=" + SessionIds.New()));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
