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

    /// <summary>
    /// Reads index records and, when <paramref name="responseKey"/> is given, one response: the caching tool's whole
    /// lookup (a path's invalidation records, the URL's index and its likeliest variant). The default reads them one
    /// after another; a shared store overrides it to read them all in one round trip.
    /// </summary>
    async ValueTask<CacheRecords> ReadAsync(IReadOnlyList<string> indexKeys, string? responseKey, CancellationToken cancellation)
    {
        var indexes = new string?[indexKeys.Count];
        for (var i = 0; i < indexes.Length; i++)
        {
            indexes[i] = await GetIndexAsync(indexKeys[i], cancellation);
        }
        return new(indexes, responseKey is null ? null : await GetAsync(responseKey, cancellation));
    }
}
