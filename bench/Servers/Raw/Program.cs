using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

// The baseline: Kestrel with one RequestDelegate and no framework, answering every scenario of bench/run.sh by hand.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();

const string DeepPath = "/deep/n/n/n/n/n/n/n/n/n/n/n/n/n/n/n/n/n/n/leaf";
var large = Enumerable.Range(0, 100).SelectMany(s => Enumerable.Range(0, 10).Select(h => ($"/large/s{s}/h{h}", $"large {s}.{h}")))
    .ToFrozenDictionary(p => p.Item1, p => p.Item2);
var staticFile = Path.Combine(Environment.GetEnvironmentVariable("BENCH_STATIC_DIR") ?? Path.GetTempPath(), "1mb.bin");
var credentials = "Basic " + Convert.ToBase64String("bench:bench"u8);
byte[]? cachedChain = null;
// ASP.NET Core's session middleware does not support native AOT, so the raw baseline keeps its own: a counter per
// cookie in a dictionary, the least any session can cost.
var sessions = new ConcurrentDictionary<string, int>();

app.Run(async context =>
{
    var path = context.Request.Path.Value!;
    var response = context.Response;
    switch (path)
    {
        case "/plaintext":
            response.ContentType = "text/plain";
            await response.WriteAsync("Hello, World!");
            return;
        case "/json":
            response.ContentType = "application/json";
            await JsonSerializer.SerializeAsync(response.Body, new Message("Hello, World!"), RawJson.Default.Message);
            return;
        case DeepPath:
            await response.WriteAsync("deep leaf");
            return;
        case "/chain/":
            if (context.Request.Headers.Authorization != credentials)
            {
                response.StatusCode = 401;
                response.Headers.WWWAuthenticate = "Basic realm=\"bench\"";
                return;
            }
            cachedChain ??= JsonSerializer.SerializeToUtf8Bytes(new Message("Hello, World!"), RawJson.Default.Message);
            response.ContentType = "application/json";
            await response.Body.WriteAsync(cachedChain);
            return;
        case "/session/":
            if (!context.Request.Cookies.TryGetValue("sid", out var sid))
            {
                sid = Guid.NewGuid().ToString("N");
                response.Cookies.Append("sid", sid, new CookieOptions { HttpOnly = true });
            }
            var count = sessions.AddOrUpdate(sid, 1, (_, n) => n + 1);
            await response.WriteAsync("count " + count);
            return;
        case "/static/1mb.bin":
            response.ContentType = "application/octet-stream";
            await response.SendFileAsync(staticFile);
            return;
    }
    if (large.TryGetValue(path, out var text))
    {
        await response.WriteAsync(text);
        return;
    }
    response.StatusCode = 404;
});
app.Run();

internal sealed record Message(string Text);

[JsonSerializable(typeof(Message))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class RawJson : JsonSerializerContext;
