using System.Text;

namespace Cherry.Http;

/// <summary>
/// One comma-separated element of a header: a value and its <c>;key=value</c> parameters
/// (CherryPy's <c>httputil.HeaderElement</c>). A trailing or empty <c>;</c> is tolerated.
/// </summary>
public class HeaderElement
{
    public HeaderElement(string value, IReadOnlyList<KeyValuePair<string, string>>? parameters = null)
    {
        Value = value;
        Parameters = parameters ?? [];
    }

    public string Value { get; }

    /// <summary>Parameters in order; names as sent, values unquoted.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; }

    public string? Parameter(string name)
    {
        foreach (var (key, value) in Parameters)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }
        return null;
    }

    /// <summary>Parses one element: <c>text/html;level=1</c>.</summary>
    public static HeaderElement Parse(string element)
    {
        var (value, parameters) = Split(element);
        return new HeaderElement(value, parameters);
    }

    private protected static (string Value, List<KeyValuePair<string, string>> Parameters) Split(string element)
    {
        var parts = SplitOutsideQuotes(element, ';');
        var value = parts.Count > 0 ? parts[0].Trim() : "";
        var parameters = new List<KeyValuePair<string, string>>();
        for (var i = 1; i < parts.Count; i++)
        {
            var part = parts[i].Trim();
            if (part.Length == 0)
            {
                continue;
            }
            var equals = part.IndexOf('=');
            var key = (equals < 0 ? part : part[..equals]).Trim();
            var raw = equals < 0 ? "" : part[(equals + 1)..].Trim();
            parameters.Add(new(key, Unquote(raw)));
        }
        return (value, parameters);
    }

    public override string ToString()
    {
        var text = new StringBuilder(Value);
        foreach (var (key, value) in Parameters)
        {
            text.Append(';').Append(key).Append('=').Append(value);
        }
        return text.ToString();
    }

    /// <summary>Splits on <paramref name="separator"/> where it is not inside a quoted string.</summary>
    internal static List<string> SplitOutsideQuotes(string text, char separator)
    {
        var parts = new List<string>();
        var start = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && quoted)
            {
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == separator && !quoted)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }
        parts.Add(text[start..]);
        return parts;
    }

    internal static string Unquote(string value)
    {
        if (value.Length < 2 || value[0] != '"' || value[^1] != '"')
        {
            return value;
        }
        var inner = value[1..^1];
        if (!inner.Contains('\\'))
        {
            return inner;
        }
        var text = new StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '\\' && i + 1 < inner.Length)
            {
                i++;
            }
            text.Append(inner[i]);
        }
        return text.ToString();
    }
}
