using System.Net;
using Cherry.Integration.Tests.App;
using Microsoft.AspNetCore.Builder;

namespace Cherry.Integration.Tests;

public sealed class ProxyFixture : IAsyncLifetime
{
    public CherryServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await CherryServer.StartAsync(app =>
    {
        // Behind nginx on this host, which is itself behind a load balancer in 10.0.0.0/8.
        app.MapCherry<ProxiedRoot>("/", o => o
            .Set("/", "tools.proxy.on", "True")
            .Set("/", "tools.proxy.trusted_proxies", "127.0.0.1, ::1, 10.0.0.0/8")
            .Set("/", "tools.sessions.on", "True"));
        // Trusting only proxies elsewhere: the test client (127.0.0.1) is not one of them.
        app.MapCherry<ProxiedRoot>("/elsewhere", o => o
            .Set("/", "tools.proxy.on", "True")
            .Set("/", "tools.proxy.trusted_proxies", "10.0.0.0/8")
            .Set("/", "tools.sessions.on", "True"));
        // The default: loopback only.
        app.MapCherry<ProxiedRoot>("/loopback", o => o
            .Set("/", "tools.proxy.on", "True")
            .Set("/", "tools.sessions.on", "True"));
    });

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>
/// tools.proxy behind a TLS proxy: the scheme it establishes reaches cookies and every URL a tool builds, and
/// forwarding headers count only from trusted proxies, read from the nearest hop outwards.
/// </summary>
public sealed class ProxyTests(ProxyFixture fixture) : IClassFixture<ProxyFixture>
{
    private readonly HttpClient _client = fixture.Server.Client;

    private static readonly (string, string)[] FromTls = [("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", "front.example")];

