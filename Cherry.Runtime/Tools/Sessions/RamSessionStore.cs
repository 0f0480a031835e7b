using System.Collections.Concurrent;

namespace Cherry;

/// <summary>Sessions in this process's memory (CherryPy's RamSession), with a lock per id.</summary>
public sealed class RamSessionStore(TimeProvider? time = null) : ISessionStore
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    private readonly ConcurrentDictionary<string, (IReadOnlyDictionary<string, string> Data, DateTimeOffset Expires)> _sessions = new(StringComparer.Ordinal);
    private readonly SessionLocks _locks = new(time);

    public int Count => _sessions.Count;

    public ValueTask<IReadOnlyDictionary<string, string>?> LoadAsync(string id, CancellationToken cancellation) =>
        ValueTask.FromResult(_sessions.TryGetValue(id, out var entry) && entry.Expires > _time.GetUtcNow() ? entry.Data : null);

    public ValueTask SaveAsync(string id, IReadOnlyDictionary<string, string> data, DateTimeOffset expires, CancellationToken cancellation)
    {
        _sessions[id] = (new Dictionary<string, string>(data, StringComparer.Ordinal), expires);
        return ValueTask.CompletedTask;
    }

    /// <summary>Moves the expiry only; a session deleted or replaced meanwhile is left as it is.</summary>
    public ValueTask RenewAsync(string id, IReadOnlyDictionary<string, string> data, DateTimeOffset expires, CancellationToken cancellation)
    {
        if (_sessions.TryGetValue(id, out var entry))
        {
            _sessions.TryUpdate(id, (entry.Data, expires), entry);
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask DeleteAsync(string id, CancellationToken cancellation)
    {
        _sessions.TryRemove(id, out _);
        return ValueTask.CompletedTask;
    }

    public ValueTask<IAsyncDisposable> LockAsync(string id, TimeSpan? timeout, CancellationToken cancellation) =>
        _locks.AcquireAsync(id, timeout, cancellation);

    public ValueTask CleanUpAsync(CancellationToken cancellation)
    {
        var now = _time.GetUtcNow();
        foreach (var (id, entry) in _sessions)
        {
            if (entry.Expires <= now)
            {
                _sessions.TryRemove(new KeyValuePair<string, (IReadOnlyDictionary<string, string>, DateTimeOffset)>(id, entry));
            }
        }
        return ValueTask.CompletedTask;
    }
}
