using System.Buffers;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Cherry.Runtime.Tests;

/// <summary>
/// gzip and brotli with the codecs' own decoders as the oracle: whatever is compressed decompresses to what went in,
/// a stream's chunks decode as far as they have arrived, and a captured or wrapped writer leaves the response as it was.
/// </summary>
public sealed class CompressionTests
{
    private static byte[] Decompress(string coding, byte[] data, int? atLeast = null)
    {
        using Stream decoder = coding == "br"
            ? new BrotliStream(new MemoryStream(data), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        if (atLeast is { } count)
        {
            // A prefix of a stream has no end: read what it promises, no further.
            var buffer = new byte[count];
            decoder.ReadExactly(buffer);
            return buffer;
        }
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>
    /// The chunks, one at a time; before it gives the next, <paramref name="beforeNext"/> sees how many it gave, so a
    /// test can check what the consumer has received by then.
    /// </summary>
    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> Chunks(IEnumerable<byte[]> chunks, Action<int>? beforeNext = null)
    {
        var given = 0;
        foreach (var chunk in chunks)
        {
            await Task.Yield();
            if (given > 0)
            {
                beforeNext?.Invoke(given);
            }
            given++;
            yield return chunk;
        }
    }

    /// <summary>
    /// True when <paramref name="data"/> is a whole stream of <paramref name="length"/> plain bytes, end marker included:
    /// the decoders above stop quietly at a cut, so the end is checked on its own (gzip's size trailer, brotli's last block).
    /// </summary>
    private static bool IsComplete(string coding, byte[] data, int length)
    {
        if (coding == "br")
        {
            using var decoder = new BrotliDecoder();
            var output = new byte[length + 1];
            return decoder.Decompress(data, output, out var consumed, out var written) == System.Buffers.OperationStatus.Done
                && consumed == data.Length && written == length;
        }
        return data.Length >= 18 && data[0] == 0x1f && data[1] == 0x8b
            && System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(data.Length - 4)) == (uint)length;
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task A_compressed_stream_decodes_chunk_by_chunk_and_whole(string coding)
    {
        var random = new Random(1127);
        for (var run = 0; run < 40; run++)
        {
            var chunks = Enumerable.Range(0, random.Next(0, 8)).Select(_ =>
            {
                var chunk = new byte[random.Next(1, 3000)];
                // Half text (compressible), half noise.
                if (random.Next(2) == 0)
                {
                    random.NextBytes(chunk);
                }
                else
                {
                    Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("chunk ", chunk.Length / 6 + 1)), 0, chunk.Length, chunk, 0);
                }
                return chunk;
            }).ToList();
            var received = new MemoryStream();
            // Each chunk is flushed before the next is read: by then, what arrived decodes to every chunk read so far.
            void ArrivedBeforeNext(int given)
            {
                var expected = chunks.Take(given).SelectMany(c => c).ToArray();
                Assert.Equal(expected, Decompress(coding, received.ToArray(), expected.Length));
            }
            await foreach (var piece in Compression.CompressStream(Chunks(chunks, ArrivedBeforeNext), coding, CompressionLevel.Fastest))
            {
                Assert.False(piece.IsEmpty, "an empty chunk would end a chunked response");
                received.Write(piece.Span);
            }
            var whole = chunks.SelectMany(c => c).ToArray();
            Assert.Equal(whole, Decompress(coding, received.ToArray()));
            Assert.True(IsComplete(coding, received.ToArray(), whole.Length), $"the stream of {chunks.Count} chunks, {received.Length} bytes, ends with its end marker: {Convert.ToHexString(received.ToArray()[Math.Max(0, (int)received.Length - 12)..])}");
        }
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public void A_buffered_body_decodes_to_itself(string coding)
    {
        foreach (var text in new[] { "", "a", string.Concat(Enumerable.Repeat("Hello, gzip world! ", 100)) })
        {
            var body = Encoding.UTF8.GetBytes(text);
            var compressed = Compression.Compress(body, coding, CompressionLevel.Optimal);
            Assert.Equal(body, Decompress(coding, compressed));
            Assert.True(IsComplete(coding, compressed, body.Length), $"{coding} of {body.Length} bytes ends with its end marker");
        }
    }

    private static (DefaultHttpContext Context, MemoryStream Wire, IHttpResponseBodyFeature Original) NewContext()
    {
        var context = new DefaultHttpContext();
        var wire = new MemoryStream();
        var original = new StreamResponseBodyFeature(wire);
        context.Features.Set<IHttpResponseBodyFeature>(original);
        return (context, wire, original);
    }

    /// <summary>A writer as a file send is: through the pipe, without flushing it itself.</summary>
    private static Task WriteUnflushed(HttpResponse response, CancellationToken cancellation)
    {
        response.BodyWriter.Write("hello, "u8);
        response.BodyWriter.Write("pipe"u8);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Capturing_a_writer_gets_all_it_wrote_and_puts_the_response_back()
    {
        var (context, wire, original) = NewContext();
        var captured = await Compression.CaptureAsync(context, WriteUnflushed, default);
        Assert.Equal("hello, pipe", Encoding.ASCII.GetString(captured));
        Assert.Same(original, context.Features.Get<IHttpResponseBodyFeature>());
        Assert.Equal(0, wire.Length);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task A_compressing_writer_sends_all_its_writer_wrote_and_puts_the_response_back(string coding)
    {
        var (context, wire, original) = NewContext();
        await Compression.CompressWriter(WriteUnflushed, coding, CompressionLevel.Fastest)(context.Response, default);
        Assert.Same(original, context.Features.Get<IHttpResponseBodyFeature>());
        Assert.Equal("hello, pipe", Encoding.ASCII.GetString(Decompress(coding, wire.ToArray())));
        Assert.True(IsComplete(coding, wire.ToArray(), "hello, pipe".Length));
    }

    /// <summary>A file object of unknown length that turns out empty still goes as a whole stream of its coding.</summary>
    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task A_compressing_writer_that_writes_nothing_sends_an_empty_stream(string coding)
    {
        var (context, wire, _) = NewContext();
        await Compression.CompressWriter((_, _) => Task.CompletedTask, coding, CompressionLevel.Fastest)(context.Response, default);
        Assert.Empty(Decompress(coding, wire.ToArray()));
        Assert.True(IsComplete(coding, wire.ToArray(), 0), Convert.ToHexString(wire.ToArray()));
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task A_stream_of_empty_chunks_is_an_empty_stream_of_its_coding(string coding)
    {
        var received = new MemoryStream();
        await foreach (var piece in Compression.CompressStream(Chunks([[], [], []]), coding, CompressionLevel.Fastest))
        {
            received.Write(piece.Span);
        }
        Assert.Empty(Decompress(coding, received.ToArray()));
        Assert.True(IsComplete(coding, received.ToArray(), 0), Convert.ToHexString(received.ToArray()));
    }

    [Theory]
    [InlineData(0, CompressionLevel.NoCompression)]
    [InlineData(1, CompressionLevel.Fastest)]
    [InlineData(3, CompressionLevel.Fastest)]
    [InlineData(4, CompressionLevel.Optimal)]
    [InlineData(6, CompressionLevel.Optimal)]
    [InlineData(7, CompressionLevel.SmallestSize)]
    [InlineData(9, CompressionLevel.SmallestSize)]
    public void Zlibs_levels_map_onto_dotnets_four_in_bands(int compressLevel, CompressionLevel level) =>
        Assert.Equal(level, GzipTool.Level(compressLevel));
}
