using System.Collections.Concurrent;

namespace Cherry;

/// <summary>
/// The in-memory store, after CherryPy's MemoryCache: at most <see cref="MaxObjects"/> responses, each under
/// <see cref="MaxObjectSize"/> bytes, together under <see cref="MaxSize"/>; a sweep every
/// <see cref="ExpireFrequency"/> drops expired entries.
/// </summary>
public sealed class MemoryCacheStore : ICacheStore, IDisposable
{
    private readonly ConcurrentDictionary<string, CachedResponse> _responses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Value, DateTimeOffset Expires)> _index = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly ITimer _sweeper;
    private long _size;

    public MemoryCacheStore(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _sweeper = _time.CreateTimer(_ => Sweep(), null, ExpireFrequency, ExpireFrequency);
    }

    public int MaxObjects { get; set; } = 1000;

    public long MaxObjectSize { get; set; } = 100_000;

    public long MaxSize { get; set; } = 10_000_000;

    public TimeSpan ExpireFrequency { get; } = TimeSpan.FromSeconds(0.1);

    public int Count => _responses.Count;

    public long Size => Interlocked.Read(ref _size);

    public ValueTask<CachedResponse?> GetAsync(string key, CancellationToken cancellation) =>
        ValueTask.FromResult(_responses.TryGetValue(key, out var response) && response.Expires > _time.GetUtcNow() ? response : null);

    public ValueTask<bool> SetAsync(string key, CachedResponse response, CancellationToken cancellation)
    {
        var size = response.Size;
        if (size >= MaxObjectSize || Size + size >= MaxSize || (_responses.Count >= MaxObjects && !_responses.ContainsKey(key)))
        {
            return ValueTask.FromResult(false);
        }
        _responses.AddOrUpdate(key,
            _ =>
            {
                Interlocked.Add(ref _size, size);
                return response;
            },
            (_, old) =>
            {
                Interlocked.Add(ref _size, size - old.Size);
                return response;
            });
        return ValueTask.FromResult(true);
    }

    public ValueTask<string?> GetIndexAsync(string key, CancellationToken cancellation) =>
        ValueTask.FromResult(_index.TryGetValue(key, out var entry) && entry.Expires > _time.GetUtcNow() ? entry.Value : null);

    public ValueTask SetIndexAsync(string key, string value, TimeSpan lifetime, CancellationToken cancellation)
    {
        _index[key] = (value, _time.GetUtcNow() + lifetime);
        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAsync(string key, CancellationToken cancellation)
    {
        if (_responses.TryRemove(key, out var removed))
        {
            Interlocked.Add(ref _size, -removed.Size);
        }
        _index.TryRemove(key, out _);
        return ValueTask.CompletedTask;
    }

    /// <summary>Drops expired entries; the timer calls it, tests may too.</summary>
    public void Sweep()
    {
        var now = _time.GetUtcNow();
        foreach (var (key, response) in _responses)
        {
            if (response.Expires <= now && _responses.TryRemove(new KeyValuePair<string, CachedResponse>(key, response)))
            {
                Interlocked.Add(ref _size, -response.Size);
            }
        }
        foreach (var (key, entry) in _index)
        {
            if (entry.Expires <= now)
            {
                _index.TryRemove(new KeyValuePair<string, (string, DateTimeOffset)>(key, entry));
            }
        }
    }

    public void Dispose() => _sweeper.Dispose();
}
