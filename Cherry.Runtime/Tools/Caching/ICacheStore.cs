namespace Cherry;

/// <summary>
/// Where the caching tool keeps responses and the per-URL variant index. Keys are opaque strings built by the
/// tool. Implementations: <see cref="MemoryCacheStore"/> (the default, one process) and
/// <see cref="DistributedCacheStore"/> (any <c>IDistributedCache</c>, shared by several instances).
/// </summary>
public interface ICacheStore
{
    ValueTask<CachedResponse?> GetAsync(string key, CancellationToken cancellation);

    /// <returns>False when the store refused the entry (over a size limit).</returns>
    ValueTask<bool> SetAsync(string key, CachedResponse response, CancellationToken cancellation);

    ValueTask<string?> GetIndexAsync(string key, CancellationToken cancellation);

    ValueTask SetIndexAsync(string key, string value, TimeSpan lifetime, CancellationToken cancellation);

    ValueTask RemoveAsync(string key, CancellationToken cancellation);
}
