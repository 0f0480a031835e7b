using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Cherry;

/// <summary>
/// CherryPy's <c>cpstats</c> tool: per-request figures in the <c>Cherry Applications</c> namespace (the keys of
/// CherryPy's <c>CherryPy Applications</c>), per-thread request records, URI set tracking and slow queries, and the same
/// figures as <see cref="System.Diagnostics.Metrics"/> instruments on the <c>Cherry</c> meter for OpenTelemetry and
/// dotnet-counters.
/// </summary>
public sealed class CpStatsTool : Tool
{
    public const string ToolName = "cpstats";
    public const string NamespaceName = "Cherry Applications";

    private RequestStatistics? _statistics;

    public override string Name => ToolName;

    /// <summary>Seconds after which a request is listed under Slow Queries.</summary>
    public double SlowQueries { get; set; } = 5;

    public int SlowQueriesCount { get; set; } = 100;

    /// <summary>Track min/max/avg/sum per URI (CherryPy's <c>collect_uri_set</c>... off by default there too).</summary>
    public bool UriSet { get; set; }

    public override void Configure(ToolArguments arguments)
    {
        SlowQueriesCount = arguments.GetInt32("slow_queries_count", SlowQueriesCount);
        UriSet = arguments.GetBoolean("debug_uri_set", arguments.GetBoolean("uriset", UriSet));
        if (arguments.TryGetString("slow_queries", out var slow))
        {
            SlowQueries = double.TryParse(slow, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
                ? seconds : throw arguments.Malformed("slow_queries", "expected seconds.");
        }
    }

    /// <summary>Takes the host's figures and instruments, which every handler's cpstats adds to.</summary>
    public override void Resolve(IServiceProvider services, ToolArguments arguments) =>
        _statistics = services.GetRequiredService<RequestStatistics>();

    public override void Attach(ToolChainBuilder chain)
    {
        var slot = chain.ReserveSlot();
        chain.Add(Name, HookPoint.OnStartResource, 0, true, request =>
        {
            if (_statistics!.Enabled)
            {
                _statistics.Started();
                request.SetToolState(slot, Stopwatch.GetTimestamp());
            }
            return ValueTask.CompletedTask;
        });
        chain.Add(Name, HookPoint.OnEndRequest, 50, true, request =>
        {
            if (request.GetToolState(slot) is long started)
            {
                _statistics!.Record(request, Stopwatch.GetElapsedTime(started), this);
            }
            return ValueTask.CompletedTask;
        });
    }
}

/// <summary>Turns on <see cref="CpStatsTool"/>: <c>[CpStats]</c>.</summary>
public sealed class CpStatsAttribute : ToolAttribute
{
    public double SlowQueries { get; set; } = 5;

    public bool UriSet { get; set; }

    public override Tool CreateTool() => new CpStatsTool { SlowQueries = SlowQueries, UriSet = UriSet };
}
