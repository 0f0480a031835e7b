namespace Cherry.Stores;

/// <summary>
/// Sessions in memcached (CherryPy's MemcachedSession): one item per session with memcached's expiry, and a lock item
/// taken with the atomic <c>add</c> and a short lease renewed while held (<see cref="Lease"/>), so a crashed holder
/// cannot keep it more than seconds. Requests of one instance
/// wait for each other in memory (<see cref="SessionLocks"/>): only one at a time asks memcached for the lock.
/// </summary>
/// <param name="endpoint">The memcached server as <c>host:port</c> (<c>127.0.0.1:11211</c>).</param>
/// <param name="prefix">What every key of this store starts with.</param>
/// <param name="time">The clock lifetimes are measured by; the system's by default.</param>
public sealed class MemcachedSessionStore(string endpoint, string prefix = "cherry:session:", TimeProvider? time = null) : ISessionStore, IAsyncDisposable
{
    private readonly MemcachedClient _client = MemcachedClient.Parse(endpoint);

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    private readonly SessionLocks _locks = new(time);

    /// <summary>
    /// memcached's clock moves in whole seconds: an item set to live n seconds is gone at the n-th tick of that clock,
    /// which can come up to a second early, so a session renewed within its lifetime could still vanish. It is kept
    /// a second longer than its lifetime instead, a second late at worst.
    /// </summary>
    private static readonly TimeSpan ClockGrain = TimeSpan.FromSeconds(1);

    public async ValueTask<IReadOnlyDictionary<string, string>?> LoadAsync(string id, CancellationToken cancellation) =>
        await _client.GetAsync(prefix + id, cancellation) is { } data ? SessionData.FromJson(data) : null;

    public async ValueTask SaveAsync(string id, IReadOnlyDictionary<string, string> data, DateTimeOffset expires, CancellationToken cancellation) =>
        await _client.SetAsync(prefix + id, SessionData.ToJson(data), expires - _time.GetUtcNow() + ClockGrain, cancellation);

    /// <summary>memcached's touch: the data is not sent again, and an item gone meanwhile stays gone.</summary>
    public async ValueTask RenewAsync(string id, IReadOnlyDictionary<string, string> data, DateTimeOffset expires, CancellationToken cancellation) =>
        await _client.TouchAsync(prefix + id, expires - _time.GetUtcNow() + ClockGrain, cancellation);

    public async ValueTask DeleteAsync(string id, CancellationToken cancellation) => await _client.DeleteAsync(prefix + id, cancellation);

    public ValueTask<IAsyncDisposable> LockAsync(string id, TimeSpan? timeout, CancellationToken cancellation)
    {
        var key = prefix + id + ":lock";
        return _locks.AcquireAsync(id, timeout, async ct =>
            await _client.AddAsync(key, [1], Lease.Length, ct)
                ? new Lease(_time, () => _client.TouchAsync(key, Lease.Length, CancellationToken.None), () => _client.DeleteAsync(key, CancellationToken.None))
                : null, cancellation);
    }

    /// <summary>memcached expires sessions itself.</summary>
    public ValueTask CleanUpAsync(CancellationToken cancellation) => ValueTask.CompletedTask;

    /// <summary>Closes the store's idle connections.</summary>
    public ValueTask DisposeAsync() => _client.DisposeAsync();
}
