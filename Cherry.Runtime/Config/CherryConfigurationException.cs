namespace Cherry;

/// <summary>A configuration key that is unknown or malformed; raised at start-up, naming the key and its section.</summary>
public sealed class CherryConfigurationException(string section, string key, string problem)
    : Exception($"Cherry configuration error in section '{section}', key '{key}': {problem}")
{
    public string Section { get; } = section;

    public string Key { get; } = key;

    /// <summary>True when the key's value came from configuration; false when the problem is a default or attribute value.</summary>
    internal bool ConcernsConfiguredValue { get; init; } = true;
}
