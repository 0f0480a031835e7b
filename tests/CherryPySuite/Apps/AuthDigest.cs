using Cherry;

namespace CherryPySuite.Apps;

/// <summary>test_auth_digest: /digest in the realm 'localhost', passwords in plain text (get_ha1_dict_plain).</summary>
public static class AuthDigest
{
    public static void AddServices(IServiceCollection services) =>
        services.AddKeyedSingleton("localhost", AuthDigestTool.Ha1FromPasswords(new Dictionary<string, string>
        {
            ["test"] = "test",
            ["\u2603\u0439\u044e\u0437\u0435\u0440"] = "\u0457\u043f\u0430\u0440\u043e\u043b\u044c",
        }));

    // tools.auth_digest.debug has no counterpart: Cherry's digest tool logs at Debug level through ILogger.
    public static void Map(WebApplication app) => app.MapCherry<Root>("/", options => options
        .Set("/digest", "tools.auth_digest.on", "True")
        .Set("/digest", "tools.auth_digest.realm", "localhost")
        .Set("/digest", "tools.auth_digest.key", "a565c27146791cfb")
        .Set("/digest", "tools.auth_digest.accept_charset", "UTF-8")
        // CherryPy's digest tool knows MD5 only; Cherry's challenges with SHA-256 too unless told otherwise.
        .Set("/digest", "tools.auth_digest.algorithms", "MD5"));

    public sealed class Root
    {
        public DigestProtected Digest { get; } = new();

        [Exposed]
        public string Index() => "This is public.";
    }

    public sealed class DigestProtected
    {
        [Exposed]
        public string Index(Request request, IReadOnlyList<KeyValuePair<string, string>> kwargs, params string[] args) =>
            $"Hello {request.Login}, you've been authorized.";
    }
}
