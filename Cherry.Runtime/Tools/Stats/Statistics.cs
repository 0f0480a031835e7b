using System.Collections.Concurrent;

namespace Cherry;

/// <summary>
/// A statistics registry shaped like CherryPy's <c>logging.statistics</c>: namespaces of named values. A value may be a
/// <see cref="Func{T}"/> of the namespace, computed at report time on a copy ("extrapolated"), or a collection of
/// records (name → record of named values).
/// </summary>
public static class Statistics
{
    private static readonly ConcurrentDictionary<string, ConcurrentDictionary<string, object?>> Namespaces = new(StringComparer.Ordinal);

    /// <summary>The live namespace, created when first asked for.</summary>
    public static ConcurrentDictionary<string, object?> Namespace(string name) =>
        Namespaces.GetOrAdd(name, _ => new ConcurrentDictionary<string, object?>(StringComparer.Ordinal));

    /// <summary>A copy of every namespace with functions replaced by their values and records copied.</summary>
    public static SortedDictionary<string, SortedDictionary<string, object?>> Extrapolate()
    {
        var report = new SortedDictionary<string, SortedDictionary<string, object?>>(StringComparer.Ordinal);
        foreach (var (name, values) in Namespaces)
        {
            var snapshot = new Dictionary<string, object?>(values, StringComparer.Ordinal);
            var copy = new SortedDictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (key, value) in snapshot)
            {
                copy[key] = value switch
                {
                    Func<IReadOnlyDictionary<string, object?>, object?> function => function(snapshot),
                    ConcurrentDictionary<string, ConcurrentDictionary<string, object?>> records => CopyRecords(records),
                    _ => value,
                };
            }
            report[name] = copy;
        }
        return report;
    }

    private static SortedDictionary<string, SortedDictionary<string, object?>> CopyRecords(ConcurrentDictionary<string, ConcurrentDictionary<string, object?>> records)
    {
        var copy = new SortedDictionary<string, SortedDictionary<string, object?>>(StringComparer.Ordinal);
        foreach (var (key, record) in records)
        {
            var snapshot = new Dictionary<string, object?>(record, StringComparer.Ordinal);
            var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (field, value) in snapshot)
            {
                values[field] = value is Func<IReadOnlyDictionary<string, object?>, object?> function ? function(snapshot) : value;
            }
            copy[key] = values;
        }
        return copy;
    }
}
