using System.Net;
using System.Text.Json;
using Cherry.Integration.Tests.App;

namespace Cherry.Integration.Tests;

/// <summary>
/// MapCherryOpenApi joins the generated documents of the mounted trees: each under the script name it answers at, a
/// tree mounted twice under both, whether the apps were mapped before or after it.
/// </summary>
public sealed class OpenApiMountTests
{
    [Fact]
    public async Task Each_mounted_tree_is_described_under_the_script_name_it_answers_at()
    {
        await using var server = await CherryServer.StartAsync(app =>
        {
            app.MapCherryOpenApi("/docs/openapi.json", title: "Mounts", version: "2.0");
            app.MapCherry<KeywordRoot>("/kw");
            app.MapCherry<KeywordRoot>("/api/v1");
        });

        using var response = await server.Client.GetAsync("/docs/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;
        Assert.Equal("3.1.1", root.GetProperty("openapi").GetString());
        Assert.Equal(("Mounts", "2.0"), (root.GetProperty("info").GetProperty("title").GetString(), root.GetProperty("info").GetProperty("version").GetString()));
        Assert.Equal(["/api/v1/hello", "/api/v1/page", "/kw/hello", "/kw/page"], root.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order());

        // [KeywordOnly]: a required value that is never a path segment, so a query parameter.
        var parameters = root.GetProperty("paths").GetProperty("/api/v1/page").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Select(p => (p.GetProperty("name").GetString(), p.GetProperty("in").GetString(), p.GetProperty("required").GetBoolean())).ToList();
        Assert.Equal([("size", "query", true), ("section", "query", false)], parameters);

        // The described URLs are the ones that answer.
        var (page, body) = await server.Client.FetchAsync("/api/v1/page?size=3");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("top 3", body);
    }
}
