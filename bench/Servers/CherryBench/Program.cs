using System.Text.Json.Serialization;
using Cherry;
using CherryBench;
using StackExchange.Redis;

// Every scenario of bench/run.sh, written as a Cherry user would. BENCH_STATIC_DIR holds the 1 MB file. For
// bench/run.sh --scale-out: BENCH_SESSIONS=redis=host:port or postgres=<connection string> shares the sessions,
// BENCH_SESSION_LOCKING=implicit|early|explicit sets their locking, BENCH_CACHE=redis=host:port keeps cached pages in Redis.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddCherry();
var sessions = Environment.GetEnvironmentVariable("BENCH_SESSIONS") ?? "";
if (sessions.StartsWith("redis=", StringComparison.Ordinal))
{
    var redis = await ConnectionMultiplexer.ConnectAsync(sessions["redis=".Length..]);
    builder.Services.AddSingleton<ISessionStore>(new Cherry.Stores.RedisSessionStore(redis));
}
else if (sessions.StartsWith("postgres=", StringComparison.Ordinal))
{
    var source = new Npgsql.NpgsqlSlimDataSourceBuilder(sessions["postgres=".Length..]).Build();
    builder.Services.AddSingleton<ISessionStore>(new Cherry.Stores.PostgresSessionStore(source));
}
var cache = Environment.GetEnvironmentVariable("BENCH_CACHE") ?? "";
if (cache.StartsWith("redis=", StringComparison.Ordinal))
{
    var redis = await ConnectionMultiplexer.ConnectAsync(cache["redis=".Length..]);
    builder.Services.AddSingleton<ICacheStore>(new Cherry.Stores.RedisCacheStore(redis));
}
builder.Services.AddKeyedSingleton("bench", AuthBasicTool.CheckPasswordDict(new Dictionary<string, string> { ["bench"] = "bench" }));
var app = builder.Build();
var locking = Environment.GetEnvironmentVariable("BENCH_SESSION_LOCKING");
app.MapCherry<Root>("/", o =>
{
    o.Set("/static", "tools.staticdir.on", "True")
        .Set("/static", "tools.staticdir.dir", Environment.GetEnvironmentVariable("BENCH_STATIC_DIR") ?? Path.GetTempPath());
    if (locking is { Length: > 0 })
    {
        o.Set("/session", "tools.sessions.locking", locking);
    }
});
app.Run();

namespace CherryBench
{
    public sealed class Root
    {
        public Deep Deep { get; } = new();

        public Large Large { get; } = new();

        public Chain Chain { get; } = new();

        public Counter Session { get; } = new();

        public Cached Cached { get; } = new();

        [Exposed, ResponseHeaders("Content-Type", "text/plain")]
        public string Plaintext() => "Hello, World!";

        [Exposed, JsonOut]
        public Message Json() => new("Hello, World!");
    }

    /// <summary>JsonOut + AuthBasic + Caching: after the first request, every answer is an authenticated cache hit.</summary>
    [AuthBasic(Realm = "bench"), Caching(Delay = 3600)]
    public sealed class Chain
    {
        [Exposed, JsonOut]
        public Message Index() => new("Hello, World!");
    }

    /// <summary>A session (RAM unless BENCH_SESSIONS names a shared store) read and written on every request.</summary>
    [Sessions(CookieName = "sid")]
    public sealed class Counter
    {
        /// <summary>Takes no lock itself: under explicit locking the session is read and saved unlocked, as CherryPy's is.</summary>
        [Exposed]
        public string Index(Session session)
        {
            var count = session.GetInt32("count") + 1;
            session.Set("count", count);
            return "count " + count;
        }
    }

    /// <summary>/cached/a/b/page: a 1 KB page cached for an hour (in Redis when BENCH_CACHE says so), as the anchor's.</summary>
    public sealed class Cached { public CachedA A { get; } = new(); }
    public sealed class CachedA { public CachedB B { get; } = new(); }
    public sealed class CachedB
    {
        private static readonly string Text = string.Concat(Enumerable.Repeat("0123456789abcdef", 64));

        /// <param name="miss">The miss scenario's query string, a new value each request: each value is its own entry.</param>
        [Exposed, Caching(Delay = 3600), ResponseHeaders("Content-Type", "text/plain")]
        public string Page(string? miss = null) => Text;
    }

    public sealed record Message(string Text);

    [JsonSerializable(typeof(Message))]
    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
    internal sealed partial class BenchJson : JsonSerializerContext;

    // A 20-segment path: /deep/n/n/.../leaf, one class per level as an object tree has.
    public sealed class Deep { public D2 N { get; } = new(); }
    public sealed class D2 { public D3 N { get; } = new(); }
    public sealed class D3 { public D4 N { get; } = new(); }
    public sealed class D4 { public D5 N { get; } = new(); }
    public sealed class D5 { public D6 N { get; } = new(); }
    public sealed class D6 { public D7 N { get; } = new(); }
    public sealed class D7 { public D8 N { get; } = new(); }
    public sealed class D8 { public D9 N { get; } = new(); }
    public sealed class D9 { public D10 N { get; } = new(); }
    public sealed class D10 { public D11 N { get; } = new(); }
    public sealed class D11 { public D12 N { get; } = new(); }
    public sealed class D12 { public D13 N { get; } = new(); }
    public sealed class D13 { public D14 N { get; } = new(); }
    public sealed class D14 { public D15 N { get; } = new(); }
    public sealed class D15 { public D16 N { get; } = new(); }
    public sealed class D16 { public D17 N { get; } = new(); }
    public sealed class D17 { public D18 N { get; } = new(); }
    public sealed class D18 { public D19 N { get; } = new(); }
    public sealed class D19 { [Exposed] public string Leaf() => "deep leaf"; }
}
