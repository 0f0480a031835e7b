using System.Text;
using Microsoft.Extensions.Caching.Distributed;

namespace Cherry;

/// <summary>
/// A store on any <see cref="IDistributedCache"/> (Redis, SQL Server, ...), so that several instances share
/// cached responses. Entries carry their own expiry, so the backing cache evicts them on time.
/// </summary>
public sealed class DistributedCacheStore(IDistributedCache cache, string prefix = "cherry:", TimeProvider? time = null) : ICacheStore
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Responses at or over this size are not stored.</summary>
    public long MaxObjectSize { get; set; } = 100_000;

    public async ValueTask<CachedResponse?> GetAsync(string key, CancellationToken cancellation) =>
        Response(await cache.GetAsync(prefix + key, cancellation));

    public async ValueTask<bool> SetAsync(string key, CachedResponse response, CancellationToken cancellation)
    {
        if (response.Size >= MaxObjectSize)
        {
            return false;
        }
        await cache.SetAsync(prefix + key, response.Serialize(), new DistributedCacheEntryOptions { AbsoluteExpiration = response.Expires }, cancellation);
        return true;
    }

    public async ValueTask<string?> GetIndexAsync(string key, CancellationToken cancellation) =>
        Index(await cache.GetAsync(prefix + key, cancellation));

    /// <summary>
    /// Every read issued before any is awaited: a client that pipelines (StackExchange.Redis's) answers them all in
    /// about one round trip's time, though each is still a command of its own.
    /// </summary>
    public async ValueTask<CacheRecords> ReadAsync(IReadOnlyList<string> indexKeys, string? responseKey, CancellationToken cancellation)
    {
        var reads = new Task<byte[]?>[indexKeys.Count];
        for (var i = 0; i < reads.Length; i++)
        {
            reads[i] = cache.GetAsync(prefix + indexKeys[i], cancellation);
        }
        var response = responseKey is null ? null : cache.GetAsync(prefix + responseKey, cancellation);
        var indexes = new string?[reads.Length];
        for (var i = 0; i < reads.Length; i++)
        {
            indexes[i] = Index(await reads[i]);
        }
        return new(indexes, response is null ? null : Response(await response));
    }

    private CachedResponse? Response(byte[]? data) =>
        data is not null && CachedResponse.Deserialize(data) is { } response && response.Expires > _time.GetUtcNow() ? response : null;

    private static string? Index(byte[]? data) => data is null ? null : Encoding.UTF8.GetString(data);

    public async ValueTask SetIndexAsync(string key, string value, TimeSpan lifetime, CancellationToken cancellation) =>
        await cache.SetAsync(prefix + key, Encoding.UTF8.GetBytes(value), new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime }, cancellation);

    public async ValueTask RemoveAsync(string key, CancellationToken cancellation) => await cache.RemoveAsync(prefix + key, cancellation);
}
