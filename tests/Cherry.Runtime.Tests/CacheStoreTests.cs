namespace Cherry.Runtime.Tests;

public sealed class CacheStoreTests
{
    private sealed class ManualTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static CachedResponse Response(int bodySize, DateTimeOffset created, TimeSpan lifetime) =>
        new("200", [new("Content-Type", "text/plain")], new byte[bodySize], created, created + lifetime);

    [Fact]
    public async Task Objects_at_or_over_the_object_size_limit_are_refused()
    {
        using var store = new MemoryCacheStore { MaxObjectSize = 1000 };
        Assert.True(await store.SetAsync("small", Response(100, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1)), default));
        Assert.False(await store.SetAsync("big", Response(2000, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1)), default));
        Assert.Null(await store.GetAsync("big", default));
    }

    [Fact]
    public async Task The_object_count_and_total_size_are_bounded()
    {
        using var store = new MemoryCacheStore { MaxObjects = 2, MaxSize = 100_000 };
        var now = DateTimeOffset.UtcNow;
        Assert.True(await store.SetAsync("a", Response(10, now, TimeSpan.FromMinutes(1)), default));
        Assert.True(await store.SetAsync("b", Response(10, now, TimeSpan.FromMinutes(1)), default));
        Assert.False(await store.SetAsync("c", Response(10, now, TimeSpan.FromMinutes(1)), default));
        Assert.True(await store.SetAsync("a", Response(20, now, TimeSpan.FromMinutes(1)), default));

        using var small = new MemoryCacheStore { MaxSize = 300 };
        Assert.True(await small.SetAsync("a", Response(100, now, TimeSpan.FromMinutes(1)), default));
        Assert.False(await small.SetAsync("b", Response(100, now, TimeSpan.FromMinutes(1)), default));
    }

    [Fact]
    public async Task Expired_entries_are_not_served_and_the_sweep_frees_their_space()
    {
        var time = new ManualTime();
        using var store = new MemoryCacheStore(time);
        await store.SetAsync("a", Response(100, time.Now, TimeSpan.FromSeconds(10)), default);
        await store.SetIndexAsync("index", "v", TimeSpan.FromSeconds(10), default);
        Assert.NotNull(await store.GetAsync("a", default));
        var size = store.Size;
        Assert.True(size > 100);

        time.Now += TimeSpan.FromSeconds(11);
        Assert.Null(await store.GetAsync("a", default));
        Assert.Null(await store.GetIndexAsync("index", default));
        store.Sweep();
        Assert.Equal(0, store.Count);
        Assert.Equal(0, store.Size);
    }

    [Fact]
    public void Stored_responses_round_trip_through_their_binary_form()
    {
        var now = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
        var original = new CachedResponse("299 Custom", [new("ETag", "\"x\""), new("Vary", "Accept")], [1, 2, 3], now, now.AddMinutes(5));
        var copy = CachedResponse.Deserialize(original.Serialize())!;
        Assert.Equal(original.Status, copy.Status);
        Assert.Equal(original.Headers, copy.Headers);
        Assert.Equal(original.Body, copy.Body);
        Assert.Equal(original.Created, copy.Created);
        Assert.Equal(original.Expires, copy.Expires);
        Assert.Null(CachedResponse.Deserialize([9, 9, 9]));
        Assert.Null(CachedResponse.Deserialize([1, 5]));
    }
}
