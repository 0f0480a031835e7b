using System.Net;
using Cherry.Integration.Tests.App;

namespace Cherry.Integration.Tests;

/// <summary>
/// CherryPy's VirtualHost dispatcher as <see cref="CherryAppOptions.VirtualHost"/>: the host name picks a sub-tree,
/// config sections name the tree path, and handlers see the path the browser asked for. Found missing by CherryPy's
/// own test_virtualhost.
/// </summary>
public sealed class VirtualHostTests : IAsyncLifetime
{
    private CherryServer _server = null!;

    public async Task InitializeAsync() => _server = await CherryServer.StartAsync(app =>
    {
        app.MapCherry<VirtualHostRoot>("/", options => options
            .VirtualHost("shop.example", "/shop")
            .Set("/shop", "response.headers.X-Site", "shop")
            .Set("/shop/files", "tools.staticdir.on", "True")
            .Set("/shop/files", "tools.staticdir.root", AppContext.BaseDirectory)
            .Set("/shop/files", "tools.staticdir.dir", "Fixtures/static"));
        app.MapCherry<VirtualHostRoot>("/forwarded", options =>
        {
            options.UseXForwardedHost = true;
            options.VirtualHost("shop.example", "/shop");
        });
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("shop.example", "/", "shop index")]
    [InlineData("shop.example", "/item?id=7", "shop item 7")]
    [InlineData("shop.example", "/item/7", "shop item 7")]
    [InlineData("SHOP.Example:8080", "/", "shop index")]
    [InlineData("other.example", "/", "main index")]
    [InlineData("other.example", "/shop/item/7", "shop item 7")]
    [InlineData("other.example", "/item/7", "main default:item|7")]
    public async Task The_host_name_picks_the_sub_tree_in_any_case_and_on_any_port(string host, string path, string expected)
    {
        var (response, body) = await FetchAsync(path, host);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, body);
    }

    [Fact]
    public async Task A_host_given_with_a_port_matches_only_that_port()
    {
        await using var server = await CherryServer.StartAsync(app =>
            app.MapCherry<VirtualHostRoot>("/", options => options.VirtualHost("shop.example:8443", "/shop")));
        Assert.Equal("shop index", (await FetchAsync("/", "shop.example:8443", server: server)).Body);
        Assert.Equal("main index", (await FetchAsync("/", "shop.example:8080", server: server)).Body);
        Assert.Equal("main index", (await FetchAsync("/", "shop.example", server: server)).Body);
    }

    [Fact]
    public async Task Handlers_and_urls_see_the_browsers_path()
    {
        var (_, body) = await FetchAsync("/where", "shop.example");
        Assert.Equal("/where http://shop.example/next", body);
    }

    [Fact]
    public async Task Config_sections_name_the_tree_path_with_the_prefix()
    {
        var (response, _) = await FetchAsync("/", "shop.example");
        Assert.Equal("shop", response.Headers.GetValues("X-Site").Single());
        (response, _) = await FetchAsync("/", "other.example");
        Assert.False(response.Headers.Contains("X-Site"));
    }

    [Theory]
    [InlineData("shop.example", "/files/digits.txt")]
    [InlineData("other.example", "/shop/files/digits.txt")]
    public async Task A_staticdir_section_below_the_prefix_serves_on_both_paths(string host, string path)
    {
        var (response, body) = await FetchAsync(path, host);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures/static/digits.txt")), body);
    }

    [Fact]
    public async Task X_forwarded_host_is_read_only_when_asked_for()
    {
        Assert.Equal("main index", (await FetchAsync("/", "other.example", forwardedHost: "shop.example")).Body);
        Assert.Equal("shop index", (await FetchAsync("/forwarded/", "other.example", forwardedHost: "shop.example")).Body);
        Assert.Equal("main index", (await FetchAsync("/forwarded/", "other.example")).Body);
    }

    private Task<(HttpResponseMessage Response, string Body)> FetchAsync(string path, string host, string? forwardedHost = null, CherryServer? server = null)
    {
        server ??= _server;
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.Address, path));
        request.Headers.Host = host;
        if (forwardedHost is not null)
        {
            request.Headers.Add("X-Forwarded-Host", forwardedHost);
        }
        return server.Client.FetchAsync(request);
    }
}
