using Cherry.Shared;

namespace Cherry;

/// <summary>Reads a CherryPy INI file with the reader the analyzers share; a malformed line stops start-up.</summary>
internal static class IniReader
{
    public static IEnumerable<(string? Section, string Key, string Value)> Read(Stream stream)
    {
        using var reader = new StreamReader(stream);
        foreach (var entry in IniLines.Read(reader))
        {
            if (entry.Problem is { } problem)
            {
                throw new CherryConfigurationException(entry.Section ?? "(none)", $"line {entry.Line}", problem);
            }
            yield return (entry.Section, entry.Key, entry.Value);
        }
    }
}
