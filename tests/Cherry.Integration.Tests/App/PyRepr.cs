namespace Cherry.Integration.Tests.App;

/// <summary>Formats values as Python's repr does, so that answers compare with CherryPy's observed ones in cases.md.</summary>
internal static class PyRepr
{
    public static string Str(string? value) => value is null ? "None" : "'" + value.Replace("\\", "\\\\").Replace("'", "\\'") + "'";

    public static string Tuple(IReadOnlyList<string> items) =>
        items.Count == 1 ? "(" + Str(items[0]) + ",)" : "(" + string.Join(", ", items.Select(Str)) + ")";

    public static string List(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(Str)) + "]";

    public static string SortedItems(IReadOnlyList<KeyValuePair<string, string>> items) =>
        "[" + string.Join(", ", items.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => "(" + Str(i.Key) + ", " + Str(i.Value) + ")")) + "]";
}
