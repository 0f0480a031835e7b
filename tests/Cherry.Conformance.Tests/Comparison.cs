using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Cherry.Conformance.Tests;

/// <summary>
/// Compares one step's answers from CherryPy and Cherry after normalising what legitimately differs: host and port,
/// dates, nonces, session ids, multipart boundaries, the Server header, and the error-page HTML around the message.
/// </summary>
public static partial class Comparison
{
    /// <summary>Headers every step compares, each in its own normal form.</summary>
    public static readonly string[] StandardHeaders =
        ["Content-Type", "Location", "Allow", "Vary", "WWW-Authenticate", "Set-Cookie", "Content-Range", "ETag", "Content-Encoding"];

    public static List<string> Differences(Step step, Observed reference, ServerProcess referenceServer, Observed cherry, ServerProcess cherryServer)
    {
        var differences = new List<string>();
        void Check(string what, string? expected, string? actual)
        {
            if (!string.Equals(expected, actual, StringComparison.Ordinal))
            {
                differences.Add($"{what}: CherryPy {Show(expected)}, Cherry {Show(actual)}");
            }
        }

        Check("status", reference.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), cherry.Status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (step.StatusOnly)
        {
            return differences;
        }
        if (reference.Status == cherry.Status && reference.Reason.Length > 0 && cherry.Reason.Length > 0)
        {
            Check("reason", reference.Reason.ToLowerInvariant(), cherry.Reason.ToLowerInvariant());
        }
        if (reference.Statuses.Count > 0)
        {
            Check("statuses on the way", string.Join(" then ", reference.Statuses), string.Join(" then ", cherry.Statuses));
        }
        foreach (var name in StandardHeaders)
        {
            // An entity tag Cherry adds where CherryPy sends none is an extra validator (docs/conformance.md).
            if (name == "ETag" && reference.Header(name) is null)
            {
                continue;
            }
            Check(name, HeaderForm(name, reference, referenceServer), HeaderForm(name, cherry, cherryServer));
        }
        foreach (var name in step.Compare)
        {
            if (DateHeaders.Contains(name))
            {
                if (DateDifference(name, reference.Header(name), cherry.Header(name)) is { } difference)
                {
                    differences.Add(difference);
                }
                continue;
            }
            Check(name, Normalise(reference.Header(name), referenceServer), Normalise(cherry.Header(name), cherryServer));
        }
        foreach (var name in step.Present)
        {
            Check(name + " present", (reference.Header(name) is not null).ToString(), (cherry.Header(name) is not null).ToString());
        }
        if (step.Method == "HEAD")
        {
            Check("Content-Length", reference.Header("Content-Length"), cherry.Header("Content-Length"));
        }
        var comparison = step.BodyComparison;
        if (comparison == BodyComparison.Auto && IsJson(reference) && IsJson(cherry))
        {
            comparison = BodyComparison.Json;
        }
        switch (comparison)
        {
            case BodyComparison.None:
                break;
            case BodyComparison.Json:
                Check("JSON body", Json(reference), Json(cherry));
                break;
            case BodyComparison.StatisticsKeys:
                Check("statistics keys", StatisticsKeys(reference), StatisticsKeys(cherry));
                break;
            case BodyComparison.Xml:
                Check("XML body", Xml(reference), Xml(cherry));
                break;
            case BodyComparison.FirstLine:
                Check("first line", reference.Text.Split('\n')[0].TrimEnd(), cherry.Text.Split('\n')[0].TrimEnd());
                break;
            default:
                Check("body", BodyForm(step, reference, referenceServer), BodyForm(step, cherry, cherryServer));
                break;
        }
        return differences;
    }

    /// <summary>The two servers answer a step a moment apart, each by its own clock.</summary>
    public static readonly TimeSpan ClockTolerance = TimeSpan.FromSeconds(2);

    private static readonly HashSet<string> DateHeaders = new(StringComparer.OrdinalIgnoreCase) { "Date", "Expires", "Last-Modified" };

