using System.Collections.Concurrent;

namespace Cherry;

/// <summary>
/// The cache misses being computed in this host, by key: a concurrent miss for the same key waits for the first one
/// instead of computing again (anti-stampede). One per host, owned by DI and shared by every caching tool.
/// </summary>
internal sealed class CacheFlights : ConcurrentDictionary<string, TaskCompletionSource>
{
    public CacheFlights()
        : base(StringComparer.Ordinal)
    {
    }
}
