using System.Net;
using System.Text;
using System.Text.Json;
using Cherry.Integration.Tests;
using Wiki;

namespace Cherry.Wiki.Tests;

/// <summary>
/// The JSON API's ASP.NET Core policies and rules: [Authorize(Policy = "editors")] on DELETE (an API key's role),
/// [EnableRateLimiting("search")] on search, DataAnnotations on the bodies, each answered before the handler runs.
/// </summary>
public sealed class ApiPolicyTests
{
    private static Task<CherryServer> StartAsync() =>
        CherryServer.StartAsync(WikiApp.Map, services: WikiApp.AddServices, contentRoot: AppContext.BaseDirectory);

    private static async Task<(HttpResponseMessage Response, string Body)> SendAsync(CherryServer server, HttpMethod method, string url, string? apiKey = null, string? json = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json") };
        // An API client: errors come as problem documents.
        request.Headers.Add("Accept", "application/json");
        if (apiKey is not null)
        {
            request.Headers.Add("Authorization", "ApiKey " + apiKey);
        }
        return await server.Client.FetchAsync(request);
    }

    [Fact]
    public async Task Deleting_a_page_takes_an_editors_api_key()
    {
        await using var server = await StartAsync();
        var (anonymous, anonymousBody) = await SendAsync(server, HttpMethod.Delete, "/api/pages/FrontPage");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("ApiKey", anonymous.Headers.WwwAuthenticate.ToString());
        Assert.Equal(401, JsonDocument.Parse(anonymousBody).RootElement.GetProperty("status").GetInt32());

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(server, HttpMethod.Delete, "/api/pages/FrontPage", "not-a-key")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(server, HttpMethod.Delete, "/api/pages/FrontPage", "demo-reader-key")).Response.StatusCode);
        // Refused ones deleted nothing.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(server, HttpMethod.Get, "/api/pages/FrontPage")).Response.StatusCode);

        var (deleted, body) = await SendAsync(server, HttpMethod.Delete, "/api/pages/FrontPage", "demo-editor-key");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal("", body);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(server, HttpMethod.Get, "/api/pages/FrontPage")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(server, HttpMethod.Delete, "/api/pages/FrontPage", "demo-editor-key")).Response.StatusCode);
    }

    [Fact]
    public async Task The_export_is_for_editors_only()
    {
        await using var server = await StartAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(server, HttpMethod.Get, "/api/export")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(server, HttpMethod.Get, "/api/export", "demo-reader-key")).Response.StatusCode);
        var (response, body) = await SendAsync(server, HttpMethod.Get, "/api/export", "demo-editor-key");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Assert.Single(JsonDocument.Parse(body).RootElement.EnumerateArray());
        Assert.StartsWith("This wiki is a Cherry sample.", page.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Search_is_checked_and_rate_limited_per_client()
    {
        await using var server = await StartAsync();
        var (tooShort, problem) = await SendAsync(server, HttpMethod.Get, "/api/search?q=a");
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Equal(["q"], JsonDocument.Parse(problem).RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name));

        var (found, body) = await SendAsync(server, HttpMethod.Get, "/api/search?q=sample");
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal("FrontPage", JsonDocument.Parse(body).RootElement[0].GetProperty("name").GetString());

        // Two used above; the window allows SearchesPerMinute in all, then answers 429 until it ends.
        var statuses = new List<HttpStatusCode>();
        for (var i = 2; i <= WikiApp.SearchesPerMinute; i++)
        {
            statuses.Add((await SendAsync(server, HttpMethod.Get, "/api/search?q=wiki")).Response.StatusCode);
        }
        Assert.All(statuses.SkipLast(1), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        // The other pages are not limited.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(server, HttpMethod.Get, "/api/")).Response.StatusCode);
    }

    [Fact]
    public async Task A_body_that_breaks_its_rules_is_a_400_keyed_by_member()
    {
        await using var server = await StartAsync();
        var (response, body) = await SendAsync(server, HttpMethod.Post, "/api/pages/", json: $$"""{"name":"a b","title":"{{new string('t', 201)}}"}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.Equal(["name", "title"], errors.EnumerateObject().Select(p => p.Name));
        Assert.Equal("A page name is 1 to 64 letters, digits, '-' or '_'.", errors.GetProperty("name")[0].GetString());
    }
}
