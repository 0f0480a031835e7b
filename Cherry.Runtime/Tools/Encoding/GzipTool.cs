using System.IO.Compression;

namespace Cherry;

/// <summary>
/// CherryPy's <c>gzip</c> (before_finalize 80), with brotli added: compresses responses whose type is in
/// <see cref="GzipOptions.MimeTypes"/> (<c>type/*</c> and <c>type/*+suffix</c> allowed) for clients that accept gzip or br,
/// always adds <c>Vary: Accept-Encoding</c>, and streams a streamed body chunk by chunk. Error pages (an
/// <see cref="HttpError"/>'s) are compressed too, as in CherryPy. A file (a <see cref="Response.Writer"/> body) is
/// compressed whole when it is at most <see cref="MaxBufferedFile"/> bytes, so the answer keeps a Content-Length and
/// the caching tool can store it, and as it is sent when larger; a range of it (206) is sent as it is.
/// Unlike CherryPy, identity stays acceptable unless the client refuses it (<c>identity;q=0</c>, or <c>*;q=0</c>
/// without identity), so <c>Accept-Encoding: br</c> for a type it does not compress is answered, not refused.
/// </summary>
public sealed partial class GzipTool : HookTool
{
    /// <summary>The largest file compressed in memory; a larger one is compressed as it is sent, without a Content-Length.</summary>
    public const long MaxBufferedFile = 1024 * 1024;

    public override async ValueTask RunAsync(Request request)
    {
        var response = request.Response;
        Vary.Add(response.Headers, "Accept-Encoding");
        if (request.Cached || (!response.IsStreamed && response.Body.IsEmpty) || response.Headers.ContainsKey("Content-Range"))
        {
            return;
        }
        string? coding;
        try
        {
            coding = Choose(request.Headers.AcceptEncoding.ToString(), MediaTypes.Of(response.ContentType));
        }
        catch (HttpError) when (request.IsErrorResponse)
        {
            // The error page of this tool's own refusal (406, or 400 for the header): sent as it is.
            return;
        }
        if (coding is null)
        {
            return;
        }
        response.Headers.ContentEncoding = coding;
        var level = Level(Options.CompressLevel);
        if (response.Writer is { } writer)
        {
            if (response.WriterLength is <= MaxBufferedFile)
            {
                response.Body = Compression.Compress(await Compression.CaptureAsync(request.HttpContext, writer, request.Aborted), coding, level);
            }
            else
            {
                response.SetWriter(Compression.CompressWriter(writer, coding, level), null);
            }
        }
        else if (response.Stream is { } stream)
        {
            response.Stream = Compression.CompressStream(stream, coding, level);
        }
        else
        {
            response.Body = Compression.Compress(response.Body, coding, level);
        }
    }

    /// <returns>"gzip" or "br" to compress; null for identity.</returns>
    /// <exception cref="HttpError">406 when the client refuses identity and every coding offered; 400 for a malformed header.</exception>
    private string? Choose(string acceptEncoding, string mediaType)
    {
        if (acceptEncoding.Length == 0)
        {
            return null;
        }
        IReadOnlyList<Http.AcceptElement> elements;
        try
        {
            elements = Http.HeaderElements.ParseAccept("Accept-Encoding", acceptEncoding);
        }
        catch (Http.HeaderFormatException ex)
        {
            throw ex.ToHttpError();
        }
        var compressible = MediaTypes.Matches(Options.MimeTypes, mediaType);
        foreach (var element in elements)
        {
            if (element.Quality <= 0)
            {
                continue;
            }
            switch (element.Value.ToLowerInvariant())
            {
                case "identity":
                    return null;
                case "gzip" or "x-gzip" or "*":
                    return compressible ? "gzip" : null;
                case "br" when Options.Brotli:
                    return compressible ? "br" : null;
            }
        }
        var identityRefused = elements.Any(e => e.Value.Equals("identity", StringComparison.OrdinalIgnoreCase) && e.Quality <= 0)
            || (elements.Any(e => e.Value == "*" && e.Quality <= 0) && !elements.Any(e => e.Value.Equals("identity", StringComparison.OrdinalIgnoreCase)));
        return identityRefused ? throw new HttpError(406, Options.Brotli ? "identity, gzip, br" : "identity, gzip") : null;
    }

    /// <summary>zlib's levels (CherryPy's compress_level, 0 to 9) as .NET's four.</summary>
    internal static CompressionLevel Level(int level) => level switch
    {
        0 => CompressionLevel.NoCompression,
        <= 3 => CompressionLevel.Fastest,
        <= 6 => CompressionLevel.Optimal,
        _ => CompressionLevel.SmallestSize,
    };
}
