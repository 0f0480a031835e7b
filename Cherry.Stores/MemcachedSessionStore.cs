namespace Cherry.Stores;

/// <summary>
/// Sessions in memcached (CherryPy's MemcachedSession): one item per session with memcached's expiry, and a lock item
/// taken with the atomic <c>add</c> and a short lifetime, so a crashed holder cannot keep it.
/// </summary>
/// <param name="endpoint">The memcached server as <c>host:port</c> (<c>127.0.0.1:11211</c>).</param>
/// <param name="prefix">What every key of this store starts with.</param>
public sealed class MemcachedSessionStore(string endpoint, string prefix = "cherry:session:") : ISessionStore, IAsyncDisposable
{
    private readonly MemcachedClient _client = MemcachedClient.Parse(endpoint);

    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

    /// <summary>
    /// memcached's clock moves in whole seconds: an item set to live n seconds is gone at the n-th tick of that clock,
    /// which can come up to a second early, so a session renewed within its lifetime could still vanish. It is kept
    /// a second longer than its lifetime instead, a second late at worst.
    /// </summary>
    private static readonly TimeSpan ClockGrain = TimeSpan.FromSeconds(1);

    public async ValueTask<IReadOnlyDictionary<string, string>?> LoadAsync(string id, CancellationToken cancellation) =>
        await _client.GetAsync(prefix + id, cancellation) is { } data ? SessionData.FromJson(data) : null;

    public async ValueTask SaveAsync(string id, IReadOnlyDictionary<string, string> data, DateTimeOffset expires, CancellationToken cancellation) =>
        await _client.SetAsync(prefix + id, SessionData.ToJson(data), expires - DateTimeOffset.UtcNow + ClockGrain, cancellation);

    public async ValueTask DeleteAsync(string id, CancellationToken cancellation) => await _client.DeleteAsync(prefix + id, cancellation);

    public async ValueTask<IAsyncDisposable> LockAsync(string id, TimeSpan? timeout, CancellationToken cancellation)
    {
        var key = prefix + id + ":lock";
        var deadline = timeout is { } t ? DateTime.UtcNow + t : DateTime.MaxValue;
        while (!await _client.AddAsync(key, [1], Lease, cancellation))
        {
            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException("Timeout acquiring lock for " + id);
            }
            await Task.Delay(10, cancellation);
        }
        return new Release(_client, key);
    }

    /// <summary>memcached expires sessions itself.</summary>
    public ValueTask CleanUpAsync(CancellationToken cancellation) => ValueTask.CompletedTask;

    /// <summary>Closes the store's idle connections.</summary>
    public ValueTask DisposeAsync() => _client.DisposeAsync();

    private sealed class Release(MemcachedClient client, string key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await client.DeleteAsync(key, CancellationToken.None);
    }
}
