using System.Buffers;
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
    /// objects: the serializer's own <see cref="JsonSerializerOptions.MaxDepth"/> still bounds the objects it walks (and so
    /// stops cycles), but a <see cref="JsonElement"/> echoed from the request is written at whatever depth it had when read.
    /// </summary>
    public static void Write<T>(Request request, T value, JsonTypeInfo<T> typeInfo, string contentType)
    {
        var options = typeInfo.Options;
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Encoder = options.Encoder,
            Indented = options.WriteIndented,
            IndentCharacter = options.IndentCharacter,
            IndentSize = options.IndentSize,
            NewLine = options.NewLine,
            MaxDepth = EffectiveMaxDepth(options) + JsonInTool.MaxDepth,
        }))
        {
            JsonSerializer.Serialize(writer, value, typeInfo);
        }
        request.Response.ContentType = contentType;
        request.Response.Body = buffer.WrittenMemory;
    }

    /// <summary>System.Text.Json reads a <see cref="JsonSerializerOptions.MaxDepth"/> of 0 as 64.</summary>
    private static int EffectiveMaxDepth(JsonSerializerOptions options) => options.MaxDepth == 0 ? JsonInTool.MaxDepth : options.MaxDepth;
}
