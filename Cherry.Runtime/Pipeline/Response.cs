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

    internal Response(HttpResponse http) => _http = http;

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

    public IHeaderDictionary Headers => _http.Headers;

    public IResponseCookies Cookies => _http.Cookies;

    private ReadOnlyMemory<byte> _body;
    private string? _text;
    private IAsyncEnumerable<ReadOnlyMemory<byte>>? _stream;
    private IAsyncEnumerable<string>? _textStream;
    private IAsyncEnumerable<object?>? _objectStream;
    private Func<HttpResponse, CancellationToken, Task>? _writer;

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
            _stream = null;
            _textStream = null;
            _objectStream = null;
            _writer = null;
            WriterLength = null;
        }
    }

    /// <summary>The encoding for text bodies; the encode tool chooses it from Accept-Charset. UTF-8 by default.</summary>
    public Encoding TextEncoding { get; set; } = Encoding.UTF8;

    /// <summary>Text not yet encoded, or null; the encode tool tries charsets on it.</summary>
    public string? PendingText => _text;

    /// <summary>True when the body is written as it is produced, without a Content-Length (CherryPy's <c>response.stream</c>).</summary>
    public bool IsStreamed => _stream is not null || _textStream is not null || _objectStream is not null || _writer is not null;

    /// <summary>
    /// A body written straight to the connection (a file sent with sendfile, a range of a stream); null otherwise.
    /// Tools leave such a body alone: it is never buffered.
    /// </summary>
    public Func<HttpResponse, CancellationToken, Task>? Writer => _writer;

    /// <summary>The length of the <see cref="Writer"/> body when known, for Content-Length.</summary>
    public long? WriterLength { get; private set; }

    /// <summary>Sets a body that writes itself to the connection, with its length when known.</summary>
    public void SetWriter(Func<HttpResponse, CancellationToken, Task> writer, long? length)
    {
        Body = ReadOnlyMemory<byte>.Empty;
        _writer = writer;
        WriterLength = length;
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
        get => _stream
            ?? (_textStream is { } text ? EncodeChunks(text, TextEncoding)
            : _objectStream is { } objects ? EncodeObjects(objects, TextEncoding, FlattenNested) : null);
        set
        {
            _stream = value;
            _textStream = null;
            _text = null;
            _body = ReadOnlyMemory<byte>.Empty;
        }
    }

    public string? ContentType
    {
        get => _http.Headers.ContentType;
        set => _http.Headers.ContentType = value;
    }

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
        _objectStream = items;
    }

    /// <summary>Streams text chunks, encoded as they are written.</summary>
    public void SetTextStream(IAsyncEnumerable<string> chunks)
    {
        Body = ReadOnlyMemory<byte>.Empty;
        _textStream = chunks;
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
        await foreach (var item in items)
        {
            switch (item)
            {
                case null:
                    break;
                case string text:
                    yield return encoding.GetBytes(text);
                    break;
                case byte[] bytes:
                    yield return bytes;
                    break;
                case ReadOnlyMemory<byte> memory:
                    yield return memory;
                    break;
                case IAsyncEnumerable<object?> nested when flatten:
                    await foreach (var chunk in EncodeObjects(nested, encoding, flatten))
                    {
                        yield return chunk;
                    }
                    break;
                case System.Collections.IEnumerable nested when flatten:
                    await foreach (var chunk in EncodeObjects(AsAsync(nested), encoding, flatten))
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
