namespace Cherry;

/// <summary>
/// Counts requests in flight and keeps weak references to a sample of finished ones, so the GC page can tell whether
/// finished requests are really collected (CherryPy's GCRoot leak check).
/// </summary>
public static class RequestTracker
{
    private const int SampleEvery = 16;
    private static readonly WeakReference<Request>?[] Finished = new WeakReference<Request>?[64];
    private static long s_live;
    private static long s_finished;

    public static long Live => Interlocked.Read(ref s_live);

    internal static void Started() => Interlocked.Increment(ref s_live);

    internal static void Finish(Request request)
    {
        Interlocked.Decrement(ref s_live);
        var count = Interlocked.Increment(ref s_finished);
        if (count % SampleEvery == 0)
        {
            Finished[(count / SampleEvery) % Finished.Length] = new WeakReference<Request>(request);
        }
    }

    /// <summary>Collects garbage and counts the sampled finished requests that are still reachable.</summary>
    public static (int Sampled, int StillAlive) CheckForLeaks()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var sampled = 0;
        var alive = 0;
        foreach (var reference in Finished)
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
