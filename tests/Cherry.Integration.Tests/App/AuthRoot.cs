namespace Cherry.Integration.Tests.App;

/// <summary>The reference app's /basic and /digest, plus a config-only realm and a cached one.</summary>
public sealed class AuthRoot
{
    public BasicProtected Basic { get; } = new();

    public DigestProtected Digest { get; } = new();

    public ConfiguredProtected Configured { get; } = new();

    public CachedProtected Cached { get; } = new();
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
