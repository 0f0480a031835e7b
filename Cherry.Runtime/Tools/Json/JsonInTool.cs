using System.Text.Json;
using System.Text.Unicode;

namespace Cherry;

/// <summary>
/// CherryPy's <c>json_in</c> (before_request_body 30): a JSON body of an accepted content type is parsed into
/// <see cref="Request.Json"/>. It needs a Content-Length (411 otherwise, chunked included), and a body that is
/// not UTF-8 JSON (ill-formed UTF-8 included) is a 400 "Invalid JSON document". With <see cref="JsonInOptions.Force"/>, any other content type is a 415;
/// without it, form posts go on to become parameters.
/// </summary>
public sealed partial class JsonInTool : HookTool
{
    /// <summary>
    /// How deep a request's JSON may nest (System.Text.Json's default); deeper is a 400. <see cref="Infrastructure.JsonBinding.Write"/>
    /// leaves room for this much inside a handler's own objects, so whatever is read can be written back.
    /// </summary>
    public const int MaxDepth = 64;

    public override async ValueTask RunAsync(Request request)
    {
        if (!request.ProcessRequestBody)
        {
            return;
        }
        var http = request.HttpContext.Request;
        var mediaType = MediaType(http.ContentType);
        if (Array.Exists(Options.ContentTypes, t => string.Equals(t, mediaType, StringComparison.OrdinalIgnoreCase)))
        {
            if (http.ContentLength is null)
            {
                throw new HttpError(411);
            }
            var bytes = await RequestBodyReader.ReadBytesAsync(http, request.Aborted);
            // The reader replaces ill-formed UTF-8 in strings with U+FFFD, silently; CherryPy's decode('utf-8') refuses it.
            if (!Utf8.IsValid(bytes))
            {
                throw new HttpError(400, "Invalid JSON document: the body is not valid UTF-8");
            }
            try
            {
                using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = MaxDepth });
                request.Json = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                throw new HttpError(400, "Invalid JSON document");
            }
            if (HasUnpairedSurrogate(bytes))
            {
                // JSON's grammar allows "\ud800", but no UTF-8 (and no JSON writer) can carry it: refused here, not at json_out.
                throw new HttpError(400, "Invalid JSON document: a string escapes an unpaired UTF-16 surrogate");
            }
            request.ProcessRequestBody = false;
        }
        else if (Options.Force)
        {
            throw new HttpError(415, "Expected an entity of content type " + string.Join(", ", Options.ContentTypes));
        }
    }

    /// <summary>True when an escaped string or property name decodes to an unpaired surrogate; one linear pass.</summary>
    private static bool HasUnpairedSurrogate(byte[] json)
    {
        if (json.AsSpan().IndexOf("\\u"u8) < 0)
        {
            return false;
        }
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
            {
                try
                {
                    reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    // The reader's word for an escape that decodes to an unpaired surrogate.
                    return true;
                }
            }
        }
        return false;
    }

    private static string MediaType(string? contentType)
    {
        if (contentType is null)
        {
            return "";
        }
        var semicolon = contentType.IndexOf(';');
        return (semicolon < 0 ? contentType : contentType[..semicolon]).Trim();
    }
}
