using Cherry;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Conformance;

/// <summary>
/// reference_app.py's set-up: the callables its config names, and its mounts. Program.cs runs it; the tests that
/// need the whole app (fuzzing, hardening) host the same set-up.
/// </summary>
public static class ConformanceApp
{
    /// <summary>The callables of the reference app's config dict, registered under the names the config refers to.</summary>
    public static void AddServices(IServiceCollection services)
    {
        services.AddKeyedSingleton("earth", AuthBasicTool.CheckPasswordDict(new Dictionary<string, string> { ["bird"] = "bebop" }));
        services.AddKeyedSingleton("wonderland", AuthDigestTool.Ha1FromPasswords(new Dictionary<string, string> { ["alice"] = "4x5istwelve" }));
        services.AddKeyedSingleton("default", new SessionAuthenticator
        {
            CheckUsernameAndPassword = (username, password) => username == "test" && password == "password" ? null : "Wrong login/password",
        });
    }

    /// <summary>Mounts the applications; <paramref name="here"/> holds conformance.conf and static/.</summary>
    public static void Map(WebApplication app, string here, string sessionDirectory)
    {
        var staticDirectory = Path.Combine(here, "static");
        app.MapCherry<Root>("/", options => options
            .AddIniFile(Path.Combine(here, "conformance.conf"))
            // Paths known only at run time, as reference_app.py computes them.
            .Set("/sfile", "tools.sessions.storage_path", sessionDirectory)
            .Set("/static", "tools.staticdir.dir", staticDirectory)
            .Set("/static_noindex", "tools.staticdir.root", here)
            .Set("/style.css", "tools.staticfile.filename", Path.Combine(staticDirectory, "style.css"))
            .ErrorPage("/nodef", 404, page => $"custom 404 page: {page.Status} | {page.Message}"));
        app.MapCherry<Mounted>("/mounted/app");
        app.MapCherryStats("/cpstats");
        app.MapCherryGc("/gc");
        // Both trees' OpenAPI document, generated at build time (docs/guide/openapi.md).
        app.MapCherryOpenApi("/openapi.json");
    }
}
