namespace Cherry;

/// <summary>
/// The session locks of one process, for <see cref="ISessionStore"/> implementations: a first-come first-served queue
/// per id, so a request waiting for a session waits on a task and costs no CPU however many wait. Only the request at
/// the head of the queue touches a shared lock (a file, a key, an advisory lock), which it polls with backoff only while
/// another process holds it. An id has an entry only while its lock is held or awaited, so the table never grows with
/// ids that clients make up.
/// </summary>
public sealed class SessionLocks(TimeProvider? time = null)
{
    /// <summary>CherryPy's lock polls every 0.1 s; a shared lock is tried sooner first, as most holders finish quickly.</summary>
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(5);

    private static readonly TimeSpan LastPoll = TimeSpan.FromMilliseconds(100);

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    // Guarded by itself; no await happens under it.
    private readonly Dictionary<string, Gate> _gates = new(StringComparer.Ordinal);

    /// <summary>How many ids have their lock held or awaited in this process.</summary>
    public int Count
    {
        get
        {
            lock (_gates)
            {
                return _gates.Count;
            }
        }
    }

    /// <summary>How many requests of this process wait for the lock of <paramref name="id"/>.</summary>
    public int Waiting(string id)
    {
        lock (_gates)
        {
            return _gates.TryGetValue(id, out var gate) ? gate.Waiters?.Count ?? 0 : 0;
        }
    }

    /// <summary>Locks <paramref name="id"/> in this process until the result is disposed.</summary>
    /// <exception cref="TimeoutException">The lock was not had within <paramref name="timeout"/>.</exception>
    public ValueTask<IAsyncDisposable> AcquireAsync(string id, TimeSpan? timeout, CancellationToken cancellation) =>
        AcquireAsync(id, timeout, takeShared: null, cancellation);

    /// <summary>
    /// Locks <paramref name="id"/> in this process, then takes the shared lock with <paramref name="takeShared"/>
    /// (null while another process holds it), both until the result is disposed.
    /// </summary>
    /// <exception cref="TimeoutException">Both locks were not had within <paramref name="timeout"/>.</exception>
    public async ValueTask<IAsyncDisposable> AcquireAsync(
        string id, TimeSpan? timeout, Func<CancellationToken, ValueTask<IAsyncDisposable?>>? takeShared, CancellationToken cancellation)
    {
        var started = _time.GetTimestamp();
        var local = await EnterAsync(id, timeout, cancellation);
        if (takeShared is null)
        {
            return local;
        }
        try
        {
            var pause = FirstPoll;
            while (true)
            {
                if (await takeShared(cancellation) is { } shared)
                {
                    return new Both(shared, local);
                }
                var left = timeout is { } t ? t - _time.GetElapsedTime(started) : Timeout.InfiniteTimeSpan;
                if (timeout is not null && left <= TimeSpan.Zero)
                {
                    throw TimedOut(id);
                }
                // Held by another process: only this request of this process asks again, less often the longer it waits.
                await Task.Delay(left == Timeout.InfiniteTimeSpan || pause < left ? pause : left, _time, cancellation);
                pause = pause * 2 < LastPoll ? pause * 2 : LastPoll;
            }
        }
        catch
        {
            await local.DisposeAsync();
            throw;
        }
    }

    private async ValueTask<IAsyncDisposable> EnterAsync(string id, TimeSpan? timeout, CancellationToken cancellation)
    {
        Gate? gate;
        LinkedListNode<TaskCompletionSource> turn;
        lock (_gates)
        {
            if (!_gates.TryGetValue(id, out gate))
            {
                _gates[id] = gate = new Gate();
                return new Release(this, id, gate);
            }
            // Continuations run elsewhere: a release hands the lock on under the table's lock.
            turn = (gate.Waiters ??= new()).AddLast(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }
        try
        {
            await turn.Value.Task.WaitAsync(timeout ?? Timeout.InfiniteTimeSpan, _time, cancellation);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            lock (_gates)
            {
                if (!turn.Value.Task.IsCompleted)
                {
                    // Still queued, so the gate still has a holder that will release it: only this turn leaves.
                    gate.Waiters!.Remove(turn);
                    turn.Value.SetCanceled(cancellation);
                    if (ex is TimeoutException)
                    {
                        throw TimedOut(id);
                    }
                    throw;
                }
            }
            // Handed the lock just as the wait ended: it is this request's now.
        }
        return new Release(this, id, gate);
    }

    /// <summary>Hands the lock to the next in line, or forgets the id when nobody waits.</summary>
    private void Exit(string id, Gate gate)
    {
        lock (_gates)
        {
            if (gate.Waiters?.First is { } next)
            {
                gate.Waiters.RemoveFirst();
                next.Value.SetResult();
            }
            else
            {
                _gates.Remove(id);
            }
        }
    }

    private static TimeoutException TimedOut(string id) => new("Timeout acquiring lock for " + id);

    /// <summary>A held lock: whoever holds it is not in <see cref="Waiters"/>.</summary>
    private sealed class Gate
    {
        public LinkedList<TaskCompletionSource>? Waiters;
    }

    /// <summary>Releases once however often it is disposed.</summary>
    private sealed class Release(SessionLocks owner, string id, Gate gate) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner.Exit(id, gate);
            }
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>The shared lock, released first, then this process's; once however often it is disposed.</summary>
    private sealed class Both(IAsyncDisposable shared, IAsyncDisposable local) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }
            try
            {
                await shared.DisposeAsync();
            }
            finally
            {
                await local.DisposeAsync();
            }
        }
    }
}
