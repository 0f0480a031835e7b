using Cherry;

namespace ClusterApp;

/// <summary>This process's name in the cluster (its <c>--instance</c> argument).</summary>
public sealed record InstanceName(string Name)
{
    public const string Header = "X-Instance";
}

/// <summary>
/// <c>/counter/</c> counts in the session, <c>/page/</c> is cached for an hour, <c>/invalidate</c> drops the cached
/// page for every instance.
/// </summary>
public sealed class Root(CacheInvalidator cache, InstanceName instance)
{
    /// <summary>The path <see cref="Invalidate"/> drops.</summary>
    public const string PagePath = "/page/";

    public Counter Counter { get; } = new();

    public Page Page { get; } = new(instance);

    [Exposed]
    public async Task<string> Invalidate()
    {
        await cache.InvalidatePathAsync(PagePath);
        return "invalidated " + PagePath;
    }
}

[Sessions]
public sealed class Counter
{
    /// <summary>Adds one to the session's count and answers it: <c>count 3</c>.</summary>
    [Exposed]
    public string Index(Session session)
    {
        var count = session.GetInt32("count") + 1;
        session.Set("count", count);
        return "count " + count;
    }

    /// <summary>The session's count, unchanged.</summary>
    [Exposed]
    public string Read(Session session) => "count " + session.GetInt32("count");
}

/// <summary>A page whose every render differs (the instance and its render number), so a cached answer shows.</summary>
[Caching(Delay = 3600)]
public sealed class Page(InstanceName instance)
{
    private int _renders;

    [Exposed]
    public string Index() => $"rendered by {instance.Name}, render #{Interlocked.Increment(ref _renders)}";
}
