namespace Cherry;

/// <summary>
/// Sessions in memcached (CherryPy's MemcachedSession): one item per session with memcached's expiry, and a lock item
/// taken with the atomic <c>add</c> and a short lifetime, so a crashed holder cannot keep it.
/// </summary>
public sealed class MemcachedSessionStore(MemcachedClient client, string prefix = "cherry:session:") : ISessionStore
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

    public async ValueTask<IReadOnlyDictionary<string, string>?> LoadAsync(string id, CancellationToken cancellation) =>
        await client.GetAsync(prefix + id, cancellation) is { } data ? SessionData.FromJson(data) : null;

    public async ValueTask SaveAsync(string id, IReadOnlyDictionary<string, string> data, DateTimeOffset expires, CancellationToken cancellation) =>
        await client.SetAsync(prefix + id, SessionData.ToJson(data), expires - DateTimeOffset.UtcNow, cancellation);

    public async ValueTask DeleteAsync(string id, CancellationToken cancellation) => await client.DeleteAsync(prefix + id, cancellation);

    public async ValueTask<IAsyncDisposable> LockAsync(string id, TimeSpan? timeout, CancellationToken cancellation)
    {
        var key = prefix + id + ":lock";
        var deadline = timeout is { } t ? DateTime.UtcNow + t : DateTime.MaxValue;
        while (!await client.AddAsync(key, [1], Lease, cancellation))
        {
            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException("Timeout acquiring lock for " + id);
            }
            await Task.Delay(10, cancellation);
        }
        return new Release(client, key);
    }

    /// <summary>memcached expires sessions itself.</summary>
    public ValueTask CleanUpAsync(CancellationToken cancellation) => ValueTask.CompletedTask;

    private sealed class Release(MemcachedClient client, string key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await client.DeleteAsync(key, CancellationToken.None);
    }
}
