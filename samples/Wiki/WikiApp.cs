using System.Threading.RateLimiting;
using Cherry;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Wiki;

/// <summary>The wiki's set-up, shared by Program.cs and the tests that host the same app.</summary>
public static class WikiApp
{
    /// <summary>The demo account (documented in README.md and on the login form). Replace with a real user store.</summary>
    public const string DemoUser = "demo";

    public const string DemoPassword = "demo";

    public static void AddServices(IServiceCollection services)
    {
        services.AddSingleton(new PageStore());
        services.AddSingleton(s => new WikiContent(Path.Combine(s.GetRequiredService<IHostEnvironment>().ContentRootPath, "static")));
        // wiki.conf's [/edit] names this authenticator: tools.session_auth.authenticator = 'wiki'.
        services.AddKeyedSingleton("wiki", new SessionAuthenticator
        {
            CheckUsernameAndPassword = (user, password) =>
                user == DemoUser && password == DemoPassword ? null : "Wrong user name or password.",
            LoginScreen = Html.LoginScreen,
        });
        // The JSON API's policies, which its handlers name: [Authorize(Policy = "editors")] takes an API key whose
        // grant has the editor role; [EnableRateLimiting("search")] lets each client search 20 times a minute.
        services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(EditorsPolicy, policy => policy.RequireRole("editor"));
        services.AddRateLimiter(limits =>
        {
            limits.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limits.AddPolicy(SearchPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = SearchesPerMinute, Window = TimeSpan.FromMinutes(1) }));
        });
    }

    public const string EditorsPolicy = "editors";

    public const string SearchPolicy = "search";

    public const int SearchesPerMinute = 20;

    /// <summary>
    /// Mounts the wiki at <c>/</c> with wiki.conf (relative to the content root), generated code building the Root
    /// from the services above, and its OpenAPI document at <c>/openapi.json</c>.
    /// </summary>
    public static void Map(WebApplication app)
    {
        app.MapCherry<Root>("/", options => options.AddIniFile("wiki.conf"));
        app.MapCherryOpenApi("/openapi.json", title: "Wiki");
    }
}

/// <summary>Where the wiki's files are: static/ under the content root, which Assets serves from memory.</summary>
public sealed record WikiContent(string StaticDirectory);
