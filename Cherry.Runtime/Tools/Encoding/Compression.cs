using System.IO.Compression;

namespace Cherry;

/// <summary>gzip and brotli over buffered and streamed bodies; a stream is compressed chunk by chunk, never buffered whole.</summary>
internal static class Compression
{
    public static byte[] Compress(ReadOnlyMemory<byte> body, string coding, CompressionLevel level)
    {
        using var output = new MemoryStream();
        using (var compressor = Create(coding, output, level))
        {
            compressor.Write(body.Span);
        }
        return output.ToArray();
    }

    public static async IAsyncEnumerable<ReadOnlyMemory<byte>> CompressStream(IAsyncEnumerable<ReadOnlyMemory<byte>> chunks, string coding, CompressionLevel level)
    {
        var buffer = new MemoryStream();
        var compressor = Create(coding, buffer, level);
        try
        {
            await foreach (var chunk in chunks)
            {
                await compressor.WriteAsync(chunk);
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
    }

    private static Stream Create(string coding, Stream output, CompressionLevel level) => coding == "br"
        ? new BrotliStream(output, level, leaveOpen: true)
        : new GZipStream(output, level, leaveOpen: true);
}
