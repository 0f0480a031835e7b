using System.Security.Cryptography;
using System.Text;
using Cherry;

namespace CherryPySuite.Apps;

/// <summary>
/// test_auth_basic: three protected paths in the realm 'wonderland', each with its own <c>checkpassword</c> as in the
/// Python: a plain users map at /basic, MD5-hashed maps (lib.auth's <c>encrypt</c>) at /basic2 and /basic2_u.
/// </summary>
public static class AuthBasic
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddKeyedSingleton("userpassdict", AuthBasicTool.CheckPasswordDict(new Dictionary<string, string> { ["xuser"] = "xpassword" }));
        // userhashdict and userhashdict_u: MD5 hex digests of the passwords, compared as checkpasshash(_u) does.
        services.AddKeyedSingleton("userhashdict", AuthBasicTool.CheckHashedPasswordDict(new Dictionary<string, string> { ["xuser"] = Md5Hex("xpassword") }));
        services.AddKeyedSingleton("userhashdict_u", AuthBasicTool.CheckHashedPasswordDict(new Dictionary<string, string> { ["x\u044e\u0437\u0435\u0440"] = Md5Hex("\u0457\u0436\u0430") }));
    }

    private static string Md5Hex(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));

    public static void Map(WebApplication app) => app.MapCherry<Root>("/", options => options
        .Set("/basic", "tools.auth_basic.on", "True")
        .Set("/basic", "tools.auth_basic.realm", "wonderland")
        .Set("/basic", "tools.auth_basic.checkpassword", "userpassdict")
        .Set("/basic2", "tools.auth_basic.on", "True")
        .Set("/basic2", "tools.auth_basic.realm", "wonderland")
        .Set("/basic2", "tools.auth_basic.checkpassword", "userhashdict")
        .Set("/basic2", "tools.auth_basic.accept_charset", "ISO-8859-1")
        .Set("/basic2_u", "tools.auth_basic.on", "True")
        .Set("/basic2_u", "tools.auth_basic.realm", "wonderland")
        .Set("/basic2_u", "tools.auth_basic.checkpassword", "userhashdict_u")
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
