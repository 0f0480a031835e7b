using System.Text;
using Microsoft.AspNetCore.Http;

namespace Cherry;

/// <summary>
/// CherryPy's default body processing: a body without a length is refused (411), urlencoded and
/// multipart fields become named parameters, text that is not UTF-8 is a 400, and other types are left
/// unread for tools and handlers.
/// </summary>
internal static class RequestBodyReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static async ValueTask ReadAsync(Request request)
    {
        var http = request.HttpContext.Request;
        RequireLength(http);
        var contentType = http.ContentType ?? "";
        try
        {
            if (contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
            {
                var text = await ReadTextAsync(http, request.Aborted);
                if (!QueryStringParser.TryParse(text, ParameterSource.Body, request.Parameters))
                {
                    throw Undecodable();
                }
            }
            else if (contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            {
                var form = await http.ReadFormAsync(request.Aborted);
                foreach (var (name, values) in form)
                {
                    foreach (var value in values)
                    {
                        request.Parameters.Add(name, value ?? "", ParameterSource.Body);
                    }
                }
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
    }

    /// <summary>411 for a body-carrying method whose body has neither a length nor chunked framing.</summary>
    public static void RequireLength(HttpRequest http)
    {
        if (http.ContentLength is null && !http.Headers.ContainsKey("Transfer-Encoding"))
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
        return buffer.ToArray();
    }

    private static async ValueTask<string> ReadTextAsync(HttpRequest http, CancellationToken cancellation)
    {
        var bytes = await ReadBytesAsync(http, cancellation);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw Undecodable();
        }
    }

    private static HttpError Undecodable() =>
        new(400, "The request entity could not be decoded. The following charsets were attempted: ['utf-8']");
}
