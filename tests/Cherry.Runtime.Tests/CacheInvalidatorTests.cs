namespace Cherry.Runtime.Tests;

/// <summary>
/// The invalidator against a model of its contract: invalidating a prefix changes the generation of exactly the paths
/// under it segment by segment, invalidating a path changes exactly that path's, and a record lives twice the
/// longest delay it covers. Run on the real in-memory store with a manual clock.
/// </summary>
public sealed class CacheInvalidatorTests
{
    private static readonly string[] Segments = ["a", "b", "ab"];

    private static string RandomPath(Random random)
    {
        var depth = random.Next(0, 11);
        var path = depth == 0 ? "/" : string.Concat(Enumerable.Range(0, depth).Select(_ => "/" + Segments[random.Next(Segments.Length)]));
        return depth > 0 && random.Next(4) == 0 ? path + "/" : path;
    }

    private static async Task<string> GenerationOf(ICacheStore store, string path)
    {
        var keys = CacheInvalidator.GenerationKeys(path, "own key");
        var records = new string?[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            records[i] = await store.GetIndexAsync(keys[i], default);
        }
        return CacheInvalidator.Generation(records);
    }

    private static int SegmentCount(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>The contract: is <paramref name="path"/> under <paramref name="prefix"/>, segment by segment?</summary>
    private static bool Under(string path, string prefix)
    {
        var p = prefix.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var q = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return p.Length <= q.Length && p.SequenceEqual(q.Take(p.Length));
    }

    [Fact]
    public async Task Invalidating_changes_the_generation_of_exactly_the_paths_it_covers()
    {
        var random = new Random(1127);
        var time = new ManualTime();
        using var store = new MemoryCacheStore(time) { MaxObjects = 100_000, MaxSize = 100_000_000 };
        var invalidator = new CacheInvalidator(store);
        var paths = Enumerable.Range(0, 60).Select(_ => RandomPath(random)).Append("/").Distinct().ToArray();
        var (prefixes, exact) = (0, 0);
        for (var step = 0; step < 300; step++)
        {
            var before = new Dictionary<string, string>();
            foreach (var path in paths)
            {
                before[path] = await GenerationOf(store, path);
            }
            var target = random.Next(3) == 0 ? paths[random.Next(paths.Length)] : RandomPath(random);
            Func<string, bool> covers;
            if (random.Next(2) == 0)
            {
                if (SegmentCount(target) > CacheInvalidator.MaxPrefixDepth)
                {
                    var error = await Assert.ThrowsAsync<ArgumentException>(async () => await invalidator.InvalidatePrefixAsync(target));
                    Assert.StartsWith($"A prefix has at most {CacheInvalidator.MaxPrefixDepth} segments.", error.Message);
                    covers = _ => false;
                }
                else
                {
                    await invalidator.InvalidatePrefixAsync(target);
                    covers = path => Under(path, target);
                    prefixes++;
                }
            }
            else
            {
                await invalidator.InvalidatePathAsync(target);
                covers = path => path == target;
                exact++;
            }
            foreach (var path in paths)
            {
                var changed = before[path] != await GenerationOf(store, path);
                Assert.True(changed == covers(path), $"step {step}: invalidating {target} {(changed ? "changed" : "left")} {path}");
            }
        }
        Assert.InRange(prefixes, 60, 300);
        Assert.InRange(exact, 60, 300);
    }

    [Theory]
    [InlineData("/a/b/c/d/e/f/g/h", true)]
    [InlineData("/a/b/c/d/e/f/g/h/", true)]
    [InlineData("/a/b/c/d/e/f/g/h/i", false)]
    public async Task A_prefix_may_have_up_to_the_maximum_depth_of_segments(string prefix, bool allowed)
    {
        using var store = new MemoryCacheStore();
        var invalidator = new CacheInvalidator(store);
        if (allowed)
        {
            await invalidator.InvalidatePrefixAsync(prefix);
        }
        else
        {
            await Assert.ThrowsAsync<ArgumentException>(async () => await invalidator.InvalidatePrefixAsync(prefix));
        }
    }

    [Fact]
    public async Task A_path_must_start_with_a_slash()
    {
        using var store = new MemoryCacheStore();
        var invalidator = new CacheInvalidator(store);
        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await invalidator.InvalidatePathAsync("page"));
        Assert.StartsWith("A path starts with '/'.", error.Message);
        await Assert.ThrowsAsync<ArgumentException>(async () => await invalidator.InvalidatePrefixAsync(""));
    }

    [Fact]
    public async Task A_record_lives_twice_the_longest_delay_covered_and_never_less_than_twice_the_default()
    {
        var time = new ManualTime();
        using var store = new MemoryCacheStore(time);
        var invalidator = new CacheInvalidator(store);
        var defaultDelay = TimeSpan.FromSeconds(new CachingOptions().Delay);

        async Task<TimeSpan> Lifetime()
        {
            var start = time.Now;
            await invalidator.InvalidatePathAsync("/p");
            var generation = await GenerationOf(store, "/p");
            var lifetime = TimeSpan.Zero;
            foreach (var probe in new[] { 2 * defaultDelay, 2 * defaultDelay + TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3000), TimeSpan.FromSeconds(3001) })
            {
                time.Now = start + probe - TimeSpan.FromTicks(1);
                if (await GenerationOf(store, "/p") == generation)
                {
                    lifetime = probe;
                }
            }
            time.Now = start + TimeSpan.FromDays(1);
            return lifetime;
        }

        Assert.Equal(2 * defaultDelay, await Lifetime());
        invalidator.Cover(TimeSpan.FromSeconds(100));
        Assert.Equal(2 * defaultDelay, await Lifetime());
        invalidator.Cover(TimeSpan.FromSeconds(1500));
        Assert.Equal(TimeSpan.FromSeconds(3000), await Lifetime());
        invalidator.Cover(TimeSpan.FromSeconds(700));
        Assert.Equal(TimeSpan.FromSeconds(3000), await Lifetime());
    }
}
