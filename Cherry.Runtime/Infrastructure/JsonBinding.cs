using System.Runtime.CompilerServices;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Cherry.Infrastructure;

/// <summary>What generated handlers call to read and write JSON with source-generated metadata.</summary>
/// <remarks>For generated code; not meant to be called by hand.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonBinding
{
    /// <summary>The body as a parameter that does not take null: the document <c>null</c> is a 400 naming it.</summary>
    public static T ReadBody<T>(Request request, JsonTypeInfo<T> typeInfo, string parameter) =>
        ReadNullableBody(request, typeInfo, parameter)
        ?? throw new HttpError(400, $"Parameter '{parameter}' needs a JSON value, not null.");

    /// <summary>The body as a parameter declared <c>T?</c>, which the document <c>null</c> reaches as null.</summary>
    public static T? ReadNullableBody<T>(Request request, JsonTypeInfo<T> typeInfo, string parameter)
    {
        if (request.Json is not { } json)
        {
            throw new HttpError(400, $"Parameter '{parameter}' needs a JSON request body.");
        }
        try
        {
            return json.Deserialize(typeInfo);
        }
        catch (JsonException ex)
        {
            throw new HttpError(400, "Invalid JSON document: " + ex.Message);
        }
    }

    /// <summary>
    /// Writes with room for a document json_in accepted (up to <see cref="JsonInTool.MaxDepth"/> deep) inside the handler's own
    /// objects: through metadata whose options allow that many more levels (<see cref="WithRoomForRequestJson"/>), so a
    /// <see cref="JsonElement"/> echoed one level down is written, and the serializer's pooled fast path stays.
    /// </summary>
    public static void Write<T>(Request request, T value, JsonTypeInfo<T> typeInfo, string contentType)
    {
        request.Response.ContentType = contentType;
        request.Response.Body = JsonSerializer.SerializeToUtf8Bytes(value, WithRoomForRequestJson(typeInfo));
    }

    /// <summary>
    /// The same type's metadata under a copy of its options whose <see cref="JsonSerializerOptions.MaxDepth"/> is
    /// <see cref="JsonInTool.MaxDepth"/> higher (the copy keeps the source-generated resolver: no reflection), made once per
    /// metadata instance; later requests find it without allocating.
    /// </summary>
    private static JsonTypeInfo<T> WithRoomForRequestJson<T>(JsonTypeInfo<T> typeInfo)
    {
        if (RoomyTypeInfos.TryGetValue(typeInfo, out var found))
        {
            return (JsonTypeInfo<T>)found;
        }
        var source = typeInfo.Options;
        var options = new JsonSerializerOptions(source) { MaxDepth = (source.MaxDepth == 0 ? JsonInTool.MaxDepth : source.MaxDepth) + JsonInTool.MaxDepth };
        return (JsonTypeInfo<T>)RoomyTypeInfos.GetValue(typeInfo, _ => options.GetTypeInfo(typeof(T)));
    }

    private static readonly ConditionalWeakTable<JsonTypeInfo, JsonTypeInfo> RoomyTypeInfos = [];
}
