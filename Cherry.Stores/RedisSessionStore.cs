using StackExchange.Redis;

namespace Cherry.Stores;

/// <summary>
/// Sessions in Redis through StackExchange.Redis: one key per session with Redis's own expiry, and a lock key taken
/// with SET NX and a short lease renewed while held (<see cref="Lease"/>), so instances sharing the server exclude each
/// other and a dead holder's lock frees itself within seconds. Requests of one instance wait for each
/// other in memory (<see cref="SessionLocks"/>): only one at a time asks Redis for the lock.
/// <para>
/// A locked request waits for three round trips (the read that recognises the id, the lock taken with the data read in
/// the same pipelined batch, and the write) and sends one command it does not wait for: the unlock. An unlock lost
/// with its connection frees the session when the lease ends. An unlocked request (explicit locking) waits for two.
/// </para>
/// </summary>
public sealed class RedisSessionStore(IConnectionMultiplexer redis, string prefix = "cherry:session:", TimeProvider? time = null) : ISessionStore
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    private readonly SessionLocks _locks = new(time);

    private IDatabase Database => redis.GetDatabase();

    public async ValueTask<IReadOnlyDictionary<string, string>?> LoadAsync(string id, CancellationToken cancellation) =>
        Read(await Database.StringGetAsync(prefix + id));

    public async ValueTask SaveAsync(string id, IReadOnlyDictionary<string, string> data, DateTimeOffset expires, CancellationToken cancellation) =>
        await Database.StringSetAsync(prefix + id, SessionData.ToJson(data), expires - _time.GetUtcNow());

    /// <summary>PEXPIRE: the data is not sent again, and a key gone meanwhile stays gone.</summary>
    public async ValueTask RenewAsync(string id, IReadOnlyDictionary<string, string> data, DateTimeOffset expires, CancellationToken cancellation) =>
        await Database.KeyExpireAsync(prefix + id, expires - _time.GetUtcNow());

    public async ValueTask DeleteAsync(string id, CancellationToken cancellation) => await Database.KeyDeleteAsync(prefix + id);

    public async ValueTask<IAsyncDisposable> LockAsync(string id, TimeSpan? timeout, CancellationToken cancellation) =>
        (await LockAndLoadAsync(id, timeout, read: false, cancellation)).Lock;

    /// <summary>SET NX and GET pipelined in one batch: the read lands right after the lock is taken, in one round trip.</summary>
    public ValueTask<LockedSession> LockAndLoadAsync(string id, TimeSpan? timeout, CancellationToken cancellation) =>
        LockAndLoadAsync(id, timeout, read: true, cancellation);

    private async ValueTask<LockedSession> LockAndLoadAsync(string id, TimeSpan? timeout, bool read, CancellationToken cancellation)
    {
        var key = prefix + id + ":lock";
        var token = Guid.NewGuid().ToString("N");
        RedisValue data = default;
        var held = await _locks.AcquireAsync(id, timeout, async _ =>
        {
            var database = Database;
            var batch = database.CreateBatch();
            var taken = batch.LockTakeAsync(key, token, Lease.Length);
            var value = read ? batch.StringGetAsync(prefix + id) : null;
            batch.Execute();
            var locked = await taken;
            if (value is not null)
            {
                // Awaited either way, so a failed read is observed; only a read made under the lock is kept.
                var readValue = await value;
                data = locked ? readValue : default;
            }
            return locked ? Held(database, key, token) : null;
        }, cancellation);
        return new(held, Read(data));
    }

    /// <summary>Redis expires sessions itself.</summary>
    public ValueTask CleanUpAsync(CancellationToken cancellation) => ValueTask.CompletedTask;

    private static Dictionary<string, string>? Read(RedisValue value) => value.IsNullOrEmpty ? null : SessionData.FromJson((byte[])value!);

    /// <summary>
    /// The lock, renewed while held and deleted at the end, each only while the key still holds this request's token (a
    /// lease that ran out may have passed it on), by one script. Both are fire-and-forget: the save before the unlock was
    /// acknowledged, so nobody needs to wait for it.
    /// </summary>
    private Lease Held(IDatabase database, RedisKey key, RedisValue token)
    {
        RedisKey[] keys = [key];
        RedisValue[] renewal = [token, (long)Lease.Length.TotalMilliseconds];
        return new Lease(_time,
            () =>
            {
                database.ScriptEvaluate(RenewIfOwned, keys, renewal, CommandFlags.FireAndForget);
                return ValueTask.CompletedTask;
            },
            () =>
            {
                database.ScriptEvaluate(DeleteIfOwned, keys, [token], CommandFlags.FireAndForget);
                return ValueTask.CompletedTask;
            });
    }

    private const string RenewIfOwned = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end return 0";

    private const string DeleteIfOwned = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0";
}
