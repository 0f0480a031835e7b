using System.Text;
using Microsoft.AspNetCore.Http;

namespace Cherry;

/// <summary>
/// The response being built: CherryPy's <c>cherrypy.response</c>. The status is validated and the body
/// written only at finalize, so tools at <see cref="HookPoint.BeforeFinalize"/> can still change both.
/// </summary>
public sealed class Response
{
    private readonly HttpResponse _http;
    private EncodedHeaderDictionary? _headers;

    internal Response(HttpResponse http)
    {
        _http = http;
    }

    /// <summary>
    /// The status as CherryPy takes it: a code (<c>"201"</c>) or a code and reason (<c>"299 Custom"</c>).
    /// Checked at finalize; an illegal value becomes a 500.
    /// </summary>
    public string? Status { get; set; }

    /// <summary>Sets <see cref="Status"/> from a code.</summary>
    public int StatusCode
    {
        set => Status = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The response headers. A value is made fit for the wire when it is assigned, as CherryPy makes it when it
    /// writes the headers: control characters dropped, non-ASCII text sent as an RFC 2047 word.
    /// </summary>
    public IHeaderDictionary Headers => _headers ??= new EncodedHeaderDictionary(_http.Headers);

    public IResponseCookies Cookies => _http.Cookies;

    private ReadOnlyMemory<byte> _body;
    private string? _text;

    // One field for whichever sequence or writer the body is (few responses have one), told apart by its kind.
    private object? _sequence;
    private SequenceKind _sequenceKind;
    private long _writerLength = -1;

    private enum SequenceKind : byte
    {
        None,
        Bytes,
        Text,
        Objects,
        Writer,
    }

    private T? SequenceOf<T>(SequenceKind kind) where T : class => _sequenceKind == kind ? (T)_sequence! : null;

    private void SetSequence(SequenceKind kind, object? sequence)
    {
        _sequence = sequence;
        _sequenceKind = sequence is null ? SequenceKind.None : kind;
    }

    /// <summary>
    /// The buffered body, so that finalize-time tools (gzip, etags, caching) can see it. Text set through
    /// <see cref="SetText"/> is encoded with <see cref="TextEncoding"/> the first time the body is read.
    /// </summary>
    public ReadOnlyMemory<byte> Body
    {
        get
        {
            if (_text is not null)
            {
                _body = TextEncoding.GetBytes(_text);
                _text = null;
            }
            return _body;
        }
        set
        {
            _body = value;
            _text = null;
            SetSequence(SequenceKind.None, null);
            _writerLength = -1;
        }
    }

    /// <summary>The encoding for text bodies; the encode tool chooses it from Accept-Charset. UTF-8 by default.</summary>
    public Encoding TextEncoding { get; set; } = Encoding.UTF8;

    /// <summary>Text not yet encoded, or null; the encode tool tries charsets on it.</summary>
    public string? PendingText => _text;

    /// <summary>True when the body is a sequence written as it is produced, without a Content-Length.</summary>
    public bool IsStreamed => _sequenceKind != SequenceKind.None;

    /// <summary>
    /// CherryPy's <c>response.stream</c>: true to write a sequence the handler returns (<c>IEnumerable</c>,
    /// <c>IAsyncEnumerable</c>) as it is produced, chunked. False by default: the sequence is collected as soon as the
    /// handler returns, so the answer has a Content-Length, finalize-time tools see the whole body, and an exception
    /// inside the sequence is still a 500 page. Set from the configuration key <c>response.stream</c>; a handler that
    /// sets it must do so before it returns the sequence (an iterator's own body runs only as it is read).
    /// </summary>
    public bool Streaming { get; set; }

    /// <summary>
    /// A body written straight to the connection (a file sent with sendfile, a range of a stream); null otherwise.
    /// Tools leave such a body alone: it is never buffered.
    /// </summary>
    public Func<HttpResponse, CancellationToken, Task>? Writer => SequenceOf<Func<HttpResponse, CancellationToken, Task>>(SequenceKind.Writer);

    /// <summary>The length of the <see cref="Writer"/> body when known, for Content-Length.</summary>
    public long? WriterLength => _writerLength < 0 ? null : _writerLength;

    /// <summary>Sets a body that writes itself to the connection, with its length when known.</summary>
    public void SetWriter(Func<HttpResponse, CancellationToken, Task> writer, long? length)
    {
        Body = ReadOnlyMemory<byte>.Empty;
        SetSequence(SequenceKind.Writer, writer);
        _writerLength = length ?? -1;
    }

    /// <summary>
    /// Whether nested sequences in an object stream are written element by element (the flatten tool sets it);
    /// otherwise a nested sequence is an error, as in CherryPy without <c>tools.flatten</c>.
    /// </summary>
    public bool FlattenNested { get; set; }

    /// <summary>
    /// The streamed body: chunks written as they come, text chunks encoded with <see cref="TextEncoding"/>.
    /// Tools may wrap it (gzip does) without buffering it.
    /// </summary>
    public IAsyncEnumerable<ReadOnlyMemory<byte>>? Stream
    {
        get => _sequenceKind switch
        {
            SequenceKind.Bytes => (IAsyncEnumerable<ReadOnlyMemory<byte>>)_sequence!,
            SequenceKind.Text => EncodeChunks((IAsyncEnumerable<string>)_sequence!, TextEncoding),
            SequenceKind.Objects => EncodeObjects((IAsyncEnumerable<object?>)_sequence!, TextEncoding, FlattenNested),
            _ => null,
        };
        set
        {
            SetSequence(SequenceKind.Bytes, value);
            _writerLength = -1;
            _text = null;
            _body = ReadOnlyMemory<byte>.Empty;
        }
    }

    public string? ContentType
    {
        get => _http.Headers.ContentType;
        set => _http.Headers.ContentType = EncodedHeaderDictionary.Encode(value);
    }

    /// <summary>Sets one header as <see cref="Headers"/> would, without making its wrapper.</summary>
    internal void SetHeader(string name, string? value) => SetEncodedHeader(name, EncodedHeaderDictionary.Encode(value));

    /// <summary>Sets one header whose value is already fit for the wire (<see cref="EncodedHeaderDictionary.Encode(string?)"/>).</summary>
    internal void SetEncodedHeader(string name, string? value) => _http.Headers[name] = value;

    /// <summary>Sets a text body (the encode tool adds <c>;charset=...</c> to <c>text/*</c> at finalize).</summary>
    public void SetText(string? text)
    {
        Body = ReadOnlyMemory<byte>.Empty;
        _text = text;
    }

    /// <summary>Streams a sequence of strings, byte arrays and (with the flatten tool) nested sequences of them.</summary>
    public void SetObjectStream(IAsyncEnumerable<object?> items)
    {
        Body = ReadOnlyMemory<byte>.Empty;
        SetSequence(SequenceKind.Objects, items);
    }

    /// <summary>Streams text chunks, encoded as they are written.</summary>
    public void SetTextStream(IAsyncEnumerable<string> chunks)
    {
        Body = ReadOnlyMemory<byte>.Empty;
        SetSequence(SequenceKind.Text, chunks);
    }

    /// <summary>
    /// Unless <see cref="Streaming"/> is on, reads a sequence body to its end: text chunks become pending text (the
    /// encode tool still chooses its charset), anything with bytes in it becomes the buffered body.
    /// </summary>
    internal async ValueTask CollectAsync(CancellationToken cancellation)
    {
        if (Streaming)
        {
            return;
        }
        if (SequenceOf<IAsyncEnumerable<string>>(SequenceKind.Text) is { } chunks)
        {
            var text = new StringBuilder();
            await foreach (var chunk in chunks.WithCancellation(cancellation))
            {
                text.Append(chunk);
            }
            SetText(text.ToString());
        }
        else if (SequenceOf<IAsyncEnumerable<object?>>(SequenceKind.Objects) is { } objects)
        {
            var items = new List<object>();
            await foreach (var item in Items(objects, FlattenNested).WithCancellation(cancellation))
            {
                items.Add(item);
            }
            if (items.TrueForAll(i => i is string))
            {
                SetText(string.Concat(items.Cast<string>()));
            }
            else
            {
                Body = Concat(items.Select(i => i is string text ? TextEncoding.GetBytes(text) : (ReadOnlyMemory<byte>)i));
            }
        }
        else if (SequenceOf<IAsyncEnumerable<ReadOnlyMemory<byte>>>(SequenceKind.Bytes) is { } stream)
        {
            var parts = new List<ReadOnlyMemory<byte>>();
            await foreach (var chunk in stream.WithCancellation(cancellation))
            {
                parts.Add(chunk);
            }
            Body = Concat(parts);
        }
    }

    private static byte[] Concat(IEnumerable<ReadOnlyMemory<byte>> parts)
    {
        using var buffer = new MemoryStream();
        foreach (var part in parts)
        {
            buffer.Write(part.Span);
        }
        return buffer.ToArray();
    }

    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> EncodeChunks(IAsyncEnumerable<string> chunks, Encoding encoding)
    {
        await foreach (var chunk in chunks)
        {
            yield return encoding.GetBytes(chunk);
        }
    }

    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> EncodeObjects(IAsyncEnumerable<object?> items, Encoding encoding, bool flatten)
    {
        await foreach (var item in Items(items, flatten))
        {
            yield return item is string text ? encoding.GetBytes(text) : (ReadOnlyMemory<byte>)item;
        }
    }

    /// <summary>The elements of an object sequence, each a string or <see cref="ReadOnlyMemory{T}"/> of bytes; nested sequences walked when flattening.</summary>
    private static async IAsyncEnumerable<object> Items(IAsyncEnumerable<object?> items, bool flatten)
    {
        await foreach (var item in items)
        {
            switch (item)
            {
                case null:
                    break;
                case string text:
                    yield return text;
                    break;
                case byte[] bytes:
                    yield return (ReadOnlyMemory<byte>)bytes;
                    break;
                case ReadOnlyMemory<byte> memory:
                    yield return memory;
                    break;
                case IAsyncEnumerable<object?> nested when flatten:
                    await foreach (var chunk in Items(nested, flatten))
                    {
                        yield return chunk;
                    }
                    break;
                case System.Collections.IEnumerable nested when flatten:
                    await foreach (var chunk in Items(AsAsync(nested), flatten))
                    {
                        yield return chunk;
                    }
                    break;
                default:
                    throw new InvalidOperationException(
                        $"A body element of type {item.GetType().Name} cannot be written; yield strings or bytes, or turn on the flatten tool for nested sequences.");
            }
        }
    }

    private static async IAsyncEnumerable<object?> AsAsync(System.Collections.IEnumerable items)
    {
        foreach (var item in items)
        {
            yield return item;
        }
        await Task.CompletedTask;
    }
}
