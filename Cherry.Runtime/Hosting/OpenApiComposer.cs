using System.Buffers;
using System.Text.Json;

namespace Cherry;

/// <summary>
/// Joins the generated OpenAPI documents of the mounted trees into one: each tree's paths under its mount prefix,
/// their components by name (one compilation names each type once, so equal names are equal schemas).
/// </summary>
internal static class OpenApiComposer
{
    private static readonly string[] ComponentKinds = ["schemas", "securitySchemes"];

    public static byte[] Compose(string title, string version, IEnumerable<(string Prefix, string? Document)> trees)
    {
        var documents = new List<(string Prefix, JsonDocument Document)>();
        try
        {
            foreach (var (prefix, text) in trees)
            {
                if (text is not null)
                {
                    documents.Add((prefix, JsonDocument.Parse(text)));
                }
            }
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                writer.WriteStartObject();
                writer.WriteString("openapi", "3.1.1");
                writer.WriteStartObject("info");
                writer.WriteString("title", title);
                writer.WriteString("version", version);
                writer.WriteEndObject();
                writer.WriteStartObject("paths");
                var paths = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (prefix, document) in documents)
                {
                    foreach (var path in Members(document.RootElement, "paths"))
                    {
                        // The app mounted deeper wins a URL at run time; the first one mapped keeps it here, as rarely matters.
                        if (paths.Add(prefix + path.Name))
                        {
                            writer.WritePropertyName(prefix + path.Name);
                            path.Value.WriteTo(writer);
                        }
                    }
                }
                writer.WriteEndObject();
                WriteComponents(writer, documents);
                writer.WriteEndObject();
            }
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            foreach (var (_, document) in documents)
            {
                document.Dispose();
            }
        }
    }

    private static void WriteComponents(Utf8JsonWriter writer, List<(string Prefix, JsonDocument Document)> documents)
    {
        var started = false;
        foreach (var kind in ComponentKinds)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            var items = documents.SelectMany(d => Members(d.Document.RootElement, "components", kind)).Where(c => names.Add(c.Name)).ToList();
            if (items.Count == 0)
            {
                continue;
            }
            if (!started)
            {
                writer.WriteStartObject("components");
                started = true;
            }
            writer.WriteStartObject(kind);
            foreach (var item in items)
            {
                item.WriteTo(writer);
            }
            writer.WriteEndObject();
        }
        if (started)
        {
            writer.WriteEndObject();
        }
    }

    /// <summary>The properties of the object at <paramref name="path"/> below <paramref name="element"/>; none when it is missing.</summary>
    private static IEnumerable<JsonProperty> Members(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return [];
            }
        }
        return element.ValueKind == JsonValueKind.Object ? element.EnumerateObject() : [];
    }
}
