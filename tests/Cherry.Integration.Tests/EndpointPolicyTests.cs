using System.Net;
using System.Threading.RateLimiting;
using Cherry.Integration.Tests.App;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace Cherry.Integration.Tests;

/// <summary>
/// ASP.NET Core's own attributes on handlers and node classes ([Authorize], [AllowAnonymous], [EnableRateLimiting],
/// [EnableCors], [RequestTimeout]) applied after dispatch by ASP.NET Core's middleware, through a real socket.
/// </summary>
public sealed class EndpointPolicyTests
{
    private static void AddPolicies(IServiceCollection services)
    {
        services.AddAuthentication(HeaderAuthentication.Name).AddScheme<AuthenticationSchemeOptions, HeaderAuthentication>(HeaderAuthentication.Name, null);
        services.AddAuthorizationBuilder().AddPolicy("admin", p => p.RequireRole("admin"));
        // ASP.NET Core's default rejection is 503; apps that mean "slow down" say 429, and Cherry answers what they say.
        services.AddRateLimiter(o => o.AddFixedWindowLimiter("two", w =>
        {
            w.PermitLimit = 2;
            w.Window = TimeSpan.FromHours(1);
            w.QueueLimit = 0;
        }).RejectionStatusCode = StatusCodes.Status429TooManyRequests);
        services.AddCors(o => o.AddPolicy("site", p => p.WithOrigins("https://site.example").WithMethods("GET", "POST").WithHeaders("X-Custom")));
        services.AddRequestTimeouts(o => o.AddPolicy("short", TimeSpan.FromMilliseconds(200)));
    }

    private static Task<CherryServer> StartAsync(Action<IServiceCollection>? services = null) =>
        CherryServer.StartAsync(app =>
        {
            app.MapCherry<PoliciesRoot>("/");
            app.MapCherryOpenApi("/openapi.json");
        }, services: services ?? AddPolicies);

    [Fact]
    public async Task Authorize_on_a_class_holds_below_it_and_AllowAnonymous_on_a_handler_opens_it()
    {
        await using var server = await StartAsync();

        Assert.Equal((HttpStatusCode.OK, "public"), Status(await server.Client.FetchAsync("/")));
        var (anonymous, page) = await server.Client.FetchAsync("/me");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Header", anonymous.Headers.WwwAuthenticate.ToString());
        // Cherry's error page for the status the middleware chose.
        Assert.Contains("401 Unauthorized", page);
        Assert.Equal((HttpStatusCode.OK, "user bob"), Status(await server.Client.FetchAsync("/me", ("X-User", "bob"))));
        Assert.Equal((HttpStatusCode.OK, "limited"), Status(await server.Client.FetchAsync("/open/limited")));
    }

