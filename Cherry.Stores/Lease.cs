namespace Cherry.Stores;

/// <summary>
/// A shared lock that lives a short lease in its server and is renewed while held: a holder that dies (kill -9, a lost
/// connection, a server restarted with the lock persisted) frees the session within <see cref="Length"/>, so another
/// instance's request waits for it, not for its own lock timeout. Renewals run on a timer every third of the lease,
/// so only a lock held longer than that costs one; a failed renewal lets the lease run out, nothing else.
/// </summary>
internal sealed class Lease : IAsyncDisposable
{
    public static readonly TimeSpan Length = TimeSpan.FromSeconds(6);

    private readonly ITimer _renewals;
    private readonly Func<ValueTask> _release;

    public Lease(TimeProvider time, Func<ValueTask> renew, Func<ValueTask> release)
    {
        _release = release;
        _renewals = time.CreateTimer(static state => _ = RenewAsync((Func<ValueTask>)state!), renew, Length / 3, Length / 3);
    }

    /// <summary>Stops the renewals, then releases the lock.</summary>
    public ValueTask DisposeAsync()
    {
        _renewals.Dispose();
        return _release();
    }

    private static async Task RenewAsync(Func<ValueTask> renew)
    {
        try
        {
            await renew();
        }
        catch (Exception)
        {
            // The server is away: the lease runs out on its own, and the holder's next store call reports the outage.
        }
    }
}
