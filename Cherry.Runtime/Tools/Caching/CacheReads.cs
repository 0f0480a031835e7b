using System.Collections.Concurrent;

namespace Cherry;

/// <summary>
/// Concurrent lookups of one URL on a shared store, made into as few reads as freshness allows: a lookup that arrives
/// while a read of the same records is in flight does not join that read, which may have started before an invalidation
/// the lookup must see; it joins the next one, started when the current read ends, with every lookup that arrived
/// meanwhile. So a lookup's read always starts after the lookup itself, as if it had read alone, and under load a hot
/// page costs two reads per round trip instead of one per request. Output caching coalesces its lookups too, but onto
/// the read in flight. One per host, owned by DI; unused for the in-process store, where a read costs no round trip.
/// </summary>
internal sealed class CacheReads
{
    private readonly ConcurrentDictionary<string, Line> _lines = new(StringComparer.Ordinal);

    /// <summary>
    /// The records, from a read that started after this call. The shared read is not cancelled with one of its lookups;
    /// each lookup stops waiting when its own request is aborted.
    /// </summary>
    public Task<CacheRecords> ReadAsync(ICacheStore store, IReadOnlyList<string> indexKeys, string? responseKey, CancellationToken cancellation)
    {
        var key = string.Join('\n', indexKeys) + "\n\n" + responseKey;
        while (true)
        {
            var line = _lines.GetOrAdd(key, static _ => new Line());
            lock (line)
            {
                if (line.Closed)
                {
                    continue;
                }
                if (line.Busy)
                {
                    line.Next ??= new(TaskCreationOptions.RunContinuationsAsynchronously);
                    return line.Next.Task.WaitAsync(cancellation);
                }
                line.Busy = true;
            }
            var read = Start(store, indexKeys, responseKey);
            _ = ServeNextAsync(read, store, indexKeys, responseKey, key, line);
            return read.WaitAsync(cancellation);
        }
    }

    /// <summary>After each read, the one that the lookups arriving during it wait for, until none arrived; then the line closes.</summary>
    private async Task ServeNextAsync(Task<CacheRecords> read, ICacheStore store, IReadOnlyList<string> indexKeys, string? responseKey, string key, Line line)
    {
        while (true)
        {
            try
            {
                await read;
            }
            catch
            {
                // The read's own lookups see its failure through its task; the next read is tried regardless.
            }
            TaskCompletionSource<CacheRecords>? next;
            lock (line)
            {
                next = line.Next;
                line.Next = null;
                if (next is null)
                {
                    line.Closed = true;
                    _lines.TryRemove(new KeyValuePair<string, Line>(key, line));
                    return;
                }
            }
            read = Start(store, indexKeys, responseKey);
            try
            {
                next.TrySetResult(await read);
            }
            catch (Exception ex)
            {
                next.TrySetException(ex);
            }
        }
    }

    /// <summary>A read as a task, even when the store throws before it returns one (the line must still move on).</summary>
    private static Task<CacheRecords> Start(ICacheStore store, IReadOnlyList<string> indexKeys, string? responseKey)
    {
        try
        {
            return store.ReadAsync(indexKeys, responseKey, CancellationToken.None).AsTask();
        }
        catch (Exception ex)
        {
            return Task.FromException<CacheRecords>(ex);
        }
    }

    /// <summary>The reads of one key: the one in flight, and the one that lookups arriving now will share.</summary>
    private sealed class Line
    {
        /// <summary>A read is in flight.</summary>
        public bool Busy { get; set; }

        public TaskCompletionSource<CacheRecords>? Next { get; set; }

        /// <summary>Removed from the table: a lookup that found it there takes a new line.</summary>
        public bool Closed { get; set; }
    }
}
