using System.Net;
using System.Text;
using Cherry.Integration.Tests.App;
using Microsoft.Extensions.DependencyInjection;

namespace Cherry.Integration.Tests;

/// <summary>
/// auth_basic's checkpassword and auth_digest's get_ha1: one realm, each path checked by the source it names (a keyed
/// CheckPassword or GetHa1), from an attribute or configuration; the realm's own source where none is named.
/// </summary>
public sealed class PerPathPasswordTests
{
    private static string Basic(string credentials) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials));

    private static void Sources(IServiceCollection services)
    {
        services.AddKeyedSingleton("earth", AuthBasicTool.CheckPasswordDict(new Dictionary<string, string> { ["alice"] = "wonder" }));
        services.AddKeyedSingleton("admins", AuthBasicTool.CheckPasswordDict(new Dictionary<string, string> { ["root"] = "toor" }));
        services.AddKeyedSingleton("staff", AuthBasicTool.CheckPasswordDict(new Dictionary<string, string> { ["bob"] = "builder" }));
        services.AddKeyedSingleton("digest-admins", AuthDigestTool.Ha1FromPasswords(new Dictionary<string, string> { ["root"] = "toor" }));
    }

    [Theory]
    [InlineData("/", "alice:wonder", HttpStatusCode.OK)]
    [InlineData("/", "root:toor", HttpStatusCode.Unauthorized)]
    [InlineData("/admin", "root:toor", HttpStatusCode.OK)]
    [InlineData("/admin", "alice:wonder", HttpStatusCode.Unauthorized)]
    [InlineData("/staff", "bob:builder", HttpStatusCode.OK)]
    [InlineData("/staff", "alice:wonder", HttpStatusCode.Unauthorized)]
    public async Task Each_path_checks_with_the_source_it_names(string path, string credentials, HttpStatusCode status)
    {
        await using var server = await CherryServer.StartAsync(app => app.MapCherry<PerPathPasswordRoot>("/", o => o
                .Set("/staff", "tools.auth_basic.on", "True")
                .Set("/staff", "tools.auth_basic.realm", "earth")
                .Set("/staff", "tools.auth_basic.checkpassword", "staff")),
            services: Sources);
        var (response, _) = await server.Client.FetchAsync(path, ("Authorization", Basic(credentials)));
        Assert.Equal(status, response.StatusCode);
        if (status == HttpStatusCode.Unauthorized)
        {
            // The challenge names the realm, whatever source checks it.
            Assert.Equal("Basic realm=\"earth\", charset=\"UTF-8\"", response.Headers.WwwAuthenticate.ToString());
        }
    }

    [Fact]
    public async Task A_digest_path_answers_with_the_get_ha1_it_names_through_curl()
    {
        await using var server = await CherryServer.StartAsync(app => app.MapCherry<PerPathPasswordRoot>("/"), services: Sources);
        var url = server.Address.GetLeftPart(UriPartial.Authority) + "/vault";
        Assert.Equal("digest admins only", await Curl.RunAsync("--silent", "--digest", "--user", "root:toor", url));
        Assert.Equal("401", await Curl.RunAsync("--silent", "--output", "/dev/null", "--write-out", "%{http_code}", "--digest", "--user", "alice:wonder", url));
    }

    [Fact]
    public async Task A_named_source_that_is_not_registered_stops_start_up_naming_the_argument()
    {
        var error = await Assert.ThrowsAsync<CherryConfigurationException>(() => CherryServer.StartAsync(
            app => app.MapCherry<PerPathPasswordRoot>("/"),
            services: services => services.AddKeyedSingleton("earth", AuthBasicTool.CheckPasswordDict(new Dictionary<string, string>()))));
        Assert.True(error.Message.Contains("tools.auth_basic.checkpassword", StringComparison.Ordinal)
            && error.Message.Contains("no CheckPassword is registered for the checkpassword 'admins'", StringComparison.Ordinal), error.Message);
    }
}
