using System.Text;

namespace Cherry;

/// <summary>
/// Drops what the caching tool stored for a path, or for every path under a prefix, in whatever
/// <see cref="ICacheStore"/> DI holds (memory or distributed): every host, query string, method and Vary variant.
/// A DI singleton (<c>AddCherry</c> registers it); a handler takes it in its constructor, as the wiki's does.
/// <para>
/// Nothing is enumerated, since a distributed cache cannot list its keys. Each path and each prefix has a generation
/// record (a random token) in the store, and the tool folds the tokens of a request's path into its cache key: the
/// path's own token and one per ancestor, up to <see cref="MaxPrefixDepth"/> segments. Invalidating writes a new token,
/// so what was stored under the old one is no longer served and expires on its own. A lookup reads one record per
/// segment (linear in the path, capped) together with the URL's own records, in one <see cref="ICacheStore.ReadAsync"/>
/// (one round trip on a shared store), and an invalidation writes one. A response computed across an invalidation is
/// not stored (the tool reads the tokens again before storing). When the store is down, an invalidation answers 503. A record outlives every response stored before it:
/// it lives twice the longest caching delay this process mounts (at least twice the default 600 seconds).
/// </para>
/// </summary>
public sealed class CacheInvalidator(ICacheStore store)
{
    /// <summary>The deepest prefix that can be invalidated on its own; deeper paths go with their ancestors.</summary>
    public const int MaxPrefixDepth = 8;

    private readonly Lock _coverGate = new();
    private long _longestDelayTicks = TimeSpan.FromSeconds(new CachingOptions().Delay).Ticks;

    /// <summary>
    /// Drops every cached variant of <paramref name="path"/>: the URL path as clients request it (the mount point
    /// included, without a query string), such as <c>/page/FrontPage</c>.
    /// </summary>
    public ValueTask InvalidatePathAsync(string path, CancellationToken cancellation = default) =>
        RenewAsync(PathKey(Check(path, nameof(path))), cancellation);

    /// <summary>
    /// Drops every cached variant of <paramref name="prefix"/> and of every path below it, segment by segment:
    /// <c>/page</c> covers <c>/page</c> and <c>/page/A</c>, not <c>/pages</c>; <c>/</c> covers everything.
    /// </summary>
    /// <exception cref="ArgumentException">The prefix has more than <see cref="MaxPrefixDepth"/> segments.</exception>
    public ValueTask InvalidatePrefixAsync(string prefix, CancellationToken cancellation = default)
    {
        var normal = Check(prefix, nameof(prefix));
        normal = normal.Length > 1 ? normal.TrimEnd('/') : normal;
        if (normal.AsSpan().Count('/') > MaxPrefixDepth)
        {
            throw new ArgumentException($"A prefix has at most {MaxPrefixDepth} segments.", nameof(prefix));
        }
        return RenewAsync(TreeKey(normal.Length == 0 ? "/" : normal), cancellation);
    }

    /// <summary>A caching tool's delay: records must outlive what it stores.</summary>
    internal void Cover(TimeSpan delay)
    {
        // Tools resolve at start-up, so a lock costs nothing here, and unlike a compare-and-swap loop it cannot spin.
        lock (_coverGate)
        {
            Interlocked.Exchange(ref _longestDelayTicks, Math.Max(_longestDelayTicks, delay.Ticks));
        }
    }

    /// <summary>
    /// The keys of the records in force for <paramref name="path"/>: the root's, each ancestor's, the path's own (as a
    /// prefix, then exactly), with one slot left at the end for the caller's own key, so a lookup reads them all at once.
    /// </summary>
    internal static string[] GenerationKeys(string path, string last)
    {
        var keys = new List<string>(MaxPrefixDepth + 3) { TreeKey("/") };
        var trimmed = path.Length > 1 ? path.TrimEnd('/') : "/";
        var depth = 0;
        for (var slash = trimmed.IndexOf('/', 1); depth < MaxPrefixDepth; slash = trimmed.IndexOf('/', slash + 1))
        {
            depth++;
            if (slash < 0)
            {
                if (trimmed.Length > 1)
                {
                    keys.Add(TreeKey(trimmed));
                }
                break;
            }
            keys.Add(TreeKey(trimmed[..slash]));
        }
        keys.Add(PathKey(path));
        keys.Add(last);
        return [.. keys];
    }

    /// <summary>The generation: the tokens read for <see cref="GenerationKeys"/> (all but the last slot), folded into one string.</summary>
    internal static string Generation(string?[] records)
    {
        var tokens = new StringBuilder();
        for (var i = 0; i < records.Length - 1; i++)
        {
            tokens.Append(records[i] ?? "-").Append(';');
        }
        return tokens.ToString();
    }

    /// <summary>A store that cannot be reached is a 503 the client can retry, not a 500: nothing was invalidated.</summary>
    private async ValueTask RenewAsync(string key, CancellationToken cancellation)
    {
        try
        {
            await store.SetIndexAsync(key, Guid.NewGuid().ToString("N"), TimeSpan.FromTicks(2 * Interlocked.Read(ref _longestDelayTicks)), cancellation);
        }
        catch (Exception ex) when (StoreOutage.IsCause(ex))
        {
            throw new StoreOutage("cache", ex);
        }
    }

    private static string Check(string path, string name) =>
        path.StartsWith('/') ? path : throw new ArgumentException("A path starts with '/'.", name);

    // Parentheses cannot appear in a method token, so these never meet the tool's "METHOD uri" index keys.
    private static string PathKey(string path) => "(path) " + path;

    private static string TreeKey(string prefix) => "(tree) " + prefix;
}
