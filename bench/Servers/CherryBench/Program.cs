using System.Text.Json.Serialization;
using Cherry;
using CherryBench;

// Every scenario of bench/run.sh, written as a Cherry user would. BENCH_STATIC_DIR holds the 1 MB file;
// BENCH_SESSIONS=redis=host:port or postgres=<connection string> shares the sessions (bench/run.sh --scale-out).
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddCherry();
var sessions = Environment.GetEnvironmentVariable("BENCH_SESSIONS") ?? "";
if (sessions.StartsWith("redis=", StringComparison.Ordinal))
{
    var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(sessions["redis=".Length..]);
    builder.Services.AddSingleton<ISessionStore>(new Cherry.Stores.RedisSessionStore(redis));
}
else if (sessions.StartsWith("postgres=", StringComparison.Ordinal))
{
    var source = new Npgsql.NpgsqlSlimDataSourceBuilder(sessions["postgres=".Length..]).Build();
    builder.Services.AddSingleton<ISessionStore>(new Cherry.Stores.PostgresSessionStore(source));
}
builder.Services.AddKeyedSingleton("bench", AuthBasicTool.CheckPasswordDict(new Dictionary<string, string> { ["bench"] = "bench" }));
var app = builder.Build();
app.MapCherry<Root>("/", o => o
    .Set("/static", "tools.staticdir.on", "True")
    .Set("/static", "tools.staticdir.dir", Environment.GetEnvironmentVariable("BENCH_STATIC_DIR") ?? Path.GetTempPath()));
app.Run();

namespace CherryBench
{
    public sealed class Root
    {
        public Deep Deep { get; } = new();

        public Large Large { get; } = new();

        public Chain Chain { get; } = new();

        public Counter Session { get; } = new();

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
        [Exposed]
        public string Index(Session session)
        {
            var count = session.GetInt32("count") + 1;
            session.Set("count", count);
            return "count " + count;
        }
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
