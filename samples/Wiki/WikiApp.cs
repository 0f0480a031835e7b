using Cherry;
using Microsoft.AspNetCore.Builder;
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
    }

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
