namespace Cherry;

/// <summary>Where sessions live. Every backend passes the same behavioural tests.</summary>
public interface ISessionStore
{
    /// <summary>The session's data, or null when the id is unknown or expired.</summary>
    ValueTask<IReadOnlyDictionary<string, string>?> LoadAsync(string id, CancellationToken cancellation);

    ValueTask SaveAsync(string id, IReadOnlyDictionary<string, string> data, DateTimeOffset expires, CancellationToken cancellation);

    /// <summary>
    /// Moves the expiry of a session that a request loaded and did not change (<paramref name="data"/> is what it
    /// loaded), so that a session in use never expires: CherryPy saves every session a request loaded. The default saves
    /// the data again; a store overrides it with one cheaper operation when it has one. A session no longer stored
    /// stays gone.
    /// </summary>
    ValueTask RenewAsync(string id, IReadOnlyDictionary<string, string> data, DateTimeOffset expires, CancellationToken cancellation) =>
        SaveAsync(id, data, expires, cancellation);

    ValueTask DeleteAsync(string id, CancellationToken cancellation);

    /// <summary>Locks one session against other requests (and, for shared stores, other processes) until disposed.</summary>
    /// <exception cref="TimeoutException">The lock was not had within <paramref name="timeout"/>.</exception>
    ValueTask<IAsyncDisposable> LockAsync(string id, TimeSpan? timeout, CancellationToken cancellation);

    /// <summary>
    /// Locks one session, then reads its data under the lock. The default does <see cref="LockAsync"/> and then
    /// <see cref="LoadAsync"/>; a shared store overrides it to do both in one round trip.
    /// </summary>
    /// <exception cref="TimeoutException">The lock was not had within <paramref name="timeout"/>.</exception>
    async ValueTask<LockedSession> LockAndLoadAsync(string id, TimeSpan? timeout, CancellationToken cancellation)
    {
        var held = await LockAsync(id, timeout, cancellation);
        try
        {
            return new(held, await LoadAsync(id, cancellation));
        }
        catch
        {
            await held.DisposeAsync();
            throw;
        }
    }

    /// <summary>Deletes expired sessions.</summary>
    ValueTask CleanUpAsync(CancellationToken cancellation);
}
