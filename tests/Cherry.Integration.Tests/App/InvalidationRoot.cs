namespace Cherry.Integration.Tests.App;

/// <summary>Cached pages under /docs and the handlers that drop them through <see cref="CacheInvalidator"/>.</summary>
public sealed class InvalidationRoot(CacheInvalidator invalidator)
{
    public CachedDocs Docs { get; } = new();

    public PlainDocs Plain { get; } = new();

    public SlowDoc Slow { get; } = new();

    [Exposed]
    public async Task<string> Drop(string path)
    {
        await invalidator.InvalidatePathAsync(path);
        return "dropped " + path;
    }

    [Exposed]
    public async Task<string> DropUnder(string prefix)
    {
        await invalidator.InvalidatePrefixAsync(prefix);
        return "dropped under " + prefix;
    }
}

/// <summary>Every path below /docs, with any query string, cached for an hour, varying on Accept-Language.</summary>
[Caching(Delay = 3600)]
public sealed class CachedDocs
{
    private int _visits;

    [Exposed]
    public string Default(Request request, IReadOnlyList<KeyValuePair<string, string>> query, params string[] path)
    {
        request.Response.Headers.Vary = "Accept-Language";
        return request.PathInfo + " visit #" + Interlocked.Increment(ref _visits);
    }
}

/// <summary>Every path below /plain cached for an hour, with no Vary: one variant per URL.</summary>
[Caching(Delay = 3600)]
public sealed class PlainDocs
{
    private int _renders;

    [Exposed]
    public string Default(params string[] path) => string.Join('/', path) + " render #" + Interlocked.Increment(ref _renders);
}

/// <summary>A cached page whose first request waits for the test: an invalidation can land while it runs.</summary>
[Caching(Delay = 3600)]
public sealed class SlowDoc
{
    private int _visits;

    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Exposed]
    public async Task<string> Index()
    {
        Entered.TrySetResult();
        await Release.Task;
        return "slow visit #" + Interlocked.Increment(ref _visits);
    }
}
