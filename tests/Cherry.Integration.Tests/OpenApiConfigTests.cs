using System.Net;
using System.Text.Json;
using Cherry.Integration.Tests.App;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Cherry.Integration.Tests;

/// <summary>
/// MapCherryOpenApi reads the completed chains: auth and session_auth switched on (or off) in configuration change the
/// operations' security, and static sections appear as paths; without configured tools the document is the generated one.
/// </summary>
public sealed class OpenApiConfigTests
{
    private static void AuthServices(IServiceCollection services)
    {
        services.AddKeyedSingleton("earth", AuthBasicTool.CheckPasswordDict(new Dictionary<string, string> { ["bird"] = "bebop" }));
        services.AddKeyedSingleton("moon", AuthBasicTool.CheckPasswordDict(new Dictionary<string, string> { ["luna"] = "tide" }));
        services.AddKeyedSingleton("pantry", AuthBasicTool.CheckPasswordDict(new Dictionary<string, string> { ["ann"] = "apple" }));
        services.AddKeyedSingleton("wonderland", AuthDigestTool.Ha1FromPasswords(new Dictionary<string, string> { ["alice"] = "4x5istwelve" }));
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    private static async Task<byte[]> DocumentBytesAsync(CherryServer server)
    {
        using var response = await server.Client.GetAsync("/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<JsonElement> DocumentAsync(CherryServer server)
    {
        using var document = JsonDocument.Parse(await DocumentBytesAsync(server));
        return document.RootElement.Clone();
    }

    /// <summary>Every operation (<c>get /path</c>) whose security names <paramref name="scheme"/>, in order.</summary>
    /// <summary>The operations the scheme guards, HEADs left out: each mirrors its GET (<see cref="HeadMirrorsGet"/> checks it).</summary>
    private static List<string> Guarded(JsonElement document, string scheme)
    {
        HeadMirrorsGet(document);
        return [.. Operations(document)
            .Where(o => !o.Name.StartsWith("head ", StringComparison.Ordinal))
            .Where(o => o.Operation.TryGetProperty("security", out var security) && security.EnumerateArray().Any(r => r.TryGetProperty(scheme, out _)))
            .Select(o => o.Name)
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>HEAD is listed wherever GET is, with GET's security and statuses.</summary>
    private static void HeadMirrorsGet(JsonElement document)
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            if (path.Value.TryGetProperty("get", out var get))
            {
                Assert.True(path.Value.TryGetProperty("head", out var head), "no HEAD beside GET at " + path.Name);
                Assert.Equal(get.TryGetProperty("security", out var getSecurity) ? getSecurity.GetRawText() : null, head.TryGetProperty("security", out var headSecurity) ? headSecurity.GetRawText() : null);
                Assert.Equal(get.GetProperty("responses").EnumerateObject().Select(r => r.Name), head.GetProperty("responses").EnumerateObject().Select(r => r.Name));
            }
        }
    }

    private static IEnumerable<(string Name, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (operation.Name + " " + path.Name, operation.Value)));

    private static bool Challenges(JsonElement document, string path) =>
        document.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("responses").TryGetProperty("401", out _);

    private static string SecurityScheme(JsonElement document, string name) =>
        document.GetProperty("components").GetProperty("securitySchemes").GetProperty(name).GetRawText();

    private static Task<CherryServer> StartAuthAsync(Action<CherryAppOptions> configure) => CherryServer.StartAsync(app =>
    {
        app.MapCherry<AuthRoot>("/", configure);
        app.MapCherryOpenApi("/openapi.json");
    }, services: AuthServices);

    [Fact]
    public async Task Without_configured_tools_the_document_is_byte_for_byte_the_generated_one()
    {
        await using var server = await CherryServer.StartAsync(app =>
        {
            app.MapCherry<AuthRoot>("/auth");
            app.MapCherry<KeywordRoot>("/kw");
            app.MapCherry<ReachedJsonRoot>("/json");
            app.MapCherryOpenApi("/openapi.json", title: "Baseline", version: "1.0");
        }, services: AuthServices);

        // The document the attributes alone gave before configuration was read. CHERRY_REGENERATE_GOLDEN=1 rewrites the
        // fixture from what is served and fails, as the golden files do: read its diff before committing it.
        var served = await DocumentBytesAsync(server);
        if (Environment.GetEnvironmentVariable("CHERRY_REGENERATE_GOLDEN") == "1")
        {
            await File.WriteAllBytesAsync(Path.Combine(SourceDirectory(), "Fixtures", "openapi", "without-config.json"), served);
            Assert.Fail("Fixtures/openapi/without-config.json regenerated; run again without CHERRY_REGENERATE_GOLDEN.");
        }
        var expected = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "openapi", "without-config.json"));
        Assert.Equal(expected, served);
    }

