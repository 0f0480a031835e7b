using Microsoft.Extensions.Primitives;

namespace Cherry;

/// <summary>
/// One part of a multipart request body (CherryPy's <c>_cpreqbody.Part</c>): an uploaded file, or a field or
/// <c>multipart/mixed</c> part when a handler asks for it as a <see cref="Part"/>. Declare a handler parameter of this
/// type (or an array of it, for a name sent several times) to read an upload. Its bytes are in memory or, beyond
/// <see cref="MultipartOptions.MemoryThreshold"/>, in a temporary file that is deleted once the response is sent.
/// </summary>
public sealed class Part : IAsyncDisposable
{
    private byte[]? _buffer;
    private string? _path;

    internal Part(string? name, string? fileName, IReadOnlyDictionary<string, StringValues> headers)
    {
        Name = name;
        FileName = fileName;
        Headers = headers;
        ContentType = headers.TryGetValue("Content-Type", out var type) && !StringValues.IsNullOrEmpty(type)
            ? type.ToString()
            : "text/plain";
    }

    /// <summary>The <c>name</c> of its Content-Disposition; null for a part that has none (a <c>multipart/mixed</c> part).</summary>
    public string? Name { get; }

    /// <summary>
    /// The file name the client sent (<c>filename</c>, or the RFC 5987 <c>filename*</c>, which wins), as sent: it is the
    /// client's text, never a safe path. Null for a field.
    /// </summary>
    public string? FileName { get; }

    /// <summary>True for an uploaded file (the part has a file name).</summary>
    public bool IsFile => FileName is not null;

    /// <summary>The part's Content-Type header; <c>text/plain</c> when it has none, as MIME says.</summary>
    public string ContentType { get; }

    /// <summary>The part's own headers (Content-Disposition, Content-Type, ...), names compared ignoring case.</summary>
    public IReadOnlyDictionary<string, StringValues> Headers { get; }

    /// <summary>The size of the part's content in bytes.</summary>
    public long Length { get; private set; }

    /// <summary>True while the content is held in memory; false once it was spooled to a temporary file.</summary>
    public bool IsInMemory => _path is null;

    /// <summary>A new read-only stream over the content, from its start; the caller disposes it.</summary>
    public Stream OpenReadStream() => _path is null
        ? new MemoryStream(_buffer ?? [], 0, (int)Length, writable: false)
        : new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 16 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);

    /// <summary>The whole content as bytes.</summary>
    public async Task<byte[]> ReadAllBytesAsync(CancellationToken cancellationToken = default) =>
        _path is null ? (_buffer ?? []).AsSpan(0, (int)Length).ToArray() : await File.ReadAllBytesAsync(_path, cancellationToken);

    /// <summary>Deletes the temporary file, if any; Cherry calls it when the response has been sent.</summary>
    public ValueTask DisposeAsync()
    {
        if (_path is { } path)
        {
            // A file already gone (deleted twice, or never created when the body broke off) is no error.
            File.Delete(path);
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>The content is the first <paramref name="length"/> bytes of <paramref name="buffer"/>.</summary>
    internal void HoldInMemory(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    /// <summary>The content is (being) written to <paramref name="path"/>, which <see cref="DisposeAsync"/> deletes.</summary>
    internal void HoldInFile(string path) => _path = path;

    internal void SetLength(long length) => Length = length;
}
