using System.Text;
using StackExchange.Redis;

namespace Cherry.Stores;

/// <summary>
/// The caching tool's store in Redis through StackExchange.Redis, for instances that share what they cache. A lookup
/// is one MGET of every record it needs (the path's invalidation records, the URL's index and its variant), so a cached
/// hit costs one round trip whatever the path's depth; entries carry Redis's own expiry. The keys of one MGET must
/// live on one server: a single Redis (with replicas), not a Redis Cluster.
/// </summary>
public sealed class RedisCacheStore(IConnectionMultiplexer redis, string prefix = "cherry:cache:", TimeProvider? time = null) : ICacheStore
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Responses at or over this size are not stored.</summary>
    public long MaxObjectSize { get; set; } = 100_000;

    private IDatabase Database => redis.GetDatabase();

    public async ValueTask<CachedResponse?> GetAsync(string key, CancellationToken cancellation) =>
        Response(await Database.StringGetAsync(prefix + key));

    public async ValueTask<bool> SetAsync(string key, CachedResponse response, CancellationToken cancellation)
    {
        var lifetime = response.Expires - _time.GetUtcNow();
        if (response.Size >= MaxObjectSize || lifetime <= TimeSpan.Zero)
        {
            return false;
        }
        return await Database.StringSetAsync(prefix + key, response.Serialize(), lifetime);
    }

    public async ValueTask<string?> GetIndexAsync(string key, CancellationToken cancellation) =>
        Index(await Database.StringGetAsync(prefix + key));

    public async ValueTask SetIndexAsync(string key, string value, TimeSpan lifetime, CancellationToken cancellation) =>
        await Database.StringSetAsync(prefix + key, value, lifetime);

    public async ValueTask RemoveAsync(string key, CancellationToken cancellation) => await Database.KeyDeleteAsync(prefix + key);

    /// <summary>One MGET: the index records, then the response.</summary>
    public async ValueTask<CacheRecords> ReadAsync(IReadOnlyList<string> indexKeys, string? responseKey, CancellationToken cancellation)
    {
        var keys = new RedisKey[indexKeys.Count + (responseKey is null ? 0 : 1)];
        for (var i = 0; i < indexKeys.Count; i++)
        {
            keys[i] = prefix + indexKeys[i];
        }
        if (responseKey is not null)
        {
            keys[^1] = prefix + responseKey;
        }
        var values = await Database.StringGetAsync(keys);
        var indexes = new string?[indexKeys.Count];
        for (var i = 0; i < indexes.Length; i++)
        {
            indexes[i] = Index(values[i]);
        }
        return new(indexes, responseKey is null ? null : Response(values[^1]));
    }

    private CachedResponse? Response(RedisValue value) =>
        !value.IsNullOrEmpty && CachedResponse.Deserialize((byte[])value!) is { } response && response.Expires > _time.GetUtcNow() ? response : null;

    private static string? Index(RedisValue value) => value.IsNull ? null : Encoding.UTF8.GetString((byte[])value!);
}
