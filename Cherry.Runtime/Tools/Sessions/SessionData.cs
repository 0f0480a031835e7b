using System.Text.Json;

namespace Cherry;

/// <summary>The JSON form session stores keep: <c>{"key": "value", ...}</c>, written and read without reflection.</summary>
public static class SessionData
{
    public static byte[] ToJson(IReadOnlyDictionary<string, string> data)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, data);
        }
        return buffer.ToArray();
    }

    public static void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> data)
    {
        writer.WriteStartObject();
        foreach (var (key, value) in data)
        {
            writer.WriteString(key, value);
        }
        writer.WriteEndObject();
    }

    public static Dictionary<string, string> FromJson(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        using var document = JsonDocument.ParseValue(ref reader);
        return Read(document.RootElement);
    }

    public static Dictionary<string, string> Read(JsonElement element)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            data[property.Name] = property.Value.GetString() ?? "";
        }
        return data;
    }
}
