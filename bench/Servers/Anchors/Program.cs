using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;

// Issue 27's anchors: ASP.NET Core's own answer to one scenario at a time, each app carrying only what its scenario
// needs. BENCH_ANCHOR picks the scenario:
//   plaintext    /plaintext and /json on a bare Minimal API, nothing else in the pipeline (native AOT);
//   sessions     /session/ on the session middleware over Redis's IDistributedCache (JIT: the middleware does not
//                support native AOT);
//   outputcache  /cached/a/b/page, a 1 KB page in output caching on Redis.
// BENCH_REDIS=host:port is the Redis Cherry's side uses too; BENCH_KEYS is the data-protection key folder, shared by
// the instances of a scale-out run so each reads the session cookies the others wrote.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var anchor = Environment.GetEnvironmentVariable("BENCH_ANCHOR");
var redis = Environment.GetEnvironmentVariable("BENCH_REDIS");
var app = anchor switch
{
    "plaintext" => Plaintext(builder),
    "sessions" => Sessions(builder, redis ?? throw new InvalidOperationException("The sessions anchor needs BENCH_REDIS=host:port.")),
    "outputcache" => OutputCache(builder, redis ?? throw new InvalidOperationException("The outputcache anchor needs BENCH_REDIS=host:port.")),
    _ => throw new InvalidOperationException("Set BENCH_ANCHOR to plaintext, sessions or outputcache."),
};
app.Run();

static WebApplication Plaintext(WebApplicationBuilder builder)
{
    builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, AnchorJson.Default));
    var app = builder.Build();
    app.MapGet("/plaintext", () => "Hello, World!");
    app.MapGet("/json", () => new Message("Hello, World!"));
    return app;
}

// The AOT binary refuses this anchor below, so the trimmer's warning about the middleware cannot come true.
[UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Run as JIT only.")]
static WebApplication Sessions(WebApplicationBuilder builder, string redis)
{
    if (!RuntimeFeature.IsDynamicCodeSupported)
    {
        throw new InvalidOperationException("The session middleware does not support native AOT: run the sessions anchor as JIT.");
    }
    builder.Services.AddStackExchangeRedisCache(o =>
    {
        o.Configuration = redis;
        o.InstanceName = "anchor:session:";
    });
    builder.Services.AddSession();
    if (Environment.GetEnvironmentVariable("BENCH_KEYS") is { Length: > 0 } keys)
    {
        builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(keys)).SetApplicationName("anchor");
    }
    var app = builder.Build();
    app.UseSession();
    app.MapGet("/session/", async (HttpContext context) =>
    {
        // Loaded asynchronously, as the middleware's documentation asks: a first access unloaded reads Redis synchronously.
        await context.Session.LoadAsync();
        var count = (context.Session.GetInt32("count") ?? 0) + 1;
        context.Session.SetInt32("count", count);
        return "count " + count;
    });
    return app;
}

static WebApplication OutputCache(WebApplicationBuilder builder, string redis)
{
    builder.Services.AddStackExchangeRedisOutputCache(o =>
    {
        o.Configuration = redis;
        o.InstanceName = "anchor:";
    });
    builder.Services.AddOutputCache();
    var app = builder.Build();
    app.UseOutputCache();
    // Tagged, so the page can be evicted (EvictByTagAsync) as Cherry's CacheInvalidator can drop a path.
    app.MapGet("/cached/a/b/page", () => Page.Text).CacheOutput(p => p.Expire(TimeSpan.FromHours(1)).Tag("cached"));
    return app;
}

internal static class Page
{
    /// <summary>The 1 KB body CherryBench's /cached/a/b/page answers too.</summary>
    public static readonly string Text = string.Concat(Enumerable.Repeat("0123456789abcdef", 64));
}

internal sealed record Message(string Text);

[JsonSerializable(typeof(Message))]
[JsonSerializable(typeof(string))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class AnchorJson : JsonSerializerContext;
