using System.Collections.Concurrent;

namespace Cherry;

/// <summary>
/// A statistics registry shaped like CherryPy's <c>logging.statistics</c>: namespaces of named values. A value may be a
/// <see cref="Func{T}"/> of the namespace, computed at report time on a copy ("extrapolated"), or a collection of
/// records (name → record of named values). One per host, from DI: <c>AddCherry</c> registers it, and a handler or
/// service that takes a <see cref="Statistics"/> adds its own namespace beside Cherry's.
/// </summary>
public sealed class Statistics
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, object?>> _namespaces = new(StringComparer.Ordinal);

    /// <summary>The live namespace, created when first asked for.</summary>
    public ConcurrentDictionary<string, object?> Namespace(string name) =>
        _namespaces.GetOrAdd(name, _ => new ConcurrentDictionary<string, object?>(StringComparer.Ordinal));

    /// <summary>A copy of every namespace with functions replaced by their values and records copied.</summary>
    public SortedDictionary<string, SortedDictionary<string, object?>> Extrapolate()
    {
        var report = new SortedDictionary<string, SortedDictionary<string, object?>>(StringComparer.Ordinal);
        foreach (var (name, values) in _namespaces)
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
