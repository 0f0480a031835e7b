namespace Cherry;

/// <summary>The hand-written part of cpstats's generated options: <c>uriset</c>'s alias.</summary>
public sealed partial record CpStatsOptions
{
    /// <summary><c>debug_uri_set</c> wins over <c>uriset</c>; an empty label is no label.</summary>
    private static string? BindUriSet(ToolArguments arguments, string? current) =>
        arguments.Bind(ToolCatalog.CpStats.DebugUriSet, arguments.Bind(ToolCatalog.CpStats.UriSet, current)) is { Length: > 0 } label ? label : null;
}
