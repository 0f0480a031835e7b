using Cherry;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

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
        // wiki.conf's [/edit] names this authenticator: tools.session_auth.authenticator = 'wiki'.
        services.AddKeyedSingleton("wiki", new SessionAuthenticator
        {
            CheckUsernameAndPassword = (user, password) =>
                user == DemoUser && password == DemoPassword ? null : "Wrong user name or password.",
            LoginScreen = Html.LoginScreen,
        });
    }

    /// <summary>
    /// Mounts the wiki at <c>/</c> with wiki.conf and static/ (both relative to the content root), and its OpenAPI
    /// document at <c>/openapi.json</c>.
    /// </summary>
    public static void Map(WebApplication app)
    {
        app.MapCherry(
            new Root(app.Services.GetRequiredService<PageStore>(), Path.Combine(app.Environment.ContentRootPath, "static")),
            "/", options => options.AddIniFile("wiki.conf"));
        app.MapCherryOpenApi("/openapi.json", title: "Wiki");
    }
}
