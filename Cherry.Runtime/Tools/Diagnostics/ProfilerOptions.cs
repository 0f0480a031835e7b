namespace Cherry;

/// <summary>
/// profiler's argument and its default. <see cref="ProfilerAttribute"/> sets it, configuration's
/// <c>tools.profiler.dir</c> overrides it; its key is declared once in Shared/ToolCatalog.cs.
/// </summary>
public sealed record ProfilerOptions
{
    /// <summary>The directory each request's profile is written to; <c>cherry-profiles</c> in the temp directory by default (<c>dir</c>).</summary>
    public string Directory { get; init; } = Path.Combine(Path.GetTempPath(), "cherry-profiles");

    internal ProfilerOptions Bind(ToolArguments arguments) => new()
    {
        Directory = arguments.Bind(ToolCatalog.Profiler.Dir, Directory),
    };
}
