using System.Text;
using Cherry.Integration.Tests;
using Wiki;
using Xunit.Abstractions;

namespace Cherry.Wiki.Tests;

/// <summary>The integration tests' request fuzzer on the wiki's paths, in Production: no 5xx, no hang, and the wiki lives.</summary>
public sealed class WikiFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] Paths =
    [
        "/", "/page/FrontPage", "/page/NoSuchPage", "/page/", "/edit/", "/edit/FrontPage", "/edit/do_login", "/edit/do_logout",
        "/edit/login_screen", "/api/", "/api/pages/", "/api/pages/FrontPage", "/api/pages/NoSuchPage", "/static/wiki.css",
        "/static/missing.css", "/openapi.json", "/nonexistent",
    ];

    [Fact]
    public async Task Random_requests_never_get_a_5xx_or_hang_and_the_wiki_lives()
    {
        await using var server = await CherryServer.StartAsync(WikiApp.Map, services: WikiApp.AddServices, contentRoot: AppContext.BaseDirectory, environment: "Production");

        var (failures, summary) = await FuzzRunner.RunAsync(server.Address, Paths, 3_000);
        output.WriteLine(summary);

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        var (status, body) = await FuzzRunner.SendAsync(server.Address, Encoding.ASCII.GetBytes("GET /page/FrontPage HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
        Assert.Equal(200, status);
        Assert.Contains("FrontPage", body);
    }
}
