using System.Collections;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cherry;

/// <summary>
/// The mountable statistics pages: CherryPy's <c>StatsPage</c> (HTML, <c>data</c> as JSON, <c>pause</c> and
/// <c>resume</c>, which are POST only: CherryPy let GET through) and <c>GCRoot</c> (GC figures and a leak check).
/// </summary>
public static class StatsEndpoints
{
    /// <summary>
    /// Maps the statistics page at <paramref name="path"/> (<c>/cpstats</c>); outside Development it is open only to whom
    /// <see cref="CherryOptions.DiagnosticsAccess"/> names (by default, an authorization policy put on the returned builder).
    /// </summary>
    /// <param name="formatting">
    /// CherryPy's formatting map: namespace → key → formatter; a null formatter hides the row or column
    /// (<see cref="StatsFormat.Hidden"/>), <see cref="StatsFormat.Of(string)"/> applies a format string.
    /// </param>
    public static IEndpointConventionBuilder MapCherryStats(this IEndpointRouteBuilder endpoints, string path = "/cpstats",
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, Func<object?, string>?>>? formatting = null)
    {
        var group = endpoints.MapGroup(path.TrimEnd('/'));
        group.Map("/", DiagnosticsGate.Guard(context => Page(context, "text/html;charset=utf-8", Html(Registry(context).Extrapolate(), formatting))));
        group.Map("/data", DiagnosticsGate.Guard(context => Page(context, "application/json", Json(Registry(context).Extrapolate()))));
        group.Map("/pause", DiagnosticsGate.Guard(context => Switch(context, enabled: false)));
        group.Map("/resume", DiagnosticsGate.Guard(context => Switch(context, enabled: true)));
        return group;
    }

    /// <summary>
    /// Maps the GC page at <paramref name="path"/> (<c>/gc</c>): <c>/</c> answers, <c>/stats</c> reports. Outside
    /// Development, as the statistics pages, it is open only to whom <see cref="CherryOptions.DiagnosticsAccess"/> names.
    /// </summary>
    public static IEndpointConventionBuilder MapCherryGc(this IEndpointRouteBuilder endpoints, string path = "/gc")
    {
        var group = endpoints.MapGroup(path.TrimEnd('/'));
        group.Map("/", DiagnosticsGate.Guard(context => Page(context, "text/html;charset=utf-8", "Hello, world!")));
        group.Map("/stats", DiagnosticsGate.Guard(context => Page(context, "text/html;charset=utf-8", GcReport(context.RequestServices.GetRequiredService<RequestTracker>()))));
        return group;
    }

    private static Statistics Registry(HttpContext context) => context.RequestServices.GetRequiredService<Statistics>();

