using Microsoft.Extensions.Caching.Distributed;

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
    public async Task The_object_count_and_total_size_are_bounded_by_evicting_the_oldest()
    {
        using var store = new MemoryCacheStore { MaxObjects = 2, MaxSize = 100_000 };
        var now = DateTimeOffset.UtcNow;
        Assert.True(await store.SetAsync("a", Response(10, now, TimeSpan.FromMinutes(1)), default));
        Assert.True(await store.SetAsync("b", Response(10, now, TimeSpan.FromMinutes(1)), default));
        Assert.True(await store.SetAsync("c", Response(10, now, TimeSpan.FromMinutes(1)), default));
        Assert.Null(await store.GetAsync("a", default));
        Assert.Equal(2, store.Count);
        Assert.True(await store.SetAsync("b", Response(20, now, TimeSpan.FromMinutes(1)), default));
        Assert.True(await store.SetAsync("d", Response(10, now, TimeSpan.FromMinutes(1)), default));
        Assert.Null(await store.GetAsync("c", default));
        Assert.NotNull(await store.GetAsync("b", default));

        using var small = new MemoryCacheStore { MaxSize = 400 };
        Assert.True(await small.SetAsync("a", Response(100, now, TimeSpan.FromMinutes(1)), default));
        Assert.True(await small.SetAsync("b", Response(100, now, TimeSpan.FromMinutes(1)), default));
        Assert.Null(await small.GetAsync("a", default));
        Assert.True(small.Size < 400);
        Assert.False(await small.SetAsync("c", Response(300, now, TimeSpan.FromMinutes(1)), default));
    }

    [Fact]
    public async Task Index_records_count_in_the_limits_and_the_oldest_entries_make_room()
    {
        var time = new ManualTime();
        using var store = new MemoryCacheStore(time) { MaxObjects = 20, MaxSize = 5_000 };
        await store.SetIndexAsync("GET http://first/?", "generation\n", TimeSpan.FromMinutes(10), default);
        Assert.Equal(1, store.Count);
        Assert.True(store.Size > 0);

        // As many URLs as a flood of Host headers makes: each an index record and a response.
        for (var i = 0; i < 5_000; i++)
        {
            var url = $"GET http://host{i}.example/?";
            await store.SetIndexAsync(url, "generation\nAccept-Language", TimeSpan.FromMinutes(10), default);
            await store.SetAsync(url + "\ngeneration\nAccept-Language=en", Response(50, time.Now, TimeSpan.FromMinutes(10)), default);
            Assert.InRange(store.Count, 1, 20);
            Assert.InRange(store.Size, 1, 5_000);
        }
        Assert.Null(await store.GetIndexAsync("GET http://first/?", default));
        Assert.Null(await store.GetIndexAsync("GET http://host0.example/?", default));

        // The newest stay, and a fresh URL is still stored.
        Assert.NotNull(await store.GetIndexAsync("GET http://host4999.example/?", default));
        Assert.True(await store.SetAsync("fresh", Response(50, time.Now, TimeSpan.FromMinutes(10)), default));
        Assert.NotNull(await store.GetAsync("fresh", default));
    }

    [Fact]
    public async Task The_distributed_store_gives_every_entry_an_expiry()
    {
        var cache = new RecordingCache();
        var store = new DistributedCacheStore(cache);
        var now = DateTimeOffset.UtcNow;
        await store.SetIndexAsync("GET http://a/?", "generation\n", TimeSpan.FromMinutes(10), default);
        await store.SetAsync("GET http://a/?\ngeneration", Response(50, now, TimeSpan.FromMinutes(10)), default);
        Assert.Equal(["cherry:GET http://a/?", "cherry:GET http://a/?\ngeneration"], cache.Writes.Keys.Order());
        Assert.All(cache.Writes.Values, o => Assert.True(o.AbsoluteExpiration is not null || o.AbsoluteExpirationRelativeToNow is not null));
    }

    /// <summary>An <see cref="IDistributedCache"/> that keeps what it was asked to write and the expiry it was given.</summary>
    private sealed class RecordingCache : IDistributedCache
    {
        public Dictionary<string, DistributedCacheEntryOptions> Writes { get; } = [];

        public byte[]? Get(string key) => null;

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => Task.FromResult<byte[]?>(null);

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => Writes[key] = options;

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
        {
            Set(key, value, options);
            return Task.CompletedTask;
        }

        public void Refresh(string key)
        {
        }

        public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

        public void Remove(string key) => Writes.Remove(key);

        public Task RemoveAsync(string key, CancellationToken token = default)
        {
            Remove(key);
            return Task.CompletedTask;
        }
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
        var original = new CachedResponse("299 Custom", [new("ETag", "\"x\""), new("Vary", "Accept")], [1, 2, 3], now, now.AddMinutes(5)) { Tag = "index-token" };
        var copy = CachedResponse.Deserialize(original.Serialize())!;
        Assert.Equal(original.Status, copy.Status);
        Assert.Equal(original.Headers, copy.Headers);
        Assert.Equal(original.Body, copy.Body);
        Assert.Equal(original.Created, copy.Created);
        Assert.Equal(original.Expires, copy.Expires);
        Assert.Equal("index-token", copy.Tag);
        Assert.Null(CachedResponse.Deserialize([9, 9, 9]));
        Assert.Null(CachedResponse.Deserialize([1, 5]));
    }
}
