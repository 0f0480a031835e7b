using System.Security.Cryptography;
using System.Text;
using Cherry;

namespace CherryPySuite.Apps;

/// <summary>
/// test_auth_basic: three protected paths in the realm 'wonderland'. CherryPy gives each path its own
/// <c>checkpassword</c>; Cherry finds the check by realm (one <see cref="CheckPassword"/> per realm), so the one
/// registered for 'wonderland' accepts the users of all three (docs/cherrypy-suite.md, missing features).
/// </summary>
public static class AuthBasic
{
    public static void AddServices(IServiceCollection services)
    {
        var userPass = AuthBasicTool.CheckPasswordDict(new Dictionary<string, string> { ["xuser"] = "xpassword" });
        // userhashdict and userhashdict_u: MD5 hex digests of the passwords, compared as checkpasshash(_u) does.
        var userHash = new Dictionary<string, string>
        {
            ["xuser"] = Md5Hex("xpassword"),
            ["x\u044e\u0437\u0435\u0440"] = Md5Hex("\u0457\u0436\u0430"),
        };
        services.AddKeyedSingleton<CheckPassword>("wonderland", (realm, user, password) =>
            userPass(realm, user, password)
            || (userHash.TryGetValue(user, out var hash) && hash == Md5Hex(password)));
    }

    private static string Md5Hex(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));

    public static void Map(WebApplication app) => app.MapCherry<Root>("/", options => options
        .Set("/basic", "tools.auth_basic.on", "True")
        .Set("/basic", "tools.auth_basic.realm", "wonderland")
        .Set("/basic2", "tools.auth_basic.on", "True")
        .Set("/basic2", "tools.auth_basic.realm", "wonderland")
        .Set("/basic2", "tools.auth_basic.accept_charset", "ISO-8859-1")
        .Set("/basic2_u", "tools.auth_basic.on", "True")
        .Set("/basic2_u", "tools.auth_basic.realm", "wonderland")
        .Set("/basic2_u", "tools.auth_basic.accept_charset", "UTF-8"));

    public sealed class Root
    {
        public Protected Basic { get; } = new();

        public Protected Basic2 { get; } = new();

        [Exposed("basic2_u")]
        public Protected Basic2U { get; } = new();

        [Exposed]
        public string Index() => "This is public.";
    }

    public sealed class Protected
    {
        [Exposed]
        public string Index(Request request) => $"Hello {request.Login}, you've been authorized.";
    }
}
