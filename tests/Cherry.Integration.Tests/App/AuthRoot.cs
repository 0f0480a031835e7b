using Keywords = System.Collections.Generic.IReadOnlyList<System.Collections.Generic.KeyValuePair<string, string>>;

namespace Cherry.Integration.Tests.App;

/// <summary>The reference app's /basic and /digest, plus a config-only realm and a cached one.</summary>
public sealed class AuthRoot
{
    public BasicProtected Basic { get; } = new();

    public DigestProtected Digest { get; } = new();

    public Md5OnlyProtected Md5 { get; } = new();

    public ConfiguredProtected Configured { get; } = new();

    public CachedProtected Cached { get; } = new();

    /// <summary>Digest by configuration, with the legacy answer without qop allowed.</summary>
    public ConfiguredProtected Legacy { get; } = new();
}

/// <summary>The old lib.auth/httpauth forms, mounted at /fallback beside AuthRoot (whose OpenAPI document a fixture holds).</summary>
public sealed class AuthFallbackRoot
{
    /// <summary>Basic by configuration, over a map of MD5-hashed passwords.</summary>
    public ConfiguredProtected Hashed { get; } = new();

    public DigestOrBasicProtected Either { get; } = new();
}

[AuthBasic(Realm = "earth")]
public sealed class BasicProtected
{
    [Exposed]
    public string Index(Request request) => "Hello " + request.Login;
}

[AuthDigest(Realm = "wonderland", Key = "a565c27146791cfb")]
public sealed class DigestProtected
{
    [Exposed]
    public string Index(Request request) => "Hello " + request.Login;

    [Exposed]
    public string Echo(Request request, string text) => request.Login + " posted " + text;

    /// <summary>Any other path below, so that clients can authenticate for percent-encoded ones.</summary>
    [Exposed]
    public string Default(Request request, Keywords kwargs, params string[] args) =>
        $"Hello {request.Login} at {string.Join('/', args)}{string.Concat(kwargs.Select(k => $" {k.Key}={k.Value}"))}";
}

/// <summary>The same realm challenging with MD5 alone, as CherryPy does.</summary>
[AuthDigest(Realm = "wonderland", Key = "a565c27146791cfb", Algorithms = ["MD5"])]
public sealed class Md5OnlyProtected
{
    [Exposed]
    public string Index(Request request) => "Hello " + request.Login;
}

/// <summary>Digest with Basic as the fallback on the one path (httpauth's doAuth).</summary>
[AuthDigest(Realm = "wonderland", Key = "a565c27146791cfb", BasicFallback = true)]
public sealed class DigestOrBasicProtected
{
    [Exposed]
    public string Index(Request request) => "Hello " + request.Login;
}

public sealed class ConfiguredProtected
{
    [Exposed]
    public string Index(Request request) => "Configured hello " + request.Login;
}

/// <summary>Cached behind basic auth: a user's page is theirs alone unless the handler marks it public.</summary>
[AuthBasic(Realm = "pantry"), Caching]
public sealed class CachedProtected
{
    private int _visits;

    [Exposed]
    public string Index(Request request) => $"Hello {request.Login}, visit #{Interlocked.Increment(ref _visits)}";

    [Exposed]
    public string Shared(Request request)
    {
        request.Response.Headers.CacheControl = "public";
        return Index(request);
    }
}
