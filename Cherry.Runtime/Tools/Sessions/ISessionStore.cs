namespace Cherry;

/// <summary>Where sessions live. Every backend passes the same behavioural tests.</summary>
public interface ISessionStore
{
    /// <summary>The session's data, or null when the id is unknown or expired.</summary>
    ValueTask<IReadOnlyDictionary<string, string>?> LoadAsync(string id, CancellationToken cancellation);

    ValueTask SaveAsync(string id, IReadOnlyDictionary<string, string> data, DateTimeOffset expires, CancellationToken cancellation);

    ValueTask DeleteAsync(string id, CancellationToken cancellation);

    /// <summary>Locks one session against other requests (and, for shared stores, other processes) until disposed.</summary>
    /// <exception cref="TimeoutException">The lock was not had within <paramref name="timeout"/>.</exception>
    ValueTask<IAsyncDisposable> LockAsync(string id, TimeSpan? timeout, CancellationToken cancellation);

    /// <summary>Deletes expired sessions.</summary>
    ValueTask CleanUpAsync(CancellationToken cancellation);
}
