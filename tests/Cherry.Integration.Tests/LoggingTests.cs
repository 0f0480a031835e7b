using Cherry.Integration.Tests.App;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cherry.Integration.Tests;

/// <summary>The logging tools write through ILogger.</summary>
public sealed class LoggingTests
{
    [Fact]
    public async Task Tracebacks_headers_and_hooks_are_logged()
    {
        var collector = new LogCollector();
        await using var server = await ToolboxFixture.StartAsync(services => services.AddLogging(b => b.AddProvider(collector).SetMinimumLevel(LogLevel.Debug)));

        await server.Client.FetchAsync("/configured/failing", ("X-Probe", "probe-value"));
        var traceback = Assert.Single(collector.Entries, e => e.Message.StartsWith("Unhandled exception while serving GET /configured/failing", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Error, traceback.Level);
        Assert.Equal("configured failure", traceback.Error!.Message);
        Assert.Contains(collector.Entries, e => e.Message.Contains("X-Probe: probe-value", StringComparison.Ordinal));

        await server.Client.FetchAsync("/configured/cached");
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!collector.Entries.Any(e => e.Message.StartsWith("Request hooks for /configured/cached", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
        var hooks = Assert.Single(collector.Entries, e => e.Message.StartsWith("Request hooks for /configured/cached", StringComparison.Ordinal));
        Assert.Contains("BeforeHandler: trailing_slash(60), encode(70), caching(90)", hooks.Message);
    }

    private static async Task<string> AccessLineAsync(LogCollector collector, string fragment)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            // The access log's lines start with the client's address; ASP.NET Core's own request logs do not.
            if (collector.Entries.FirstOrDefault(e => e.Message.StartsWith("127.0.0.1 - - [", StringComparison.Ordinal) && e.Message.Contains(fragment, StringComparison.Ordinal)) is { Message: { } line })
            {
                return line;
            }
            await Task.Delay(20);
        }
        throw new TimeoutException("no access log line with " + fragment);
    }

    private static Task<CherryServer> StartReferenceAsync(LogCollector collector) =>
        CherryServer.StartAsync(
            app => app.MapCherry<ReferenceRoot>("/", o => ReferenceAppFixture.WithSessions(o).Set("/", "tools.log_access.on", "True")),
            environment: "Production",
            services: services => services.AddLogging(b => b.AddProvider(collector).SetMinimumLevel(LogLevel.Debug)));

    /// <summary>
    /// The requests an internal redirect replaced run their on_end_request hooks (EndOfRequestTests), but the exchange
    /// is logged once, by the last, as CherryPy logs it.
    /// </summary>
    [Fact]
    public async Task An_internal_redirect_is_one_access_line()
    {
        var collector = new LogCollector();
        await using var server = await StartReferenceAsync(collector);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await server.Client.FetchAsync("/internal")).Response.StatusCode);
        await AccessLineAsync(collector, "GET /internal");
        // A request after it, logged: the replaced request's hooks ran before (they run before the exchange ends).
        await server.Client.FetchAsync("/?name=after");
        await AccessLineAsync(collector, "GET /?name=after ");
        Assert.Single(collector.Entries, e => e.Message.StartsWith("127.0.0.1 - - [", StringComparison.Ordinal) && e.Message.Contains("GET /internal", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_client_that_goes_away_is_no_error()
    {
        var collector = new LogCollector();
        await using var server = await StartReferenceAsync(collector);
        var entered = App.ReferenceRoot.UntilAbortedEntered;
        using (var socket = new System.Net.Sockets.TcpClient())
        {
            await socket.ConnectAsync(server.Address.Host, server.Address.Port);
            await socket.GetStream().WriteAsync("GET /until_aborted HTTP/1.1\r\nHost: x\r\n\r\n"u8.ToArray());
            // The client leaves once the handler is running, not before the request arrived.
            await Poll.UntilAsync(() => App.ReferenceRoot.UntilAbortedEntered > entered, TimeSpan.FromSeconds(10), "the handler to start");
        }
        var line = await AccessLineAsync(collector, "GET /until_aborted");
        Assert.Contains("\" 499 ", line);
        Assert.DoesNotContain(collector.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Theory]
    [InlineData("/large")]
    [InlineData("/large_buffered")]
    public async Task An_abandoned_download_is_logged_as_499_with_the_bytes_that_went_out(string path)
    {
        var collector = new LogCollector();
        await using var server = await StartReferenceAsync(collector);
        using (var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp))
        {
            await socket.ConnectAsync(server.Address.Host, server.Address.Port);
            await socket.SendAsync(System.Text.Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n"));
            // The status line and headers, then away with the body unread: a reset, as from a closed browser tab.
            var head = "";
            var buffer = new byte[16 * 1024];
            while (!head.Contains("\r\n\r\n", StringComparison.Ordinal) && await socket.ReceiveAsync(buffer) is > 0 and var read)
            {
                head += System.Text.Encoding.Latin1.GetString(buffer, 0, read);
            }
            Assert.StartsWith("HTTP/1.1 200", head);
            Assert.Contains($"Content-Length: {ReferenceRoot.LargeSize}", head);
            socket.LingerState = new System.Net.Sockets.LingerOption(true, 0);
        }
        var (status, bytes) = StatusAndBytes(await AccessLineAsync(collector, $"GET {path} "));
        Assert.Equal("499", status);
        // What the socket buffers took, at most: far from the whole body.
        Assert.InRange(long.Parse(bytes, System.Globalization.CultureInfo.InvariantCulture), 0, ReferenceRoot.LargeSize / 4);
        Assert.DoesNotContain(collector.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task A_download_read_to_its_end_is_logged_with_its_status_and_length()
    {
        var collector = new LogCollector();
        await using var server = await StartReferenceAsync(collector);
        var (response, body) = await server.Client.FetchAsync("/large");
        Assert.Equal(ReferenceRoot.LargeSize, body.Length);
        Assert.Equal(("200", ReferenceRoot.LargeSize.ToString(System.Globalization.CultureInfo.InvariantCulture)), StatusAndBytes(await AccessLineAsync(collector, "GET /large ")));
    }

    private static (string Status, string Bytes) StatusAndBytes(string line)
    {
        var match = System.Text.RegularExpressions.Regex.Match(line, "HTTP/1\\.1\" (\\d{3}) (\\S+) \"");
        Assert.True(match.Success, line);
        return (match.Groups[1].Value, match.Groups[2].Value);
    }

    [Fact]
    public async Task The_access_log_escapes_what_could_forge_a_line()
    {
        var collector = new LogCollector();
        await using var server = await StartReferenceAsync(collector);
        await server.Client.FetchAsync("/one%0A127.0.0.1%20-%20-%20%22GET%20/forged?p1=%22", ("User-Agent", "agent \"quoted\""));
        var line = await AccessLineAsync(collector, "/one");
        Assert.DoesNotContain("\n", line);
        Assert.Contains("/one\\x0a127.0.0.1 - - \\\"GET /forged?p1=%22", line);
        Assert.EndsWith("\"agent \\\"quoted\\\"\"", line);
    }
}
