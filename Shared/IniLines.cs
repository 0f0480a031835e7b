using System.Collections.Generic;
using System.IO;

namespace Cherry.Shared
{
    /// <summary>One <c>key = value</c> of a CherryPy INI file, or the problem with a line that is none.</summary>
    internal readonly struct IniEntry
    {
        public IniEntry(string? section, string key, string value, int line, string? problem)
        {
            Section = section;
            Key = key;
            Value = value;
            Line = line;
            Problem = problem;
        }

        public string? Section { get; }

        public string Key { get; }

        public string Value { get; }

        public int Line { get; }

        /// <summary>Why the line is not an entry; null for an entry.</summary>
        public string? Problem { get; }
    }

    /// <summary>
    /// The INI layout of CherryPy config files (Python's configparser): <c>[section]</c> headers, <c>key = value</c> or
    /// <c>key: value</c> lines, <c>;</c>/<c>#</c> comments and indented continuation lines. One reader for the runtime,
    /// which stops start-up at a problem, and the analyzers, which skip it, so both see the same keys. Hand-written
    /// because Microsoft.Extensions.Configuration.Ini strips the double quotes a Python literal needs.
    /// </summary>
    internal static class IniLines
    {
        public static IEnumerable<IniEntry> Read(TextReader reader)
        {
            string? section = null;
            string? key = null;
            var value = "";
            var keyLine = 0;
            var lineNumber = 0;
            string? line;
            while ((line = reader.ReadLine()) is not null)
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
                    yield return new IniEntry(section, key, value, keyLine, null);
                    key = null;
                }
                if (trimmed.Length == 0 || trimmed[0] == ';' || trimmed[0] == '#')
                {
                    continue;
                }
                if (trimmed[0] == '[')
                {
                    if (trimmed[trimmed.Length - 1] != ']')
                    {
                        yield return new IniEntry(section, "", "", lineNumber, "a section header must end with ']'.");
                        continue;
                    }
                    section = trimmed.Substring(1, trimmed.Length - 2).Trim();
                    continue;
                }
                var separator = trimmed.IndexOfAny(new[] { '=', ':' });
                if (separator <= 0)
                {
                    yield return new IniEntry(section, "", "", lineNumber, "expected 'key = value'.");
                    continue;
                }
                key = trimmed.Substring(0, separator).Trim();
                value = trimmed.Substring(separator + 1).Trim();
                keyLine = lineNumber;
            }
            if (key is not null)
            {
                yield return new IniEntry(section, key, value, keyLine, null);
            }
        }
    }
}
