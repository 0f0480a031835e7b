using System.Collections.Concurrent;

namespace Cherry;

/// <summary>
/// Remembers digest nonce-counts so a replayed request is refused. Register a shared implementation (Cherry.Stores has
/// Redis, PostgreSQL and memcached ones) when several instances serve one realm.
/// </summary>
public interface INonceCounter
{
    /// <summary>True when <paramref name="count"/> was not seen before for <paramref name="nonce"/> (and is now recorded).</summary>
    ValueTask<bool> AdvanceAsync(string nonce, long count, DateTimeOffset expires, CancellationToken cancellation);
}

/// <summary>Nonce-counts in this process: each must be higher than the last one seen for its nonce.</summary>
public sealed class MemoryNonceCounter(TimeProvider? time = null) : INonceCounter
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    private readonly ConcurrentDictionary<string, (long Count, DateTimeOffset Expires)> _seen = new(StringComparer.Ordinal);

    public ValueTask<bool> AdvanceAsync(string nonce, long count, DateTimeOffset expires, CancellationToken cancellation)
    {
        if (_seen.Count > 10_000)
        {
            foreach (var (key, entry) in _seen)
            {
                if (entry.Expires < _time.GetUtcNow())
                {
                    _seen.TryRemove(key, out _);
                }
            }
        }
        while (true)
        {
            if (!_seen.TryGetValue(nonce, out var previous))
            {
                if (_seen.TryAdd(nonce, (count, expires)))
                {
                    return ValueTask.FromResult(true);
                }
                continue;
            }
            if (count <= previous.Count)
            {
                return ValueTask.FromResult(false);
            }
            if (_seen.TryUpdate(nonce, (count, expires), previous))
            {
                return ValueTask.FromResult(true);
            }
        }
    }
}
