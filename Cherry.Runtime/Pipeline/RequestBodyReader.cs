using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Cherry;

/// <summary>
/// CherryPy's default body processing: a body without a length is refused (411), urlencoded fields and
/// multipart parts (<see cref="MultipartBodyReader"/>) become named parameters, text none of the charsets decodes is
/// a 400, and other types are left unread for tools and handlers.
/// </summary>
internal static class RequestBodyReader
{
    public static async ValueTask ReadAsync(Request request)
    {
        var http = request.HttpContext.Request;
        RequireLength(http);
        var contentType = http.ContentType ?? "";
        try
        {
            if (contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
            {
                var bytes = await ReadBytesAsync(http, request.Aborted);
                // Bytes as ISO-8859-1 characters keep their values; each charset then decodes the escapes and raw bytes.
                var raw = System.Text.Encoding.Latin1.GetString(bytes);
                if (!TryCharsets(request, raw))
                {
                    throw Undecodable(request.BodyCharsets);
                }
            }
            else if (contentType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
            {
                await MultipartBodyReader.ReadAsync(request, http, contentType);
            }
        }
        catch (BadHttpRequestException ex)
        {
            throw new HttpError(ex.StatusCode, ex.Message);
        }
        catch (InvalidDataException ex)
        {
            throw new HttpError(400, "The request entity could not be parsed: " + ex.Message);
        }
        catch (IOException ex) when (!request.Aborted.IsCancellationRequested)
        {
            // The multipart reader's word for a body that ends before its boundary does (a boundary that never matches).
            throw new HttpError(400, "The request entity could not be parsed: " + ex.Message);
        }
    }

    /// <summary>
    /// 411 for a body-carrying method that declares no length and whose framing says no body follows. The server's
    /// own answer, not a header: HTTP/1.1 frames a body of unknown length with Transfer-Encoding, while HTTP/2 and
    /// HTTP/3 never send that header and stream DATA frames until the end of the stream.
    /// </summary>
    public static void RequireLength(HttpRequest http)
    {
        if (http.ContentLength is null && http.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody != true)
        {
            throw new HttpError(411);
        }
    }

    /// <summary>Reads the whole body; Kestrel's framing and size errors (413, 400) become <see cref="HttpError"/>s.</summary>
    public static async ValueTask<byte[]> ReadBytesAsync(HttpRequest http, CancellationToken cancellation)
    {
        using var buffer = new MemoryStream(http.ContentLength is { } length and < 1 << 20 ? (int)length : 4096);
        try
        {
            await http.Body.CopyToAsync(buffer, cancellation);
        }
        catch (BadHttpRequestException ex)
        {
            throw new HttpError(ex.StatusCode, ex.Message);
        }
        catch (IOException ex) when (!cancellation.IsCancellationRequested)
        {
            // Kestrel reports some framing errors (a chunk size that overflows) as a plain IOException.
            throw new HttpError(400, "The request body could not be read: " + ex.Message);
        }
        return buffer.ToArray();
    }

    private static bool TryCharsets(Request request, string raw)
    {
        foreach (var charset in request.BodyCharsets)
        {
            if (Http.Charsets.Find(charset) is not { } encoding)
            {
                continue;
            }
            var parameters = new ParameterList(request.Parameters.Limit - request.Parameters.Count);
            if (QueryStringParser.TryParse(raw, ParameterSource.Body, parameters, encoding))
            {
                foreach (var p in parameters.AsSpan())
                {
                    request.Parameters.Add(p.Name, p.Value, p.Source);
                }
                return true;
            }
        }
        return false;
    }

    /// <summary>CherryPy's 400 for a body or part that none of <paramref name="charsets"/> decodes.</summary>
    public static HttpError Undecodable(IEnumerable<string> charsets) =>
        new(400, "The request entity could not be decoded. The following charsets were attempted: [" + string.Join(", ", charsets.Select(c => "'" + c + "'")) + "]");
}
