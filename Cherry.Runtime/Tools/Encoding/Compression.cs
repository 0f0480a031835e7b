using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Cherry;

/// <summary>gzip and brotli over buffered and streamed bodies; a stream is compressed chunk by chunk, never buffered whole.</summary>
internal static class Compression
{
    /// <summary>
    /// A gzip member holding no data (RFC 1952: header, an empty final deflate block, CRC and size of zero).
    /// <see cref="GZipStream"/> writes no bytes at all when none were written to it, and no bytes are no gzip stream.
    /// </summary>
    private static readonly byte[] EmptyGzip = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0];

    public static byte[] Compress(ReadOnlyMemory<byte> body, string coding, CompressionLevel level)
    {
        using var output = new MemoryStream();
        using (var compressor = Create(coding, output, level))
        {
            compressor.Write(body.Span);
        }
        return NeedsEmptyMember(coding, body.Length) ? EmptyGzip : output.ToArray();
    }

    public static async IAsyncEnumerable<ReadOnlyMemory<byte>> CompressStream(IAsyncEnumerable<ReadOnlyMemory<byte>> chunks, string coding, CompressionLevel level)
    {
        var buffer = new MemoryStream();
        var compressor = Create(coding, buffer, level);
        var written = 0L;
        try
        {
            await foreach (var chunk in chunks)
            {
                if (chunk.IsEmpty)
                {
                    // Nothing to deliver, and a gzip compressor flushed before any data never ends its stream.
                    continue;
                }
                await compressor.WriteAsync(chunk);
                written += chunk.Length;
                // A flush ends the deflate block so that what the client has received so far decodes.
                await compressor.FlushAsync();
                if (buffer.Length > 0)
                {
                    yield return buffer.ToArray();
                    buffer.SetLength(0);
                }
            }
        }
        finally
        {
            await compressor.DisposeAsync();
        }
        if (buffer.Length > 0)
        {
            yield return buffer.ToArray();
        }
        else if (NeedsEmptyMember(coding, written))
        {
            yield return EmptyGzip;
        }
    }

    /// <summary>What <paramref name="writer"/> would send (a file, through sendfile), read into memory.</summary>
    public static async Task<byte[]> CaptureAsync(HttpContext context, Func<HttpResponse, CancellationToken, Task> writer, CancellationToken cancellation)
    {
        using var buffer = new MemoryStream();
        var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var capture = new StreamResponseBodyFeature(buffer);
        context.Features.Set<IHttpResponseBodyFeature>(capture);
        try
        {
            await writer(context.Response, cancellation);
            await capture.CompleteAsync();
        }
        finally
        {
            context.Features.Set(original);
        }
        return buffer.ToArray();
    }

    /// <summary><paramref name="writer"/>'s body compressed on its way to the connection.</summary>
    public static Func<HttpResponse, CancellationToken, Task> CompressWriter(Func<HttpResponse, CancellationToken, Task> writer, string coding, CompressionLevel level) =>
        async (http, cancellation) =>
        {
            var context = http.HttpContext;
            var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
            var compressor = Create(coding, original.Stream, level);
            var input = new CountingStream(compressor);
            await using (compressor)
            {
                var compressing = new StreamResponseBodyFeature(input);
                context.Features.Set<IHttpResponseBodyFeature>(compressing);
                try
                {
                    await writer(http, cancellation);
                    await compressing.CompleteAsync();
                }
                finally
                {
                    context.Features.Set(original);
                }
            }
            if (NeedsEmptyMember(coding, input.Written))
            {
                await original.Stream.WriteAsync(EmptyGzip, cancellation);
            }
        };

    /// <summary>True when no byte was compressed into gzip, so the compressor wrote nothing: the body is then <see cref="EmptyGzip"/>.</summary>
    private static bool NeedsEmptyMember(string coding, long written) => written == 0 && coding == "gzip";

    private static Stream Create(string coding, Stream output, CompressionLevel level) => coding == "br"
        ? new BrotliStream(output, level, leaveOpen: true)
        : new GZipStream(output, level, leaveOpen: true);
}
