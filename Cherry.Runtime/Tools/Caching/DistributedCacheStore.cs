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
        await cache.GetAsync(prefix + key, cancellation) is { } data && CachedResponse.Deserialize(data) is { } response && response.Expires > _time.GetUtcNow()
            ? response
            : null;

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
        await cache.GetAsync(prefix + key, cancellation) is { } data ? Encoding.UTF8.GetString(data) : null;

    public async ValueTask SetIndexAsync(string key, string value, TimeSpan lifetime, CancellationToken cancellation) =>
        await cache.SetAsync(prefix + key, Encoding.UTF8.GetBytes(value), new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime }, cancellation);

    public async ValueTask RemoveAsync(string key, CancellationToken cancellation) => await cache.RemoveAsync(prefix + key, cancellation);
}
