using StackExchange.Redis;

namespace Cherry.Stores;

/// <summary>
/// Sessions in Redis through StackExchange.Redis: one key per session with Redis's own expiry, and a lock key taken
/// with SET NX and a lease, so instances sharing the server exclude each other.
/// </summary>
public sealed class RedisSessionStore(IConnectionMultiplexer redis, string prefix = "cherry:session:") : ISessionStore
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

    private IDatabase Database => redis.GetDatabase();

    public async ValueTask<IReadOnlyDictionary<string, string>?> LoadAsync(string id, CancellationToken cancellation)
    {
        var value = await Database.StringGetAsync(prefix + id);
        return value.IsNullOrEmpty ? null : SessionData.FromJson((byte[])value!);
    }

    public async ValueTask SaveAsync(string id, IReadOnlyDictionary<string, string> data, DateTimeOffset expires, CancellationToken cancellation) =>
        await Database.StringSetAsync(prefix + id, SessionData.ToJson(data), expires - DateTimeOffset.UtcNow);

    public async ValueTask DeleteAsync(string id, CancellationToken cancellation) => await Database.KeyDeleteAsync(prefix + id);

    public async ValueTask<IAsyncDisposable> LockAsync(string id, TimeSpan? timeout, CancellationToken cancellation)
    {
        var key = prefix + id + ":lock";
        var token = Guid.NewGuid().ToString("N");
        var deadline = timeout is { } t ? DateTime.UtcNow + t : DateTime.MaxValue;
        while (!await Database.LockTakeAsync(key, token, Lease))
        {
            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException("Timeout acquiring lock for " + id);
            }
            await Task.Delay(10, cancellation);
        }
        return new Release(Database, key, token);
    }

    /// <summary>Redis expires sessions itself.</summary>
    public ValueTask CleanUpAsync(CancellationToken cancellation) => ValueTask.CompletedTask;

    private sealed class Release(IDatabase database, RedisKey key, RedisValue token) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await database.LockReleaseAsync(key, token);
    }
}
