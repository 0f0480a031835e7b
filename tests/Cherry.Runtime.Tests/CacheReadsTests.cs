using Cherry.Integration.Tests;

namespace Cherry.Runtime.Tests;

/// <summary>
/// <see cref="CacheReads"/> against a store whose reads the test finishes one by one: each read reports the store's
/// version when it started, so a lookup given an older version than the one written before it arrived is caught.
/// </summary>
public sealed class CacheReadsTests
{
    private static readonly string[] Keys = ["gen:/", "gen:/a", "GET http://h/a?"];

    /// <summary>A shared store's reads, held until the test releases them; records what version each one saw.</summary>
    private sealed class HeldStore : ICacheStore
    {
        private readonly Queue<TaskCompletionSource> _held = new();

        public int Version { get; set; } = 1;

        public int Reads { get; private set; }

        public bool FailNext { get; set; }

        public int Waiting
        {
            get
            {
                lock (_held)
                {
                    return _held.Count;
                }
            }
        }

        public async ValueTask<CacheRecords> ReadAsync(IReadOnlyList<string> indexKeys, string? responseKey, CancellationToken cancellation)
        {
            Reads++;
            var seen = Version;
            var fail = FailNext;
            FailNext = false;
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_held)
            {
                _held.Enqueue(gate);
            }
            await gate.Task;
            return fail ? throw new IOException("store down") : new CacheRecords([.. indexKeys.Select(_ => "v" + seen)], null);
        }

        /// <summary>Lets the oldest held read finish, then waits until the next one has started (or none will).</summary>
        public async Task FinishOneAsync(bool expectAnother)
        {
            TaskCompletionSource gate;
            lock (_held)
            {
                gate = _held.Dequeue();
            }
            gate.SetResult();
            if (expectAnother)
            {
                await Poll.UntilAsync(() => Waiting > 0, TimeSpan.FromSeconds(10), "the read to start");
            }
        }

        public ValueTask<CachedResponse?> GetAsync(string key, CancellationToken cancellation) => throw new NotSupportedException();

        public ValueTask<bool> SetAsync(string key, CachedResponse response, CancellationToken cancellation) => throw new NotSupportedException();

        public ValueTask<string?> GetIndexAsync(string key, CancellationToken cancellation) => throw new NotSupportedException();

        public ValueTask SetIndexAsync(string key, string value, TimeSpan lifetime, CancellationToken cancellation) => throw new NotSupportedException();

        public ValueTask RemoveAsync(string key, CancellationToken cancellation) => throw new NotSupportedException();
    }

    private static string Seen(CacheRecords records) => records.Indexes[^1]!;

    [Fact]
    public async Task Lookups_arriving_during_a_read_share_the_next_read_which_sees_what_was_written_before_they_arrived()
    {
        var reads = new CacheReads();
        var store = new HeldStore();
        var first = reads.ReadAsync(store, Keys, "r", default);
        await Poll.UntilAsync(() => store.Waiting == 1, TimeSpan.FromSeconds(10), "a read held at the store");
        // Written while the first read is in flight: lookups that arrive now must see it, so they cannot share that read.
        store.Version = 2;
        var second = reads.ReadAsync(store, Keys, "r", default);
        var third = reads.ReadAsync(store, Keys, "r", default);
        Assert.Equal(1, store.Reads);

        await store.FinishOneAsync(expectAnother: true);
        Assert.Equal("v1", Seen(await first));
        Assert.False(second.IsCompleted);
        Assert.Equal(2, store.Reads);

        await store.FinishOneAsync(expectAnother: false);
        Assert.Equal("v2", Seen(await second));
        Assert.Same(await second, await third);
        Assert.Equal(2, store.Reads);

        // The line closed when no lookup waited: a later lookup reads afresh, alone.
        store.Version = 3;
        var later = reads.ReadAsync(store, Keys, "r", default);
        await Poll.UntilAsync(() => store.Waiting == 1, TimeSpan.FromSeconds(10), "a read held at the store");
        await store.FinishOneAsync(expectAnother: false);
        Assert.Equal("v3", Seen(await later));
        Assert.Equal(3, store.Reads);
    }

    [Fact]
    public async Task Different_records_are_never_shared()
    {
        var reads = new CacheReads();
        var store = new HeldStore();
        var page = reads.ReadAsync(store, Keys, "r", default);
        var indexOnly = reads.ReadAsync(store, Keys, null, default);
        var other = reads.ReadAsync(store, ["gen:/", "gen:/b", "GET http://h/b?"], "r", default);
        await Poll.UntilAsync(() => store.Waiting == 3, TimeSpan.FromSeconds(10), "3 reads held at the store");
        for (var i = 0; i < 3; i++)
        {
            await store.FinishOneAsync(expectAnother: false);
        }
        var results = await Task.WhenAll(page, indexOnly, other);
        Assert.Equal(3, store.Reads);
        Assert.Equal(3, results.Distinct().Count());
    }

    [Fact]
    public async Task A_failed_read_fails_only_its_own_lookups_and_the_waiting_ones_get_a_read_of_their_own()
    {
        var reads = new CacheReads();
        var store = new HeldStore { FailNext = true };
        var first = reads.ReadAsync(store, Keys, "r", default);
        await Poll.UntilAsync(() => store.Waiting == 1, TimeSpan.FromSeconds(10), "a read held at the store");
        var second = reads.ReadAsync(store, Keys, "r", default);

        await store.FinishOneAsync(expectAnother: true);
        await Assert.ThrowsAsync<IOException>(() => first);
        await store.FinishOneAsync(expectAnother: false);
        Assert.Equal("v1", Seen(await second));
    }

    [Fact]
    public async Task An_aborted_lookup_stops_waiting_without_cancelling_the_read_the_others_share()
    {
        var reads = new CacheReads();
        var store = new HeldStore();
        using var abort = new CancellationTokenSource();
        var first = reads.ReadAsync(store, Keys, "r", abort.Token);
        await Poll.UntilAsync(() => store.Waiting == 1, TimeSpan.FromSeconds(10), "a read held at the store");
        var second = reads.ReadAsync(store, Keys, "r", default);
        var aborted = reads.ReadAsync(store, Keys, "r", abort.Token);

        abort.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => aborted);
        await store.FinishOneAsync(expectAnother: true);
        await store.FinishOneAsync(expectAnother: false);
        Assert.Equal("v1", Seen(await second));
        Assert.Equal(2, store.Reads);
    }
}
