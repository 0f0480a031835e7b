namespace Cherry.Http;

/// <summary>
/// The one error the header parsers raise: the header's text is malformed. Tools turn it into a
/// 400 "Malformed HTTP header: `...`", as CherryPy does.
/// </summary>
public sealed class HeaderFormatException(string header, string problem)
    : FormatException($"Malformed HTTP header: `{header}`: {problem}")
{
    public string Header { get; } = header;

    /// <summary>CherryPy's 400 for this header.</summary>
    public HttpError ToHttpError() => new(400, $"Malformed HTTP header: `{Header}`");
}
