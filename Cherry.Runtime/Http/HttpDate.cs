using Microsoft.Net.Http.Headers;

namespace Cherry.Http;

/// <summary>HTTP dates (RFC 9110 IMF-fixdate), through ASP.NET Core's header utilities.</summary>
public static class HttpDate
{
    public static string Format(DateTimeOffset date) => HeaderUtilities.FormatDate(date);

    /// <summary>Parses any of the three date forms RFC 9110 allows; false for anything else.</summary>
    public static bool TryParse(string? text, out DateTimeOffset date) => HeaderUtilities.TryParseDate(text, out date);
}
