using BenchmarkDotNet.Attributes;

namespace Cherry.Benchmarks;

public sealed class CounterRoot
{
    public Counter Plain { get; } = new();

    public Counter Sessions { get; } = new();

    public Counter Stats { get; } = new();
}

public sealed class Counter
{
    [Exposed]
    public string Index() => "counted";

    [Exposed]
    public string Touch(Session session)
    {
        session.Set("n", session.GetInt32("n") + 1);
        return "touched";
    }
}

/// <summary>
/// The whole Cherry pipeline in process (no socket): a plain request against one with cpstats collection, one with an
/// unused RAM session and one whose session is read and written. The differences are each tool's cost per request.
/// </summary>
[MemoryDiagnoser]
public class SessionBenchmarks
{
    private InProcessApp _app = null!;
    private string _cookie = "";

    [GlobalSetup]
    public void Setup()
    {
        _app = InProcessApp.Create(app => app.MapCherry<CounterRoot>("/", o => o.Set("/sessions", "tools.sessions.on", "True").Set("/stats", "tools.cpstats.on", "True")));
        var first = _app.Context("/sessions/touch");
        _app.Pipeline(first).GetAwaiter().GetResult();
        _cookie = first.Response.Headers.SetCookie.ToString().Split(';')[0];
    }

    [Benchmark(Baseline = true)]
    public Task WithoutSession() => _app.SendAsync("/plain/");

    [Benchmark]
    public Task WithCpStats() => _app.SendAsync("/stats/");

    [Benchmark]
    public Task WithRamSessionUnused() => _app.SendAsync("/sessions/", cookie: _cookie);

    [Benchmark]
    public Task WithRamSessionReadAndWrite() => _app.SendAsync("/sessions/touch", cookie: _cookie);
}
