namespace Cherry;

/// <summary>
/// The in-memory store, after CherryPy's MemoryCache: at most <see cref="MaxObjects"/> entries, each response under
/// <see cref="MaxObjectSize"/> bytes, together under <see cref="MaxSize"/>. The per-URL index records count as
/// entries too, keys included, so a flood of distinct URLs or Host headers cannot grow memory: when a new entry does
/// not fit, the oldest stored make room. A sweep every <see cref="ExpireFrequency"/> drops expired entries.
/// </summary>
public sealed class MemoryCacheStore : ICacheStore, IDisposable
{
    // One table for responses and index records, oldest first, so that making room is O(1) per evicted entry.
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _age = new();
    private readonly Lock _lock = new();
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

    /// <summary>Entries held: responses and index records.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Approximate bytes held by responses and index records, keys included.</summary>
    public long Size
    {
        get
        {
            lock (_lock)
            {
                return _size;
            }
        }
    }

    public ValueTask<CachedResponse?> GetAsync(string key, CancellationToken cancellation) =>
        ValueTask.FromResult(Find(key) as CachedResponse);

    public ValueTask<bool> SetAsync(string key, CachedResponse response, CancellationToken cancellation)
    {
        var size = response.Size;
        return ValueTask.FromResult(size < MaxObjectSize && Add(new Entry(key, response, size, response.Expires)));
    }

    public ValueTask<string?> GetIndexAsync(string key, CancellationToken cancellation) =>
        ValueTask.FromResult(Find(key) as string);

    public ValueTask SetIndexAsync(string key, string value, TimeSpan lifetime, CancellationToken cancellation)
    {
        Add(new Entry(key, value, value.Length * 2L, _time.GetUtcNow() + lifetime));
        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAsync(string key, CancellationToken cancellation)
    {
        lock (_lock)
        {
            Remove(key);
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>Drops expired entries; the timer calls it, tests may too.</summary>
    public void Sweep()
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            for (var node = _age.First; node is not null;)
            {
                var next = node.Next;
                if (node.Value.Expires <= now)
                {
                    Remove(node.Value.Key);
                }
                node = next;
            }
        }
    }

    public void Dispose() => _sweeper.Dispose();

    private object? Find(string key)
    {
        lock (_lock)
        {
            return _entries.TryGetValue(key, out var node) && node.Value.Expires > _time.GetUtcNow() ? node.Value.Value : null;
        }
    }

    /// <summary>Stores the entry as the newest, evicting the oldest until it fits; false when it never could.</summary>
    private bool Add(Entry entry)
    {
        if (entry.Size >= MaxSize || MaxObjects < 1)
        {
            return false;
        }
        lock (_lock)
        {
            Remove(entry.Key);
            while (_age.First is { } oldest && (_entries.Count >= MaxObjects || _size + entry.Size >= MaxSize))
            {
                Remove(oldest.Value.Key);
            }
            _entries[entry.Key] = _age.AddLast(entry);
            _size += entry.Size;
        }
        return true;
    }

    /// <remarks>Called under the lock.</remarks>
    private void Remove(string key)
    {
        if (_entries.Remove(key, out var node))
        {
            _age.Remove(node);
            _size -= node.Value.Size;
        }
    }

    /// <summary>A response or an index record (<paramref name="Value"/>) and the bytes it holds.</summary>
    private sealed record Entry(string Key, object Value, long ValueSize, DateTimeOffset Expires)
    {
        /// <summary>The value, the key, and about 64 bytes for the table's node.</summary>
        public long Size { get; } = ValueSize + Key.Length * 2L + 64;
    }
}
