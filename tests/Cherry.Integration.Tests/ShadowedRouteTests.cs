using System.Net;
using Cherry.Integration.Tests.App;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cherry.Integration.Tests;

/// <summary>An endpoint mapped beside a mount that takes URLs the tree serves is named at start-up, with the handler it hides.</summary>
public sealed class ShadowedRouteTests
{
    [Fact]
    public async Task An_endpoint_that_takes_a_tree_handlers_url_is_a_start_up_warning_naming_both()
    {
        var collector = new LogCollector();
        await using var server = await CherryServer.StartAsync(app =>
        {
            app.MapCherry<PlainRoot>("/site");
            app.MapGet("/site/text", () => "minimal").WithDisplayName("minimal text");
            app.MapPost("/site/dir/leaf", () => "posted").WithDisplayName("minimal post");
            // Beside the mount, not in it: no warning.
            app.MapGet("/elsewhere/text", () => "elsewhere").WithDisplayName("elsewhere");
            // Below the mount, but no handler of the tree answers it: no warning.
            app.MapGet("/site/nothing/here", () => "free").WithDisplayName("free");
            // Text(string? name) would take "/site/text/extra" as a positional argument: a catch-all, no warning.
            app.MapGet("/site/text/extra", () => "extra").WithDisplayName("extra");
        }, services: s => s.AddLogging(b => b.AddProvider(collector)));

        var warnings = collector.Entries.Where(e => e.Level == LogLevel.Warning && e.Message.Contains("Cherry tree", StringComparison.Ordinal)).Select(e => e.Message).ToList();
        var text = Assert.Single(warnings, w => w.Contains("'minimal text'", StringComparison.Ordinal));
        Assert.Contains("(/site/text, GET)", text);
        Assert.Contains("mounted at '/site' serves with its handler at /text", text);
        Assert.Contains(warnings, w => w.Contains("'minimal post' (/site/dir/leaf, POST)", StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, w => w.Contains("'elsewhere'", StringComparison.Ordinal) || w.Contains("'free'", StringComparison.Ordinal) || w.Contains("'extra'", StringComparison.Ordinal));
        // What the warning says: routing gives the URL to the other endpoint.
        Assert.Equal((HttpStatusCode.OK, "minimal"), await StatusAsync(server, "/site/text"));
    }

    private static async Task<(HttpStatusCode, string)> StatusAsync(CherryServer server, string url)
    {
        var (response, body) = await server.Client.FetchAsync(url);
        return (response.StatusCode, body);
    }
}