    [Fact]
    public async Task Behind_a_tls_proxy_the_session_cookie_is_secure()
    {
        var (response, body) = await _client.FetchAsync("/visit", FromTls);
        Assert.Equal("visited", body);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("session_id=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie);
        // Plain HTTP at the proxy: no Secure, or the browser would never send the cookie back.
        var (plain, _) = await _client.FetchAsync("/visit", ("X-Forwarded-Proto", "http"));
        Assert.DoesNotContain("secure", plain.Headers.GetValues("Set-Cookie").Single());
    }

    [Fact]
    public async Task The_redirect_tool_and_trailing_slash_answer_with_the_forwarded_scheme_and_host()
    {
        var (moved, _) = await _client.FetchAsync("/moved", FromTls);
        Assert.Equal(HttpStatusCode.SeeOther, moved.StatusCode);
        Assert.Equal("https://front.example/where", moved.Headers.Location!.ToString());
        var (slash, _) = await _client.FetchAsync("/dir", FromTls);
        Assert.Equal(HttpStatusCode.MovedPermanently, slash.StatusCode);
        Assert.Equal("https://front.example/dir/", slash.Headers.Location!.ToString());
        Assert.Equal("base=https://front.example scheme=https remote=127.0.0.1 url=https://front.example/where",
            (await _client.FetchAsync("/where", [.. FromTls])).Body);
    }

    [Fact]
    public async Task Behind_a_path_base_absolute_path_redirects_and_the_session_cookie_stay_in_the_apps_url_space()
    {
        await using var server = await CherryServer.StartAsync(app =>
        {
            // What X-Forwarded-Prefix gives behind `location /app/`, or UsePathBase for an app mounted there.
            app.UsePathBase("/app");
            app.MapCherry<ProxiedRoot>("/", o => o.Set("/", "tools.sessions.on", "True"));
        });
        var origin = server.Address.GetLeftPart(UriPartial.Authority);

        foreach (var (url, status, location) in new[]
        {
            ("/app/moved", HttpStatusCode.SeeOther, "/app/where"),
            ("/app/broken", HttpStatusCode.SeeOther, "/app/where"),
            ("/app/dir", HttpStatusCode.MovedPermanently, "/app/dir/"),
        })
        {
            var (response, _) = await server.Client.FetchAsync(url);
            Assert.Equal((status, origin + location), (response.StatusCode, response.Headers.Location!.ToString()));
        }
        var (visit, _) = await server.Client.FetchAsync("/app/visit");
        Assert.Contains("; path=/app;", visit.Headers.GetValues("Set-Cookie").Single() + ";");
        // Without a path base (the fixture's apps), the same redirect goes to the host's /where: CherryPy's reading.
        Assert.Equal("http://" + fixture.Server.Address.Authority + "/where", (await _client.FetchAsync("/moved")).Response.Headers.Location!.ToString());
    }

    [Theory]
    // nginx's $proxy_add_x_forwarded_for appends the peer it saw: whatever the client wrote is to the left of it.
    [InlineData("203.0.113.9", "203.0.113.9")]
    [InlineData("1.2.3.4, 203.0.113.9", "203.0.113.9")]
    [InlineData("127.0.0.1, 203.0.113.9", "203.0.113.9")]
    // Through the load balancer (trusted) and nginx: the balancer's entry names the client.
    [InlineData("1.2.3.4, 198.51.100.7, 10.0.0.1", "198.51.100.7")]
    [InlineData("198.51.100.7,10.0.0.1, 10.2.3.4", "198.51.100.7")]
    // Every hop trusted: the farthest is the client. A port is not part of the address.
    [InlineData("10.0.0.2, 10.0.0.1", "10.0.0.2")]
    [InlineData("[2001:db8::7]:4711, 10.0.0.1", "2001:db8::7")]
    [InlineData("198.51.100.7:4711", "198.51.100.7")]
    // An entry that names no address ends the walk: the last address found stands.
    [InlineData("198.51.100.7, unknown, 10.0.0.1", "10.0.0.1")]
    [InlineData("not-an-ip", "127.0.0.1")]
    public async Task The_client_address_is_the_nearest_hop_that_is_not_a_trusted_proxy(string forwardedFor, string client)
    {
        var (_, body) = await _client.FetchAsync("/where", ("X-Forwarded-For", forwardedFor));
        Assert.Contains($" remote={client} ", body);
    }

    [Theory]
    // Two proxies that append (Apache's mod_proxy): the outer one's entries name the host the client used.
    [InlineData("198.51.100.7, 10.0.0.1", "public.example, inner.example", "public.example", "198.51.100.7")]
    // One proxy that appends to what the client wrote: the client's own entries are left of the proxy's and do not count.
    [InlineData("6.6.6.6, 198.51.100.7", "forged.example, real.example", "real.example", "198.51.100.7")]
    // A proxy that overwrites the host header: its one value stands for the hops behind it.
    [InlineData("198.51.100.7, 10.0.0.1", "front.example", "front.example", "198.51.100.7")]
    public async Task The_host_is_read_hop_by_hop_with_the_client_address(string forwardedFor, string forwardedHost, string host, string client)
    {
        var (_, body) = await _client.FetchAsync("/where", ("X-Forwarded-For", forwardedFor), ("X-Forwarded-Host", forwardedHost));
        Assert.Equal($"base=http://{host} scheme=http remote={client} url=http://{host}/where", body);
    }

    [Fact]
    public async Task Forwarding_headers_from_a_peer_that_is_no_trusted_proxy_are_ignored()
    {
        var (_, body) = await _client.FetchAsync("/elsewhere/where", [.. FromTls, ("X-Forwarded-For", "198.51.100.7")]);
        var authority = fixture.Server.Address.Authority;
        Assert.Equal($"base=http://{authority} scheme=http remote=127.0.0.1 url=http://{authority}/elsewhere/where", body);
        var (visited, _) = await _client.FetchAsync("/elsewhere/visit", FromTls);
        Assert.DoesNotContain("secure", visited.Headers.GetValues("Set-Cookie").Single());
    }

    [Fact]
    public async Task By_default_only_a_proxy_on_loopback_is_trusted()
    {
        var (_, body) = await _client.FetchAsync("/loopback/where", [.. FromTls, ("X-Forwarded-For", "198.51.100.7, 10.0.0.1")]);
        Assert.Equal("base=https://front.example scheme=https remote=10.0.0.1 url=https://front.example/loopback/where", body);
    }
}
