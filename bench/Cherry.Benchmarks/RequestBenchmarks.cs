using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using Cherry.Http;

namespace Cherry.Benchmarks;

public sealed class WorkRoot
{
    [Exposed]
    public string Plain() => "plain";

    [Exposed]
    public string Bound(int id, string name, bool flag = false, double ratio = 0.5) => "bound";

    [Exposed, JsonOut, Expires(Secs = 60), ResponseHeaders("X-Frame-Options", "DENY"), Etags(AutoTags = true)]
    public Note Chained() => new("chained", 1);

    [Exposed, Caching(Delay = 3600)]
    public string Cached() => "cached";
}

public sealed record Note(string Text, int Rank);

[JsonSerializable(typeof(Note))]
internal sealed partial class WorkJson : JsonSerializerContext;

/// <summary>
/// Per-request costs through the whole Cherry pipeline in process (no socket): parameter binding, a chain of four
/// tools, and a cache hit, each against the plain handler; and the HTTP helper library's header parsing alone.
/// </summary>
[MemoryDiagnoser]
public class RequestBenchmarks
{
    private InProcessApp _app = null!;

    [GlobalSetup]
    public void Setup()
    {
        _app = InProcessApp.Create(app => app.MapCherry<WorkRoot>("/"));
        _app.SendAsync("/cached").GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public Task Plain() => _app.SendAsync("/plain");

    [Benchmark]
    public Task ParameterBinding() => _app.SendAsync("/bound", "?id=42&name=ada&flag=true&ratio=0.25");

    [Benchmark]
    public Task ChainOfFourTools() => _app.SendAsync("/chained");

    [Benchmark]
    public Task CacheHit() => _app.SendAsync("/cached");

    [Benchmark]
    public int HeaderParsing() =>
        HeaderElements.ParseAccept("Accept", "text/html;level=1;q=0.9, application/json, application/xml;q=0.5, */*;q=0.1").Count
        + (ByteRanges.Parse("bytes=0-99, 200-299, -50", 10_000)?.Count ?? 0);
}
