using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Cherry.Benchmarks;

/// <summary>
/// Issue 17's allocation target: one plain text request through Cherry against the same answer from a Minimal API
/// endpoint, both called in the same in-process host (no routing, no socket), so the difference is the framework's.
/// The context each request gets is the same for both and counted in both.
/// </summary>
[MemoryDiagnoser]
public class PlainRequestBenchmarks
{
    private InProcessApp _cherry = null!;
    private InProcessApp _minimal = null!;

    [GlobalSetup]
    public void Setup()
    {
        _cherry = InProcessApp.Create(app => app.MapCherry<WorkRoot>("/"));
        _minimal = InProcessApp.Create(app => app.MapGet("/plain", () => "plain"));
    }

    [Benchmark(Baseline = true)]
    public Task MinimalApi() => _minimal.SendAsync("/plain");

    [Benchmark]
    public Task Cherry() => _cherry.SendAsync("/plain");

    /// <summary>The context alone: what both of the others allocate before the framework runs.</summary>
    [Benchmark]
    public HttpContext ContextOnly() => _cherry.Context("/plain");
}
