namespace Cherry;

/// <summary>
/// Counts requests in flight and keeps weak references to a sample of finished ones, so the GC page can tell whether
/// finished requests are really collected (CherryPy's GCRoot leak check). One per host, from DI.
/// </summary>
public sealed class RequestTracker
{
    private const int SampleEvery = 16;
    private readonly WeakReference<Request>?[] _sample = new WeakReference<Request>?[64];
    private long _live;
    private long _finished;

    public long Live => Interlocked.Read(ref _live);

    internal void Started() => Interlocked.Increment(ref _live);

    internal void Finish(Request request)
    {
        Interlocked.Decrement(ref _live);
        var count = Interlocked.Increment(ref _finished);
        if (count % SampleEvery == 0)
        {
            _sample[(count / SampleEvery) % _sample.Length] = new WeakReference<Request>(request);
        }
    }

    /// <summary>Collects garbage and counts the sampled finished requests that are still reachable.</summary>
    public (int Sampled, int StillAlive) CheckForLeaks()
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
