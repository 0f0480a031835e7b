namespace Cherry.Http;

/// <summary>CherryPy's <c>header_elements</c>: a header's elements, most preferred first.</summary>
public static class HeaderElements
{
    private static readonly HashSet<string> AcceptHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Accept", "Accept-Charset", "Accept-Encoding", "Accept-Language", "TE",
    };

    public static bool IsAcceptHeader(string name) => AcceptHeaders.Contains(name);

    /// <summary>
    /// Splits <paramref name="value"/> on commas outside quotes. Elements of Accept-style headers are
    /// <see cref="AcceptElement"/>s sorted by quality, highest first; ties (and plain headers) are broken by
    /// descending text, exactly as CherryPy's reverse sort does (<c>text/html;level=1</c> before <c>text/html</c>
    /// before <c>text/*</c>).
    /// </summary>
    /// <exception cref="HeaderFormatException">A quality value is malformed.</exception>
    public static IReadOnlyList<HeaderElement> Parse(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return [];
        }
        var accept = IsAcceptHeader(name);
        var elements = new List<HeaderElement>();
        foreach (var part in HeaderElement.SplitOutsideQuotes(value, ','))
        {
            if (part.Trim().Length == 0)
            {
                continue;
            }
            elements.Add(accept ? AcceptElement.Parse(part.Trim(), value) : HeaderElement.Parse(part));
        }
        return accept
            ? elements.Cast<AcceptElement>().OrderByDescending(e => e.Quality).ThenByDescending(e => e.Text, StringComparer.Ordinal).ToList<HeaderElement>()
            : elements.OrderByDescending(e => e.Value, StringComparer.Ordinal).ToList();
    }

    /// <summary>The Accept-style elements of a header, most preferred first.</summary>
    public static IReadOnlyList<AcceptElement> ParseAccept(string name, string? value) =>
        Parse(IsAcceptHeader(name) ? name : "Accept", value).Cast<AcceptElement>().ToList();
}
