using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Cherry.Analyzers
{
    /// <summary>The edit a config-file diagnostic proposes, as its properties: Cherry.CodeFixes' ConfigFileCodeFix carries it out.</summary>
    internal static class ConfigFix
    {
        /// <summary>A line to add below the reported one (an INI key the tool needs).</summary>
        public const string AddLine = "AddLine";

        /// <summary>Text of the reported line to replace, by <see cref="With"/>.</summary>
        public const string Replace = "Replace";

        public const string With = "With";

        public static ImmutableDictionary<string, string?> Adding(string line) => ImmutableDictionary<string, string?>.Empty.Add(AddLine, line);

        public static ImmutableDictionary<string, string?> Replacing(string old, string replacement) =>
            ImmutableDictionary<string, string?>.Empty.Add(Replace, old).Add(With, replacement);

        /// <summary>Whether a location is a line of an INI file, where a key can be added as a line of its own.</summary>
        public static bool InIniFile(Location location) =>
            location.Kind == LocationKind.ExternalFile && location.GetLineSpan().Path.EndsWith(".conf", System.StringComparison.OrdinalIgnoreCase);
    }
}