    /// <summary>
    /// A date header compared as the instant it names: equal within <see cref="ClockTolerance"/>, so a date off by a
    /// minute or a day is a difference (the DATE placeholder of <see cref="Normalise"/> would hide it). A value that is
    /// no HTTP date (<c>Expires: 0</c>) is compared as text.
    /// </summary>
    public static string? DateDifference(string name, string? reference, string? cherry)
    {
        var referenceIsDate = TryParseDate(reference, out var referenceDate);
        var cherryIsDate = TryParseDate(cherry, out var cherryDate);
        if (referenceIsDate && cherryIsDate)
        {
            return (cherryDate - referenceDate).Duration() <= ClockTolerance
                ? null
                : $"{name}: CherryPy {Show(reference)}, Cherry {Show(cherry)} ({(cherryDate - referenceDate).TotalSeconds:+0;-0} s)";
        }
        return string.Equals(reference, cherry, StringComparison.Ordinal) ? null : $"{name}: CherryPy {Show(reference)}, Cherry {Show(cherry)}";
    }

    /// <summary>
    /// ETags by their rule rather than their text (each server hashes its own way): across the steps of a case that
    /// carry one on both servers, two steps share a tag on Cherry exactly when they share one on CherryPy.
    /// </summary>
    public static IEnumerable<string> EntityTagDifferences(IReadOnlyList<Observed> reference, IReadOnlyList<Observed> cherry)
    {
        for (var i = 0; i < reference.Count; i++)
        {
            for (var j = i + 1; j < reference.Count; j++)
            {
                if (reference[i].Header("ETag") is { } a && reference[j].Header("ETag") is { } b
                    && cherry[i].Header("ETag") is { } c && cherry[j].Header("ETag") is { } d
                    && (a == b) != (c == d))
                {
                    yield return $"steps {i + 1} and {j + 1}: CherryPy's ETags are {(a == b ? "the same" : "different")} ({a}, {b}), Cherry's {(c == d ? "the same" : "different")} ({c}, {d})";
                }
            }
        }
    }

    private static bool TryParseDate(string? value, out DateTimeOffset date) =>
        DateTimeOffset.TryParseExact(value, "r", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out date);

    private static string Show(string? value) => value is null ? "(none)" : "'" + (value.Length > 300 ? value[..300] + "…" : value) + "'";

    private static bool IsJson(Observed answer) => answer.Header("Content-Type")?.StartsWith("application/json", StringComparison.Ordinal) == true;

    /// <summary>Host and port, dates, session ids and nonces replaced by placeholders.</summary>
    public static string? Normalise(string? text, ServerProcess server)
    {
        if (text is null)
        {
            return null;
        }
        text = text.Replace($"127.0.0.1:{server.Port}", "HOST").Replace($"localhost:{server.Port}", "HOST");
        text = HttpDate().Replace(text, "DATE");
        return LongHex().Replace(text, "HEX");
    }

    private static string? HeaderForm(string name, Observed answer, ServerProcess server)
    {
        if (name == "Set-Cookie")
        {
            return answer.Headers.TryGetValue(name, out var cookies) ? string.Join(" | ", cookies.Select(c => Cookie(c, server)).Order(StringComparer.Ordinal)) : null;
        }
        var value = answer.Header(name);
        if (value is null)
        {
            return null;
        }
        return name switch
        {
            "Content-Type" => WithoutBoundary(value, answer).Replace(" ", "").ToLowerInvariant(),
            "Allow" or "Vary" => string.Join(", ", value.Split(',').Select(t => t.Trim().ToUpperInvariant()).Where(t => t.Length > 0).Order(StringComparer.Ordinal)),
            "WWW-Authenticate" => Challenge(value),
            _ => Normalise(value, server),
        };
    }

    /// <summary>The first challenge's scheme and parameters, with the nonce's value hidden and Cherry's opaque left out.</summary>
    private static string Challenge(string value)
    {
        var scheme = value.Split(' ', 2)[0];
        var first = value.IndexOf(", " + scheme + " ", StringComparison.Ordinal) is var next and > 0 ? value[..next] : value;
        var parameters = ChallengeParameter().Matches(first)
            .Select(m => (Name: m.Groups[1].Value.ToLowerInvariant(), Value: m.Groups[2].Value))
            .Where(p => p.Name != "opaque")
            .Select(p => p.Name == "nonce" ? "nonce=…" : p.Name + "=" + p.Value);
        return scheme + " " + string.Join(", ", parameters);
    }