    [Fact]
    public async Task Auth_basic_switched_on_in_configuration_guards_exactly_the_operations_of_its_section()
    {
        await using var server = await StartAuthAsync(o => o
            .Set("/configured", "tools.auth_basic.on", "True")
            .Set("/configured", "tools.auth_basic.realm", "moon"));
        var document = await DocumentAsync(server);

        // /legacy serves the same class as /configured, without the section.
        Assert.Equal(["get /basic/", "get /cached/", "get /cached/shared", "get /configured/"], Guarded(document, "basic"));
        Assert.True(Challenges(document, "/configured/"));
        Assert.False(Challenges(document, "/legacy/"));
        Assert.Equal("""{"type":"http","scheme":"basic"}""", SecurityScheme(document, "basic").Replace(" ", "").Replace("\n", ""));
        // What the document says is what the requests meet.
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.FetchAsync("/configured/")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.FetchAsync("/legacy/")).Response.StatusCode);
    }

    [Fact]
    public async Task Auth_digest_switched_on_in_configuration_guards_exactly_the_operations_of_its_section()
    {
        await using var server = await StartAuthAsync(o => o
            .Set("/legacy", "tools.auth_digest.on", "True")
            .Set("/legacy", "tools.auth_digest.realm", "wonderland")
            .Set("/legacy", "tools.auth_digest.key", AuthFixture.Key));
        var document = await DocumentAsync(server);

        Assert.Equal(["get /digest/", "get /digest/echo/{text}", "get /digest/{args}", "get /legacy/", "get /md5/"], Guarded(document, "digest"));
        Assert.DoesNotContain("get /legacy/", Guarded(document, "basic"));
        Assert.False(Challenges(document, "/configured/"));
        Assert.True(Challenges(document, "/legacy/"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.FetchAsync("/legacy/")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.FetchAsync("/configured/")).Response.StatusCode);
    }

    [Fact]
    public async Task Configuration_switching_an_attributes_auth_off_removes_its_requirement()
    {
        await using var server = await StartAuthAsync(o => o.Set("/basic", "tools.auth_basic.on", "False"));
        var document = await DocumentAsync(server);

        Assert.Equal(["get /cached/", "get /cached/shared"], Guarded(document, "basic"));
        Assert.False(Challenges(document, "/basic/"));
        Assert.False(document.GetProperty("paths").GetProperty("/basic/").GetProperty("get").TryGetProperty("security", out _));
        Assert.Equal(HttpStatusCode.OK, (await server.Client.FetchAsync("/basic/")).Response.StatusCode);

        // Off wherever the attribute put it: no operation names the scheme, so the components drop it too.
        await using var bare = await StartAuthAsync(o => o.Set("/basic", "tools.auth_basic.on", "False").Set("/cached", "tools.auth_basic.on", "False"));
        var none = await DocumentAsync(bare);
        Assert.Empty(Guarded(none, "basic"));
        Assert.Equal(["digest"], none.GetProperty("components").GetProperty("securitySchemes").EnumerateObject().Select(s => s.Name));
    }

    [Fact]
    public async Task Session_auth_in_configuration_is_an_api_key_in_the_session_cookie()
    {
        static void SessionAuth(CherryAppOptions o, string? cookie)
        {
            o.Set("/sauth", "tools.sessions.on", "True").Set("/sauth", "tools.session_auth.on", "True");
            if (cookie is not null)
            {
                o.Set("/sauth", "tools.sessions.name", cookie);
            }
        }
        await using var server = await CherryServer.StartAsync(app =>
        {
            app.MapCherry<SessionAuthRoot>("/named", o => SessionAuth(o, "auth_sid"));
            app.MapCherry<SessionAuthRoot>("/plain", o => SessionAuth(o, null));
            app.MapCherry<SessionAuthRoot>("/open");
            app.MapCherryOpenApi("/openapi.json");
        }, services: s => s.AddKeyedSingleton("default", new SessionAuthenticator { CheckUsernameAndPassword = (_, _) => "no" }));
        var document = await DocumentAsync(server);

        Assert.Equal(["get /named/sauth/", "get /named/sauth/me"], Guarded(document, "session.auth_sid"));
        Assert.Equal(["get /plain/sauth/", "get /plain/sauth/me"], Guarded(document, "session"));
        Assert.Equal("""{"type":"apiKey","in":"cookie","name":"auth_sid"}""", SecurityScheme(document, "session.auth_sid").Replace(" ", "").Replace("\n", ""));
        Assert.Equal("""{"type":"apiKey","in":"cookie","name":"session_id"}""", SecurityScheme(document, "session").Replace(" ", "").Replace("\n", ""));
        // An API client without a session gets a 401 (the document's client); a browser gets the login form.
        Assert.True(Challenges(document, "/named/sauth/"));
        Assert.True(Challenges(document, "/named/sauth/me"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.FetchAsync("/named/sauth/me")).Response.StatusCode);
        Assert.Contains("name=\"from_page\"", (await server.Client.FetchAsync("/named/sauth/", ("Accept", "text/html"))).Body);
    }

    [Fact]
    public async Task Static_sections_of_the_configuration_are_paths_of_the_document()
    {
        var files = Path.Combine(AppContext.BaseDirectory, "Fixtures", "static");
        await using var server = await CherryServer.StartAsync(app =>
        {
            app.MapCherry<KeywordRoot>("/site", o => o
                .Set("/assets", "tools.staticdir.on", "True")
                .Set("/assets", "tools.staticdir.dir", files)
                // Below a static section: the same directory, not a path of its own.
                .Set("/assets/sub", "tools.expires.on", "True")
                .Set("/assets/sub", "tools.expires.secs", "60")
                .Set("/style.css", "tools.staticfile.on", "True")
                .Set("/style.css", "tools.staticfile.filename", Path.Combine(files, "style.css"))
                .Set("/private", "tools.auth_basic.on", "True")
                .Set("/private", "tools.auth_basic.realm", "earth")
                .Set("/private/files", "tools.staticdir.on", "True")
                .Set("/private/files", "tools.staticdir.dir", files));
            app.MapCherryOpenApi("/openapi.json");
        }, services: AuthServices);
        var document = await DocumentAsync(server);
        var paths = document.GetProperty("paths");

        Assert.Equal(["/site/assets/{path}", "/site/hello", "/site/page", "/site/private/files/{path}", "/site/style.css"], paths.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var directory = paths.GetProperty("/site/assets/{path}").GetProperty("get");
        var parameter = Assert.Single(directory.GetProperty("parameters").EnumerateArray());
        Assert.Equal(("path", "path", true, "string"), (parameter.GetProperty("name").GetString(), parameter.GetProperty("in").GetString(),
            parameter.GetProperty("required").GetBoolean(), parameter.GetProperty("schema").GetProperty("type").GetString()));
        Assert.Contains("/assets", directory.GetProperty("description").GetString());
        // A file of any type: its media type is a range, with no schema.
        Assert.Equal(["*/*"], directory.GetProperty("responses").GetProperty("200").GetProperty("content").EnumerateObject().Select(m => m.Name));
        var file = paths.GetProperty("/site/style.css").GetProperty("get");
        Assert.False(file.TryGetProperty("parameters", out _));
        Assert.Contains("staticfile", file.GetProperty("description").GetString());
        // A static section inside an auth section is guarded like the rest of it.
        Assert.Equal(["get /site/private/files/{path}"], Guarded(document, "basic"));

        // The described URLs serve the files.
        Assert.Equal(HttpStatusCode.OK, (await server.Client.FetchAsync("/site/assets/digits.txt")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.FetchAsync("/site/style.css")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.FetchAsync("/site/private/files/digits.txt")).Response.StatusCode);
    }
}