    [Fact]
    public async Task A_policy_on_a_node_and_roles_on_its_handler_both_apply()
    {
        await using var server = await StartAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.FetchAsync("/admin/")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await server.Client.FetchAsync("/admin/", ("X-User", "bob;auditor"))).Response.StatusCode);
        Assert.Equal((HttpStatusCode.OK, "admin"), Status(await server.Client.FetchAsync("/admin/", ("X-User", "ann;admin"))));
        Assert.Equal(HttpStatusCode.Forbidden, (await server.Client.FetchAsync("/admin/audit", ("X-User", "ann;admin"))).Response.StatusCode);
        Assert.Equal((HttpStatusCode.OK, "audit"), Status(await server.Client.FetchAsync("/admin/audit", ("X-User", "ann;admin,auditor"))));
    }

    [Fact]
    public async Task An_api_handler_refused_by_a_policy_answers_a_problem_document()
    {
        await using var server = await StartAsync();

        var (response, body) = await server.Client.FetchAsync("/roles");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":401", body.Replace(" ", ""));
        Assert.Equal((HttpStatusCode.OK, "[\"a\",\"b\"]"), Status(await server.Client.FetchAsync("/roles", ("X-User", "bob;a,b"))));
    }

    [Fact]
    public async Task A_rate_limit_policy_on_one_handler_answers_429_past_its_permits_and_leaves_the_others_alone()
    {
        await using var server = await StartAsync();

        Assert.Equal(HttpStatusCode.OK, (await server.Client.FetchAsync("/open/limited")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.FetchAsync("/open/limited")).Response.StatusCode);
        var (refused, page) = await server.Client.FetchAsync("/open/limited");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("429 Too Many Requests", page);
        // The policy's limiter is shared by every handler naming it; a handler without it is not limited.
        var (json, problem) = await server.Client.FetchAsync("/open/limited_json");
        Assert.Equal(HttpStatusCode.TooManyRequests, json.StatusCode);
        Assert.Equal("application/problem+json", json.Content.Headers.ContentType?.MediaType);
        Assert.Contains("429", problem);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await server.Client.FetchAsync("/open/unlimited")).Response.StatusCode);
        }
    }

    [Fact]
    public async Task A_cors_policy_answers_its_preflight_and_marks_allowed_origins_only()
    {
        await using var server = await StartAsync();

        var (allowed, body) = await server.Client.FetchAsync("/open/shared", ("Origin", "https://site.example"));
        Assert.Equal((HttpStatusCode.OK, "shared"), (allowed.StatusCode, body));
        Assert.Equal("https://site.example", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var (other, _) = await server.Client.FetchAsync("/open/shared", ("Origin", "https://evil.example"));
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
        var (unlisted, _) = await server.Client.FetchAsync("/open/unlimited", ("Origin", "https://site.example"));
        Assert.False(unlisted.Headers.Contains("Access-Control-Allow-Origin"));

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/open/shared");
        preflight.Headers.Add("Origin", "https://site.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "X-Custom");
        var (answer, _) = await server.Client.FetchAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        Assert.Equal("https://site.example", answer.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("POST", answer.Headers.GetValues("Access-Control-Allow-Methods").Single());
    }

    [Fact]
    public async Task A_request_timeout_policy_answers_504_when_the_handler_outlasts_it()
    {
        await using var server = await StartAsync();

        var (response, page) = await server.Client.FetchAsync("/open/slow");
        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Contains("504", page);
    }

    [Fact]
    public async Task Start_up_names_every_missing_service_and_policy_at_once()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(services =>
        {
            services.AddAuthentication(HeaderAuthentication.Name).AddScheme<AuthenticationSchemeOptions, HeaderAuthentication>(HeaderAuthentication.Name, null);
            services.AddAuthorization();
            services.AddCors(o => o.AddPolicy("other", p => p.AllowAnyOrigin()));
            services.AddRequestTimeouts();
        }));

        Assert.Contains("[Authorize] on Cherry.Integration.Tests.App.PoliciesAdmin names the authorization policy 'admin', which is not defined", failure.Message);
        Assert.Contains("AddRateLimiter", failure.Message);
        Assert.Contains("[EnableCors] on Cherry.Integration.Tests.App.PoliciesOpen.Shared names the CORS policy 'site', which is not defined", failure.Message);
        Assert.Contains("[RequestTimeout] on Cherry.Integration.Tests.App.PoliciesOpen.Slow names the request timeout policy 'short'", failure.Message);
    }

    [Fact]
    public async Task Start_up_names_a_missing_authorization_service_and_authentication_scheme()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(services =>
        {
            services.AddRateLimiter(o => o.AddFixedWindowLimiter("two", w => w.PermitLimit = 1));
            services.AddCors(o => o.AddPolicy("site", p => p.AllowAnyOrigin()));
            services.AddRequestTimeouts(o => o.AddPolicy("short", TimeSpan.FromSeconds(1)));
        }));
        Assert.Contains("AddAuthorization", failure.Message);

        var noScheme = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(services =>
        {
            services.AddAuthorizationBuilder().AddPolicy("admin", p => p.RequireRole("admin"));
            services.AddRateLimiter(o => o.AddFixedWindowLimiter("two", w => w.PermitLimit = 1));
            services.AddCors(o => o.AddPolicy("site", p => p.AllowAnyOrigin()));
            services.AddRequestTimeouts(o => o.AddPolicy("short", TimeSpan.FromSeconds(1)));
        }));
        Assert.Contains("no authentication scheme challenges anonymous requests", noScheme.Message);
    }

    [Fact]
    public async Task The_openapi_document_gives_authorized_operations_their_scheme_401_and_403()
    {
        await using var server = await StartAsync();

        using var document = System.Text.Json.JsonDocument.Parse((await server.Client.FetchAsync("/openapi.json")).Body);
        var paths = document.RootElement.GetProperty("paths");
        System.Text.Json.JsonElement Get(string path) => paths.GetProperty(path).GetProperty("get");
        string[] Responses(string path) => [.. Get(path).GetProperty("responses").EnumerateObject().Select(r => r.Name)];

        Assert.Equal("Header", Get("/me").GetProperty("security")[0].EnumerateObject().Single().Name);
        Assert.Equal(["200", "401"], Responses("/me"));
        Assert.Equal(["200", "401", "403"], Responses("/admin/audit"));
        // [AllowAnonymous] opens what the class closes; a node marked so keeps its handlers open.
        Assert.False(Get("/").TryGetProperty("security", out _));
        Assert.Equal(["200"], Responses("/open/limited"));
        var scheme = document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("Header");
        Assert.Equal(("http", "Header"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("scheme").GetString()));
    }

    private static (HttpStatusCode, string) Status((HttpResponseMessage Response, string Body) answer) => (answer.Response.StatusCode, answer.Body);
}
