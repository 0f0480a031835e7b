using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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
    private RequestDelegate _pipeline = null!;
    private IServiceProvider _services = null!;
    private string _cookie = "";

    [GlobalSetup]
    public void Setup()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddCherry();
        var app = builder.Build();
        app.MapCherry<CounterRoot>("/", o => o.Set("/sessions", "tools.sessions.on", "True").Set("/stats", "tools.cpstats.on", "True"));
        _services = app.Services;
        var endpoint = (RouteEndpoint)((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).Single();
        _pipeline = endpoint.RequestDelegate!;
        var first = Context("/sessions/touch", "");
        _pipeline(first).GetAwaiter().GetResult();
        _cookie = first.Response.Headers.SetCookie.ToString().Split(';')[0];
    }

    private DefaultHttpContext Context(string path, string cookie)
    {
        var context = new DefaultHttpContext { RequestServices = _services };
        context.Request.Method = "GET";
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("localhost");
        context.Request.Path = path;
        if (cookie.Length > 0)
        {
            context.Request.Headers.Cookie = cookie;
        }
        context.Response.Body = Stream.Null;
        return context;
    }

    [Benchmark(Baseline = true)]
    public Task WithoutSession() => _pipeline(Context("/plain/", ""));

    [Benchmark]
    public Task WithCpStats() => _pipeline(Context("/stats/", ""));

    [Benchmark]
    public Task WithRamSessionUnused() => _pipeline(Context("/sessions/", _cookie));

    [Benchmark]
    public Task WithRamSessionReadAndWrite() => _pipeline(Context("/sessions/touch", _cookie));
}
