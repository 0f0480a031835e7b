using System.Text.Json.Serialization;
using Microsoft.Extensions.FileProviders;

// ASP.NET Core Minimal APIs with a JsonSerializerContext (AOT-ready), answering every scenario of bench/run.sh.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, MinimalJson.Default));
builder.Services.AddOutputCache();
var app = builder.Build();

var staticDirectory = Environment.GetEnvironmentVariable("BENCH_STATIC_DIR") ?? Path.GetTempPath();
app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(staticDirectory), RequestPath = "/static", ServeUnknownFileTypes = true });
app.UseOutputCache();

app.MapGet("/plaintext", () => "Hello, World!");
app.MapGet("/json", () => new Message("Hello, World!"));
app.MapGet("/deep/n/n/n/n/n/n/n/n/n/n/n/n/n/n/n/n/n/n/leaf", () => "deep leaf");
for (var s = 0; s < 100; s++)
{
    for (var h = 0; h < 10; h++)
    {
        var text = $"large {s}.{h}";
        app.MapGet($"/large/s{s}/h{h}", () => text);
    }
}
var credentials = "Basic " + Convert.ToBase64String("bench:bench"u8);
app.MapGet("/chain/", () => new Message("Hello, World!"))
    .AddEndpointFilter(async (context, next) => context.HttpContext.Request.Headers.Authorization == credentials
        ? await next(context)
        : Results.Unauthorized())
    .CacheOutput(p => p.Expire(TimeSpan.FromHours(1)));
// No /session/: ASP.NET Core's session middleware does not support native AOT (bench/run.sh reports n/a).
app.Run();

internal sealed record Message(string Text);

[JsonSerializable(typeof(Message))]
[JsonSerializable(typeof(string))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class MinimalJson : JsonSerializerContext;
