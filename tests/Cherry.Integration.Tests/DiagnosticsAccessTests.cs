using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Cherry.Integration.Tests.App;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cherry.Integration.Tests;

/// <summary>
/// The diagnostic pages (statistics, GC, profiles) outside Development: closed unless the app names who may see them
/// (a policy, loopback, or an explicit opt-in); /gc/stats ran two blocking collections per anonymous request.
/// </summary>
public sealed class DiagnosticsAccessTests
{
    private static readonly string[] Pages = ["/cpstats/", "/cpstats/data", "/gc/", "/gc/stats", "/profiler/"];

    private static Task<CherryServer> StartAsync(string environment, DiagnosticsAccess? access = null, bool policy = false) =>
        CherryServer.StartAsync(app =>
        {
            app.MapCherry<ReferenceRoot>("/", o => ReferenceAppFixture.WithSessions(o).Set("/", "tools.cpstats.on", "True"));
            var builders = new[] { app.MapCherryStats("/cpstats"), app.MapCherryGc("/gc"), app.MapCherryProfiler("/profiler", Path.GetTempPath()) };
            if (policy)
            {
                foreach (var builder in builders)
                {
                    builder.RequireAuthorization("admins");
                }
            }
        },
        configure: access is { } chosen ? o => o.DiagnosticsAccess = chosen : null,
        environment: environment,
        services: policy ? AddAdminPolicy : null);

    [Fact]
    public async Task Outside_development_they_are_closed_by_default()
    {
        await using var server = await StartAsync("Production");
        foreach (var page in Pages)
        {
            var (response, body) = await server.Client.FetchAsync(page);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("closed outside Development", body);
            Assert.Contains("CherryOptions.DiagnosticsAccess", body);
        }
        var pause = await server.Client.PostAsync("/cpstats/pause", null);
        Assert.Equal(HttpStatusCode.Forbidden, pause.StatusCode);
        // The app itself is unaffected.
        Assert.Equal(HttpStatusCode.OK, (await server.Client.FetchAsync("/")).Response.StatusCode);
    }

    [Theory]
    [InlineData("Development", null)]
    [InlineData("Production", DiagnosticsAccess.Loopback)]
    [InlineData("Production", DiagnosticsAccess.Anyone)]
    public async Task Development_loopback_or_an_opt_in_opens_them(string environment, DiagnosticsAccess? access)
    {
        await using var server = await StartAsync(environment, access);
        foreach (var page in Pages)
        {
            Assert.Equal(HttpStatusCode.OK, (await server.Client.FetchAsync(page)).Response.StatusCode);
        }
    }

    [Fact]
    public async Task A_policy_on_the_endpoints_decides_who_sees_them()
    {
        await using var server = await StartAsync("Production", policy: true);
        foreach (var page in Pages)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.FetchAsync(page)).Response.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await server.Client.FetchAsync(page, (HeaderAuthentication.Header, "guest"))).Response.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await server.Client.FetchAsync(page, (HeaderAuthentication.Header, "admin"))).Response.StatusCode);
        }
    }

    [Fact]
    public async Task Clients_asking_for_gc_stats_in_a_loop_cannot_multiply_the_collections()
    {
        await using var server = await StartAsync("Development");
        // The server runs in this process: its forced collections are this process's full collections.
        var before = GC.CollectionCount(GC.MaxGeneration);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            for (var i = 0; i < 10; i++)
            {
                var (response, body) = await server.Client.FetchAsync("/gc/stats");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Contains("Finished requests sampled:", body);
            }
        }));
        // Each check is two full collections: 40 requests made 80; now one check per interval runs (two if a slow
        // machine crosses one), and the rest of the process may add a few of its own.
        Assert.InRange(GC.CollectionCount(GC.MaxGeneration) - before, 2, 12);
    }

    private static void AddAdminPolicy(IServiceCollection services)
    {
        services.AddAuthentication(HeaderAuthentication.SchemeName).AddScheme<AuthenticationSchemeOptions, HeaderAuthentication>(HeaderAuthentication.SchemeName, null);
        services.AddAuthorization(o => o.AddPolicy("admins", p => p.RequireUserName("admin")));
    }

    /// <summary>A test's stand-in for a real scheme: the user named by a header.</summary>
    private sealed class HeaderAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "Header";
        public const string Header = "X-Test-User";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (Request.Headers[Header] is not [{ } name])
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], SchemeName);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
        }
    }
}
