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

    /// <summary>
    /// A label under which count, min, max, avg and sum of the requests this section serves are tracked (<c>uriset</c>,
    /// or <c>debug_uri_set</c>, which wins), as in CherryPy: the configuration names the set, so the records are as many
    /// as the labels configured, never one per URI a client makes up.
    /// </summary>
    public string? UriSet { get; init; }

    internal CpStatsOptions Bind(ToolArguments arguments) => new()
    {
        SlowQueries = arguments.Bind(ToolCatalog.CpStats.SlowQueries, SlowQueries),
        SlowQueriesCount = arguments.Bind(ToolCatalog.CpStats.SlowQueriesCount, SlowQueriesCount),
        UriSet = arguments.Bind(ToolCatalog.CpStats.DebugUriSet, arguments.Bind(ToolCatalog.CpStats.UriSet, UriSet)) is { Length: > 0 } label ? label : null,
    };
}
