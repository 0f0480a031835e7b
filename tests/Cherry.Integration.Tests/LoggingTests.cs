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
}
