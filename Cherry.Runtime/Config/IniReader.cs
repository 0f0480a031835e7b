namespace Cherry;

/// <summary>
/// Reads the INI layout of CherryPy config files (Python's configparser): <c>[section]</c> headers,
/// <c>key = value</c> or <c>key: value</c> lines, <c>;</c>/<c>#</c> comments and indented continuation lines.
/// Hand-written because Microsoft.Extensions.Configuration.Ini strips double quotes from values, and a Python
/// literal needs them to tell the string <c>"True"</c> from the boolean <c>True</c>.
/// </summary>
internal static class IniReader
{
    public static IEnumerable<(string? Section, string Key, string Value)> Read(Stream stream)
    {
        using var reader = new StreamReader(stream);
        string? section = null;
        string? key = null;
        var value = "";
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var trimmed = line.Trim();
            if (key is not null && line.Length > 0 && char.IsWhiteSpace(line[0]) && trimmed.Length > 0)
            {
                value += "\n" + trimmed;
                continue;
            }
            if (key is not null)
            {
                yield return (section, key, value);
                key = null;
            }
            if (trimmed.Length == 0 || trimmed[0] is ';' or '#')
            {
                continue;
            }
            if (trimmed[0] == '[')
            {
                if (trimmed[^1] != ']')
                {
                    throw new CherryConfigurationException(section ?? "(none)", $"line {lineNumber}", "a section header must end with ']'.");
                }
                section = trimmed[1..^1].Trim();
                continue;
            }
            var separator = trimmed.IndexOfAny(['=', ':']);
            if (separator <= 0)
            {
                throw new CherryConfigurationException(section ?? "(none)", $"line {lineNumber}", "expected 'key = value'.");
            }
            key = trimmed[..separator].Trim();
            value = trimmed[(separator + 1)..].Trim();
        }
        if (key is not null)
        {
            yield return (section, key, value);
        }
    }
}
