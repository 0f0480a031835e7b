using System.Collections.Concurrent;

namespace Cherry;

/// <summary>Sessions in this process's memory (CherryPy's RamSession), with a lock per id.</summary>
public sealed class RamSessionStore(TimeProvider? time = null) : ISessionStore
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    private readonly ConcurrentDictionary<string, (IReadOnlyDictionary<string, string> Data, DateTimeOffset Expires)> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public int Count => _sessions.Count;

    public ValueTask<IReadOnlyDictionary<string, string>?> LoadAsync(string id, CancellationToken cancellation) =>
        ValueTask.FromResult(_sessions.TryGetValue(id, out var entry) && entry.Expires > _time.GetUtcNow() ? entry.Data : null);

    public ValueTask SaveAsync(string id, IReadOnlyDictionary<string, string> data, DateTimeOffset expires, CancellationToken cancellation)
    {
        _sessions[id] = (new Dictionary<string, string>(data, StringComparer.Ordinal), expires);
        return ValueTask.CompletedTask;
    }

    public ValueTask DeleteAsync(string id, CancellationToken cancellation)
    {
        _sessions.TryRemove(id, out _);
        return ValueTask.CompletedTask;
    }

    public async ValueTask<IAsyncDisposable> LockAsync(string id, TimeSpan? timeout, CancellationToken cancellation)
    {
        var gate = _locks.GetOrAdd(id, _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(timeout ?? Timeout.InfiniteTimeSpan, cancellation))
        {
            throw new TimeoutException("Timeout acquiring lock for " + id);
        }
        return new Release(gate);
    }

    public ValueTask CleanUpAsync(CancellationToken cancellation)
    {
        var now = _time.GetUtcNow();
        foreach (var (id, entry) in _sessions)
        {
            if (entry.Expires <= now)
            {
                _sessions.TryRemove(new KeyValuePair<string, (IReadOnlyDictionary<string, string>, DateTimeOffset)>(id, entry));
                if (_locks.TryGetValue(id, out var gate) && gate.CurrentCount == 1)
                {
                    _locks.TryRemove(id, out _);
                }
            }
        }
        return ValueTask.CompletedTask;
    }

    private sealed class Release(SemaphoreSlim gate) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
            return ValueTask.CompletedTask;
        }
    }
}