    private static Task Page(HttpContext context, string contentType, string body)
    {
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body);
    }

    private static Task Switch(HttpContext context, bool enabled)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = 405;
            context.Response.Headers.Allow = "POST";
            return Task.CompletedTask;
        }
        context.RequestServices.GetRequiredService<RequestStatistics>().Enabled = enabled;
        var request = context.Request;
        var index = request.PathBase + request.Path.Value![..(request.Path.Value!.LastIndexOf('/') + 1)];
        var location = $"{request.Scheme}://{request.Host}{index}";
        context.Response.StatusCode = 303;
        context.Response.Headers.Location = location;
        return Page(context, "text/html;charset=utf-8", HttpRedirect.Body(303, [location]));
    }

    /// <summary>One table per namespace, one per collection; every value cell has an id of namespace and key.</summary>
    public static string Html(SortedDictionary<string, SortedDictionary<string, object?>> report,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, Func<object?, string>?>>? formatting = null)
    {
        var html = new StringBuilder("<html><head><title>Statistics</title></head><body>\n");
        foreach (var (name, values) in report)
        {
            var formats = formatting is not null && formatting.TryGetValue(name, out var map) ? map : null;
            bool Hidden(string key) => formats is not null && formats.TryGetValue(key, out var f) && f is null;
            string Show(string key, object? value) => formats is not null && formats.TryGetValue(key, out var f) && f is not null ? f(value) : Format(value);
            html.Append("<h1>").Append(WebUtility.HtmlEncode(name)).Append("</h1>\n<table>\n");
            foreach (var (key, value) in values.Where(v => v.Value is not IDictionary && !Hidden(v.Key)))
            {
                html.Append("<tr><th>").Append(WebUtility.HtmlEncode(key)).Append("</th><td id=\"")
                    .Append(WebUtility.HtmlEncode(name + "-" + key)).Append("\">").Append(WebUtility.HtmlEncode(Show(key, value))).Append("</td></tr>\n");
            }
            html.Append("</table>\n");
            foreach (var (key, value) in values.Where(v => v.Value is IDictionary))
            {
                var records = Entries((IDictionary)value!).ToList();
                var columns = records.SelectMany(r => ((IDictionary)r.Value!).Keys.Cast<string>()).Distinct().Where(c => !Hidden(c)).Order(StringComparer.Ordinal).ToList();
                html.Append("<h2>").Append(WebUtility.HtmlEncode(key)).Append("</h2>\n<table>\n<tr><th>ID</th>");
                foreach (var column in columns)
                {
                    html.Append("<th>").Append(WebUtility.HtmlEncode(column)).Append("</th>");
                }
                html.Append("</tr>\n");
                foreach (var record in records)
                {
                    var fields = (IDictionary)record.Value!;
                    html.Append("<tr><th>").Append(WebUtility.HtmlEncode(Format(record.Key))).Append("</th>");
                    foreach (var column in columns)
                    {
                        html.Append("<td id=\"").Append(WebUtility.HtmlEncode($"{name}-{key}-{record.Key}-{column}")).Append("\">")
                            .Append(WebUtility.HtmlEncode(Show(column, fields.Contains(column) ? fields[column] : null))).Append("</td>");
                    }
                    html.Append("</tr>\n");
                }
                html.Append("</table>\n");
            }
        }
        return html.Append("</body></html>\n").ToString();
    }

    /// <summary>A dictionary's entries as DictionaryEntry, whatever its enumerator yields.</summary>
    private static IEnumerable<DictionaryEntry> Entries(IDictionary dictionary)
    {
        var enumerator = dictionary.GetEnumerator();
        while (enumerator.MoveNext())
        {
            yield return enumerator.Entry;
        }
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.###", CultureInfo.InvariantCulture),
        IEnumerable items and not string => string.Join(", ", items.Cast<object?>().Select(Format)),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>The extrapolated statistics as JSON, keys sorted, indented by four spaces, as CherryPy's <c>data</c>.</summary>
    public static string Json(SortedDictionary<string, SortedDictionary<string, object?>> report)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, IndentSize = 4 }))
        {
            WriteValue(writer, report);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case int or long:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case double or float or decimal:
                writer.WriteNumberValue(Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            case IDictionary dictionary:
                writer.WriteStartObject();
                foreach (var entry in Entries(dictionary).OrderBy(e => Convert.ToString(e.Key, CultureInfo.InvariantCulture), StringComparer.Ordinal))
                {
                    writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!);
                    WriteValue(writer, entry.Value);
                }
                writer.WriteEndObject();
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item);
                }
                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static string GcReport(RequestTracker tracker)
    {
        var (sampled, alive) = tracker.CheckForLeaks();
        var info = GC.GetGCMemoryInfo();
        var report = new StringBuilder("Statistics:\n");
        for (var generation = 0; generation <= GC.MaxGeneration; generation++)
        {
            report.Append(CultureInfo.InvariantCulture, $"Generation {generation} collections: {GC.CollectionCount(generation)}\n");
        }
        report.Append(CultureInfo.InvariantCulture, $"Heap size: {info.HeapSizeBytes} bytes\n");
        report.Append(CultureInfo.InvariantCulture, $"Total allocated: {GC.GetTotalAllocatedBytes()} bytes\n");
        report.Append(CultureInfo.InvariantCulture, $"Requests in flight: {tracker.Live}\n");
        report.Append(CultureInfo.InvariantCulture, $"Finished requests sampled: {sampled}, still referenced after collection: {alive}\n");
        report.Append(alive == 0 ? "No leaked requests.\n" : "Leaked requests found.\n");
        return report.ToString();
    }
}

/// <summary>Formatters for the statistics page's formatting map.</summary>
public static class StatsFormat
{
    /// <summary>Hides a row or column.</summary>
    public static readonly Func<object?, string>? Hidden = null;

    /// <summary>A composite format string applied to the value, such as <c>"{0:0.00}"</c>.</summary>
    public static Func<object?, string> Of(string format) => value => string.Format(CultureInfo.InvariantCulture, format, value);
}