    /// <summary>A cookie's name, value and attributes; names lower-cased, Expires only as present, SameSite and HttpOnly left out (Cherry's safer defaults).</summary>
    private static string Cookie(string cookie, ServerProcess server)
    {
        var parts = cookie.Split(';').Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        var attributes = parts.Skip(1)
            .Select(p => p.Split('=', 2))
            .Select(p => (Name: p[0].ToLowerInvariant(), Value: p.Length > 1 ? p[1] : ""))
            .Where(p => p.Name is not ("samesite" or "httponly"))
            .Select(p => p.Name == "expires" ? "expires" : p.Name + (p.Value.Length > 0 ? "=" + p.Value : ""))
            .Order(StringComparer.Ordinal);
        return Normalise(parts[0], server) + "; " + string.Join("; ", attributes);
    }

    private static string BodyForm(Step step, Observed answer, ServerProcess server)
    {
        var body = answer.Body;
        if (answer.Header("Content-Encoding") == "gzip" && body.Length > 0)
        {
            using var gzip = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
            using var plain = new MemoryStream();
            gzip.CopyTo(plain);
            body = plain.ToArray();
        }
        var text = WithoutBoundary(System.Text.Encoding.UTF8.GetString(body), answer);
        if (step.BodyComparison == BodyComparison.Auto && answer.Status >= 400 && ErrorPage().Match(text) is { Success: true } page)
        {
            // The title's reason phrase differs in case only ("I'm a Teapot"); the message is compared as is, except
            // that CherryPy lists parameter names in its set's (random) order.
            text = WebUtility.HtmlDecode(page.Groups[1].Value).ToLowerInvariant() + " | "
                + ParameterList().Replace(WebUtility.HtmlDecode(page.Groups[2].Value), m => m.Groups[1].Value + string.Join(", ", m.Groups[2].Value.Split(", ").Order(StringComparer.Ordinal)));
        }
        return Normalise(text.TrimEnd(), server)!;
    }

    /// <summary>A multipart answer's boundary (each server draws its own at random) replaced by a placeholder.</summary>
    private static string WithoutBoundary(string text, Observed answer) =>
        answer.Header("Content-Type") is { } type && type.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)
            && MultipartBoundary().Match(type) is { Success: true } boundary
            ? text.Replace(boundary.Groups[1].Value, "BOUNDARY", StringComparison.Ordinal)
            : text;

    private static string Json(Observed answer)
    {
        try
        {
            return JsonNode.Parse(answer.Body)?.ToJsonString() ?? "null";
        }
        catch (System.Text.Json.JsonException e)
        {
            return "not JSON: " + e.Message;
        }
    }

    private static string StatisticsKeys(Observed answer) =>
        JsonNode.Parse(answer.Body) is JsonObject root
            ? string.Join("; ", root.Where(p => p.Key.EndsWith(" Applications", StringComparison.Ordinal) && p.Value is JsonObject)
                .Select(p => string.Join(",", p.Value!.AsObject().Select(i => i.Key).Order(StringComparer.Ordinal))))
            : "not an object";

    private static string Xml(Observed answer)
    {
        try
        {
            return System.Xml.Linq.XDocument.Parse(answer.Text).Root!.ToString(System.Xml.Linq.SaveOptions.DisableFormatting);
        }
        catch (System.Xml.XmlException e)
        {
            return "not XML: " + e.Message;
        }
    }

    [GeneratedRegex(@"(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2}[ -](Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[ -]\d{4} \d{2}:\d{2}:\d{2} GMT")]
    private static partial Regex HttpDate();

    [GeneratedRegex("[0-9a-f]{32,}")]
    private static partial Regex LongHex();

    [GeneratedRegex(@"boundary=""?([^"";\s]+)")]
    private static partial Regex MultipartBoundary();

    [GeneratedRegex(@"(\w+)=(""[^""]*""|[^,\s]+)")]
    private static partial Regex ChallengeParameter();

    [GeneratedRegex(@"(parameters: )([\w, ]+)")]
    private static partial Regex ParameterList();

    [GeneratedRegex(@"<h2>(.*?)</h2>\s*<p>(.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex ErrorPage();
}
