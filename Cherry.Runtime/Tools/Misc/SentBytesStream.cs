using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace Cherry;

/// <summary>
/// The response body as the access log sees it: counts the bytes the server took until the client went away. Kestrel
/// drops writes to a closed connection without an error, but its writer says so (a completed flush), at once and
/// without the request's abort token, which it cancels later on another thread.
/// </summary>
internal sealed class SentBytesStream(IHttpResponseBodyFeature server) : Stream
{
    // The server's response buffer by default: each slice's write waits until the socket has taken most of the one
    // before, so the count is what went out, give or take what the socket buffers.
    private const int Slice = 64 * 1024;

    private readonly PipeWriter _writer = server.Writer;

    public long Sent { get; private set; }

    /// <summary>True once a write found the connection closed: the response was cut short.</summary>
    public bool ClientGone { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (!buffer.IsEmpty && !ClientGone)
        {
            var slice = buffer[..Math.Min(buffer.Length, Slice)];
            if (!Taken(await _writer.WriteAsync(slice, cancellationToken)))
            {
                return;
            }
            Sent += slice.Length;
            buffer = buffer[slice.Length..];
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async Task FlushAsync(CancellationToken cancellationToken) => Taken(await _writer.FlushAsync(cancellationToken));

    // Synchronous writes go to the server's own stream, which refuses them unless the app allows them.
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        server.Stream.Write(buffer);
        Sent += buffer.Length;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Flush() => server.Stream.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private bool Taken(FlushResult result)
    {
        ClientGone |= result.IsCompleted;
        return !ClientGone;
    }
}
