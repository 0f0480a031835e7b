using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Cherry.Runtime.Tests;

public sealed class CacheStoreTests
{
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

    [Fact]
    public void Every_cut_or_corrupted_binary_form_reads_as_absent()
    {
        var now = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
        var bytes = new CachedResponse("200 OK", [new("A", "b")], [7, 8], now, now.AddMinutes(5)).Serialize();
        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.Null(CachedResponse.Deserialize(bytes[..length]));
        }
        var otherVersion = bytes.ToArray();
        otherVersion[0]++;
        Assert.Null(CachedResponse.Deserialize(otherVersion));
        // The header count sits after the version, the two strings and the two times.
        var countAt = 1 + 1 + "200 OK".Length + 1 + 0 + 8 + 8;
        foreach (var count in new[] { -1, int.MaxValue })
        {
            var corrupt = bytes.ToArray();
            BitConverter.TryWriteBytes(corrupt.AsSpan(countAt), count);
            Assert.Null(CachedResponse.Deserialize(corrupt));
        }
    }

    [Fact]
    public void A_responses_size_counts_its_body_and_every_header_as_two_bytes_a_character()
    {
        var now = DateTimeOffset.UnixEpoch;
        var response = new CachedResponse("200", [new("Ab", "cde"), new("F", "")], new byte[10], now, now);
        Assert.Equal(10 + (2 + 3 + 1 + 0) * 2 + 64, response.Size);
        Assert.Equal("", response.Tag);
    }

    [Fact]
    public async Task A_stored_entry_counts_its_key_and_value_and_a_node_in_the_total()
    {
        var time = new ManualTime();
        using var store = new MemoryCacheStore(time);
        var response = Response(100, time.Now, TimeSpan.FromMinutes(1));
        await store.SetAsync("key", response, default);
        Assert.Equal(response.Size + "key".Length * 2 + 64, store.Size);
        await store.SetIndexAsync("ix", "token", TimeSpan.FromMinutes(1), default);
        Assert.Equal(response.Size + "key".Length * 2 + 64 + "token".Length * 2 + "ix".Length * 2 + 64, store.Size);
        await store.SetAsync("key", response, default);
        Assert.Equal(2, store.Count);
        Assert.Equal(response.Size + "key".Length * 2 + 64 + "token".Length * 2 + "ix".Length * 2 + 64, store.Size);
    }

    [Fact]
    public async Task The_size_limits_refuse_exactly_at_the_limit()
    {
        var time = new ManualTime();
        var response = Response(100, time.Now, TimeSpan.FromMinutes(1));
        var entry = response.Size + "k".Length * 2 + 64;
        using (var store = new MemoryCacheStore(time) { MaxObjectSize = response.Size })
        {
            Assert.False(await store.SetAsync("k", response, default));
            store.MaxObjectSize = response.Size + 1;
            Assert.True(await store.SetAsync("k", response, default));
        }
        using (var store = new MemoryCacheStore(time) { MaxSize = entry })
        {
            Assert.False(await store.SetAsync("k", response, default));
            store.MaxSize = entry + 1;
            Assert.True(await store.SetAsync("k", response, default));
            // A second entry that would bring the total to the limit pushes the first out.
            store.MaxSize = 2 * entry;
            Assert.True(await store.SetAsync("j", response, default));
            Assert.Null(await store.GetAsync("k", default));
            store.MaxSize = 3 * entry;
            Assert.True(await store.SetAsync("k", response, default));
            Assert.NotNull(await store.GetAsync("j", default));
        }
        using (var store = new MemoryCacheStore(time) { MaxObjects = 0 })
        {
            Assert.False(await store.SetAsync("k", response, default));
            store.MaxObjects = 1;
            Assert.True(await store.SetAsync("k", response, default));
            Assert.NotNull(await store.GetAsync("k", default));
        }
    }

    [Fact]
    public async Task Storing_a_key_again_replaces_it_without_pushing_out_another()
    {
        var time = new ManualTime();
        using var store = new MemoryCacheStore(time) { MaxObjects = 2 };
        await store.SetAsync("a", Response(10, time.Now, TimeSpan.FromMinutes(1)), default);
        await store.SetAsync("b", Response(10, time.Now, TimeSpan.FromMinutes(1)), default);
        Assert.True(await store.SetAsync("a", Response(20, time.Now, TimeSpan.FromMinutes(1)), default));
        Assert.Equal(20, (await store.GetAsync("a", default))!.Body.Length);
        Assert.NotNull(await store.GetAsync("b", default));
        // "a" is now the newest, so "b" makes room for the next.
        await store.SetAsync("c", Response(10, time.Now, TimeSpan.FromMinutes(1)), default);
        Assert.Null(await store.GetAsync("b", default));
        Assert.NotNull(await store.GetAsync("a", default));
    }

    [Fact]
    public async Task An_entry_expires_at_its_expiry_instant_in_both_stores()
    {
        // The in-memory IDistributedCache expires on the real clock, so the manual one starts from it.
        var time = new ManualTime { Now = DateTimeOffset.UtcNow };
        using var memory = new MemoryCacheStore(time);
        var distributed = new DistributedCacheStore(new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions())), time: time);
        var response = Response(10, time.Now, TimeSpan.FromSeconds(10));
        foreach (var store in new ICacheStore[] { memory, distributed })
        {
            Assert.True(await store.SetAsync("a", response, default));
        }
        time.Now = response.Expires - TimeSpan.FromTicks(1);
        memory.Sweep();
        Assert.NotNull(await memory.GetAsync("a", default));
        Assert.NotNull(await distributed.GetAsync("a", default));
        time.Now = response.Expires;
        Assert.Null(await memory.GetAsync("a", default));
        Assert.Null(await distributed.GetAsync("a", default));
        Assert.Equal(1, memory.Count);
        memory.Sweep();
        Assert.Equal(0, memory.Count);
    }

    [Fact]
    public async Task The_distributed_store_refuses_a_response_at_its_object_size()
    {
        var cache = new RecordingCache();
        var response = Response(100, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        var store = new DistributedCacheStore(cache) { MaxObjectSize = response.Size };
        Assert.False(await store.SetAsync("a", response, default));
        Assert.Empty(cache.Writes);
        store.MaxObjectSize = response.Size + 1;
        Assert.True(await store.SetAsync("a", response, default));
        Assert.Single(cache.Writes);
    }
}
