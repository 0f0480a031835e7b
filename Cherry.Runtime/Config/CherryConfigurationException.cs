namespace Cherry;

/// <summary>
/// Configuration that is unknown or malformed, raised at start-up. One exception names every error found, each with
/// its section, key and fix (<see cref="Errors"/>), so that one run shows them all; <see cref="Section"/> and
/// <see cref="Key"/> are the first's.
/// </summary>
public sealed class CherryConfigurationException : Exception
{
    public CherryConfigurationException(string section, string key, string problem)
        : this(section, key, problem, origin: null)
    {
    }

    internal CherryConfigurationException(string section, string key, string problem, string? origin)
        : base(Describe(section, key, problem, origin))
    {
        Section = section;
        Key = key;
        Problem = problem;
        Origin = origin;
        Errors = [this];
    }

    private CherryConfigurationException(IReadOnlyList<CherryConfigurationException> errors)
        : base($"Cherry configuration has {errors.Count} errors:\n" + string.Join("\n", errors.Select(e => "  - " + e.Message)))
    {
        Section = errors[0].Section;
        Key = errors[0].Key;
        Origin = errors[0].Origin;
        Errors = errors;
    }

    public string Section { get; }

    public string Key { get; }

    /// <summary>
    /// Where the key came from: an INI file and line (<c>site.conf, line 4</c>), the configuration provider that gave it
    /// (appsettings.json, environment variables, the command line), or code; null when no configured key is at fault.
    /// </summary>
    public string? Origin { get; }

    private string Problem { get; } = "";

    /// <summary>Every error this exception reports: itself alone, or each of the errors start-up found.</summary>
    public IReadOnlyList<CherryConfigurationException> Errors { get; }

    /// <summary>True when the key's value came from configuration; false when the problem is a default or attribute value.</summary>
    internal bool ConcernsConfiguredValue { get; init; } = true;

    /// <summary>This error naming <paramref name="origin"/>, unless it already names one.</summary>
    internal CherryConfigurationException WithOrigin(string? origin) =>
        Origin is not null || origin is null || Errors.Count > 1 ? this : new(Section, Key, Problem, origin) { ConcernsConfiguredValue = ConcernsConfiguredValue };

    /// <summary>One exception for <paramref name="errors"/> (at least one), each said once, in the order found.</summary>
    internal static CherryConfigurationException Combine(IEnumerable<CherryConfigurationException> errors)
    {
        var distinct = errors.SelectMany(e => e.Errors).DistinctBy(e => e.Message).ToList();
        return distinct.Count == 1 ? distinct[0] : new CherryConfigurationException(distinct);
    }

    private static string Describe(string section, string key, string problem, string? origin) =>
        $"Cherry configuration error in section '{section}', key '{key}': {problem}{(origin is null ? "" : $" ({origin})")}";
}
