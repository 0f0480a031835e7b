using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Cherry.Infrastructure;

/// <summary>What generated handlers call to read and write JSON with source-generated metadata.</summary>
/// <remarks>For generated code; not meant to be called by hand.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonBinding
{
    public static T ReadBody<T>(Request request, JsonTypeInfo<T> typeInfo, string parameter)
    {
        if (request.Json is not { } json)
        {
            throw new HttpError(400, $"Parameter '{parameter}' needs a JSON request body.");
        }
        try
        {
            return json.Deserialize(typeInfo)!;
        }
        catch (JsonException ex)
        {
            throw new HttpError(400, "Invalid JSON document: " + ex.Message);
        }
    }

    public static void Write<T>(Request request, T value, JsonTypeInfo<T> typeInfo, string contentType)
    {
        request.Response.ContentType = contentType;
        request.Response.Body = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
    }
}
