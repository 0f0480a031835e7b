using System.Collections;
using System.Globalization;
using System.Text;

namespace Cherry.Http;

/// <summary>
/// A case-insensitive header map with CherryPy's output rules (<c>httputil.HeaderMap</c>): names come out
/// Title-Cased, values that ISO-8859-1 cannot carry become RFC 2047 words, and control characters are dropped
/// so that no value can split a header.
/// </summary>
public sealed class HeaderMap : IEnumerable<KeyValuePair<string, string>>
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    public string? this[string name]
    {
        get => _values.TryGetValue(name, out var value) ? value : null;
        set
        {
            if (value is null)
            {
                _values.Remove(name);
            }
            else
            {
                _values[name] = value;
            }
        }
    }

    public int Count => _values.Count;

    public bool Contains(string name) => _values.ContainsKey(name);

    /// <summary>The headers as they go on the wire.</summary>
    public IEnumerable<KeyValuePair<string, string>> Output() =>
        _values.Select(p => new KeyValuePair<string, string>(TitleCase(p.Key), Clean(Rfc2047.EncodeIfNeeded(p.Value))));

    public static string TitleCase(string name)
    {
        var text = new StringBuilder(name.Length);
        var upper = true;
        foreach (var c in name)
        {
            text.Append(upper ? char.ToUpper(c, CultureInfo.InvariantCulture) : char.ToLower(c, CultureInfo.InvariantCulture));
            upper = !char.IsAsciiLetterOrDigit(c);
        }
        return text.ToString();
    }

    private static string Clean(string value) =>
        value.Any(char.IsControl) ? new string(value.Where(c => !char.IsControl(c)).ToArray()) : value;

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
