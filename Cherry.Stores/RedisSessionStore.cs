using StackExchange.Redis;

namespace Cherry.Stores;

/// <summary>
/// Sessions in Redis through StackExchange.Redis: one key per session with Redis's own expiry, and a lock key taken
/// with SET NX and a lease, so instances sharing the server exclude each other. Requests of one instance wait for each
/// other in memory (<see cref="SessionLocks"/>): only one at a time asks Redis for the lock.
/// </summary>
public sealed class RedisSessionStore(IConnectionMultiplexer redis, string prefix = "cherry:session:", TimeProvider? time = null) : ISessionStore
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    private readonly SessionLocks _locks = new(time);

    private IDatabase Database => redis.GetDatabase();

    public async ValueTask<IReadOnlyDictionary<string, string>?> LoadAsync(string id, CancellationToken cancellation)
    {
        var value = await Database.StringGetAsync(prefix + id);
        return value.IsNullOrEmpty ? null : SessionData.FromJson((byte[])value!);
    }

    public async ValueTask SaveAsync(string id, IReadOnlyDictionary<string, string> data, DateTimeOffset expires, CancellationToken cancellation) =>
        await Database.StringSetAsync(prefix + id, SessionData.ToJson(data), expires - _time.GetUtcNow());

    /// <summary>PEXPIRE: the data is not sent again, and a key gone meanwhile stays gone.</summary>
    public async ValueTask RenewAsync(string id, IReadOnlyDictionary<string, string> data, DateTimeOffset expires, CancellationToken cancellation) =>
        await Database.KeyExpireAsync(prefix + id, expires - _time.GetUtcNow());

    public async ValueTask DeleteAsync(string id, CancellationToken cancellation) => await Database.KeyDeleteAsync(prefix + id);

    public ValueTask<IAsyncDisposable> LockAsync(string id, TimeSpan? timeout, CancellationToken cancellation)
    {
        var key = prefix + id + ":lock";
        var token = Guid.NewGuid().ToString("N");
        return _locks.AcquireAsync(id, timeout, async _ =>
            await Database.LockTakeAsync(key, token, Lease) ? new Release(Database, key, token) : null, cancellation);
    }

    /// <summary>Redis expires sessions itself.</summary>
    public ValueTask CleanUpAsync(CancellationToken cancellation) => ValueTask.CompletedTask;

    private sealed class Release(IDatabase database, RedisKey key, RedisValue token) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await database.LockReleaseAsync(key, token);
    }
}
