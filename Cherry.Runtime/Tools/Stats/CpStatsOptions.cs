namespace Cherry;

/// <summary>
/// cpstats's arguments and their defaults (CherryPy's). <see cref="CpStatsAttribute"/> sets them, configuration's
/// <c>tools.cpstats.*</c> overrides them; their keys are declared once in Shared/ToolCatalog.cs.
/// </summary>
public sealed record CpStatsOptions
{
    /// <summary>Seconds after which a request is listed under Slow Queries (<c>slow_queries</c>).</summary>
    public double SlowQueries { get; init; } = 5;

    /// <summary>How many slow queries are kept (<c>slow_queries_count</c>).</summary>
    public int SlowQueriesCount { get; init; } = 100;

    /// <summary>Track count, min, max, avg and sum per URI (<c>uriset</c>, or CherryPy's <c>debug_uri_set</c>, which wins).</summary>
    public bool UriSet { get; init; }

    internal CpStatsOptions Bind(ToolArguments arguments) => new()
    {
        SlowQueries = arguments.Bind(ToolCatalog.CpStats.SlowQueries, SlowQueries),
        SlowQueriesCount = arguments.Bind(ToolCatalog.CpStats.SlowQueriesCount, SlowQueriesCount),
        UriSet = arguments.Bind(ToolCatalog.CpStats.DebugUriSet, arguments.Bind(ToolCatalog.CpStats.UriSet, UriSet)),
    };
}
