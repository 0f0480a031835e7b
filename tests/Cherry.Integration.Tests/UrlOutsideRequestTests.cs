using Cherry.Integration.Tests.App;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Cherry.Integration.Tests;

/// <summary>cherrypy.url() outside a request: CherryUrls from DI, against a real Kestrel listener.</summary>
public sealed class UrlOutsideRequestTests
{
    [Fact]
    public async Task Urls_built_outside_a_request_lead_to_the_app_and_agree_with_request_url()
    {
        await using var server = await CherryServer.StartAsync(app => app.MapCherry<ResponseRoot>("/app"));
        var urls = server.Services.GetRequiredService<CherryUrls>();
        var authority = server.Address.GetLeftPart(UriPartial.Authority);

        // The listener is 127.0.0.1 on an ephemeral port: the base is that, as CherryPy's server.base() would say.
        Assert.Equal(authority, urls.ServerBase());
        var page = urls.Url("/url/./x/../", "path=/page1", scriptName: "/app");
        Assert.Equal(authority + "/app/url/?path=/page1", page);

        // Fetched, the handler answers request.Url("/page1"): the same URL the helper builds without a request.
        var (_, body) = await server.Client.FetchAsync(page);
        Assert.Equal(urls.Url("/page1", scriptName: "/app"), body);
        Assert.Equal("https://example.com/app/page1", urls.Url("page1", scriptName: "/app", baseUrl: "https://example.com"));
    }

    [Fact]
    public void Without_a_started_server_a_base_must_be_given()
    {
        var urls = new CherryUrls(server: null);
        Assert.Throws<InvalidOperationException>(() => urls.Url("/x"));
        Assert.Equal("http://h:8080/x", urls.Url("/x", baseUrl: "http://h:8080"));
    }
}
