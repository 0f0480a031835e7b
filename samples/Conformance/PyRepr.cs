using Cherry;
namespace Conformance;

/// <summary>Formats values as Python's repr does, so answers read exactly like the reference app's.</summary>
internal static class PyRepr
{
    public static string Str(string? value) => value is null ? "None" : "'" + value.Replace("\\", "\\\\").Replace("'", "\\'") + "'";

    public static string Tuple(IReadOnlyList<string> items) =>
        items.Count == 1 ? "(" + Str(items[0]) + ",)" : "(" + string.Join(", ", items.Select(Str)) + ")";

    /// <summary>A query value as CherryPy hands it over: absent is None, one value a string, repeats a list.</summary>
    public static string Value(IReadOnlyList<string>? values) => values switch
    {
        null or [] => "None",
        [var single] => Str(single),
        _ => "[" + string.Join(", ", values.Select(Str)) + "]",
    };

    public static string SortedItems(IEnumerable<KeyValuePair<string, string>> items) =>
        "[" + string.Join(", ", items.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => "(" + Str(i.Key) + ", " + Str(i.Value) + ")")) + "]";
}
