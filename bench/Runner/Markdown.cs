using System.Globalization;
using System.Text;

namespace Runner;

/// <summary>The reports' table rows and invariant number formatting.</summary>
internal static class Markdown
{
    public static void Row(StringBuilder text, IEnumerable<string> cells) => text.Append("| ").Append(string.Join(" | ", cells)).Append(" |\n");

    public static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
