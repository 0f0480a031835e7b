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

    private const int FirstSweep = 10_000;

    private readonly ConcurrentDictionary<string, (long Count, DateTimeOffset Expires)> _seen = new(StringComparer.Ordinal);

    /// <summary>
    /// The size at which expired nonces are next swept: twice what a sweep left, so that a table full of live nonces
    /// is not walked again on every request (the sweeps cost constant time per nonce added).
    /// </summary>
    private int _sweepAt = FirstSweep;

    public ValueTask<bool> AdvanceAsync(string nonce, long count, DateTimeOffset expires, CancellationToken cancellation)
    {
        if (_seen.Count > Volatile.Read(ref _sweepAt))
        {
            var now = _time.GetUtcNow();
            foreach (var (key, entry) in _seen)
            {
                if (entry.Expires < now)
                {
                    _seen.TryRemove(key, out _);
                }
            }
            Volatile.Write(ref _sweepAt, Math.Max(FirstSweep, 2 * _seen.Count));
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
