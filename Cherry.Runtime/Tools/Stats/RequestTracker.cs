namespace Cherry;

/// <summary>
/// Counts requests in flight and keeps weak references to a sample of finished ones, so the GC page can tell whether
/// finished requests are really collected (CherryPy's GCRoot leak check). One per host, from DI.
/// </summary>
public sealed class RequestTracker(TimeProvider time) : IRequestObserver
{
    private const int SampleEvery = 16;

    /// <summary>
    /// How long a leak check's answer is reused: each check is two full blocking collections, so clients asking in a
    /// loop must not be able to multiply them.
    /// </summary>
    public static readonly TimeSpan LeakCheckInterval = TimeSpan.FromSeconds(10);

    private readonly Lock _checking = new();
    private (DateTimeOffset At, int Sampled, int StillAlive)? _lastCheck;
    private readonly WeakReference<Request>?[] _sample = new WeakReference<Request>?[64];
    private long _live;
    private long _finished;

    public long Live => Interlocked.Read(ref _live);

    void IRequestObserver.Started(Request request) => Interlocked.Increment(ref _live);

    void IRequestObserver.Finished(Request request)
    {
        Interlocked.Decrement(ref _live);
        var count = Interlocked.Increment(ref _finished);
        if (count % SampleEvery == 0)
        {
            // Once the ring is full its references are retargeted: a new one per sample costs a GC handle and a finalizer.
            var slot = (count / SampleEvery) % _sample.Length;
            if (_sample[slot] is { } reference)
            {
                reference.SetTarget(request);
            }
            else
            {
                _sample[slot] = new WeakReference<Request>(request);
            }
        }
    }

    /// <summary>
    /// Collects garbage and counts the sampled finished requests that are still reachable; at most once per
    /// <see cref="LeakCheckInterval"/>, one at a time: a caller in between gets the last answer.
    /// </summary>
    public (int Sampled, int StillAlive) CheckForLeaks()
    {
        lock (_checking)
        {
            var now = time.GetUtcNow();
            if (_lastCheck is { } last && now - last.At < LeakCheckInterval)
            {
                return (last.Sampled, last.StillAlive);
            }
            var (sampled, alive) = CollectAndCount();
            _lastCheck = (now, sampled, alive);
            return (sampled, alive);
        }
    }

    private (int Sampled, int StillAlive) CollectAndCount()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var sampled = 0;
        var alive = 0;
        foreach (var reference in _sample)
        {
            if (reference is null)
            {
                continue;
            }
            sampled++;
            if (reference.TryGetTarget(out _))
            {
                alive++;
            }
        }
        return (sampled, alive);
    }
}
