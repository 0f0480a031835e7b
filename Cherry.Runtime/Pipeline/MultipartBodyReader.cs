using System.Buffers;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Cherry;

/// <summary>
/// CherryPy's multipart processing, parsed by ASP.NET Core's <see cref="MultipartReader"/> and streamed part by part.
/// For <c>multipart/form-data</c> each named part becomes a parameter: a field with its decoded text, a file (a part
/// with a file name) with its <see cref="Part"/> and its file name as the text; parts with no name are skipped. For any
/// other multipart type (<c>multipart/mixed</c>) parts with no name are parameters named <c>parts</c>, as in CherryPy.
/// Each part stays in memory up to <see cref="MultipartOptions.MemoryThreshold"/> and goes to a temporary file beyond
/// it; every file is registered for deletion with the response before a byte is written to it.
/// </summary>
internal static class MultipartBodyReader
{
    /// <summary>CherryPy's name for the parts of a non-form multipart body that have no name.</summary>
    public const string UnnamedParts = "parts";

    private const int ChunkSize = 16 * 1024;

    public static async ValueTask ReadAsync(Request request, HttpRequest http, string contentType)
    {
        var type = HeaderElement.Parse(contentType);
        var formData = type.Value.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);
        var boundary = type.Parameter("boundary") ?? "";
        if (!IsValidBoundary(boundary))
        {
            throw new HttpError(400, "Invalid boundary in multipart body: '" + boundary + "'.");
        }
        var options = request.App.Multipart;
        // The part-size limit is this reader's own (MaxBodySize), counted over all parts, so the section limit is off.
        var reader = new MultipartReader(boundary, http.Body) { BodyLengthLimit = null };
        var budget = new Budget(options.MaxBodySize);
        while (await reader.ReadNextSectionAsync(request.Aborted) is { } section)
        {
            var headers = new Dictionary<string, StringValues>(section.Headers ?? [], StringComparer.OrdinalIgnoreCase);
            var (name, fileName) = ReadDisposition(headers);
            if (name is null && formData)
            {
                // CherryPy keeps a form-data part with no name out of the parameters.
                await DrainAsync(section.Body, budget, request.Aborted);
                continue;
            }
            var part = new Part(name, fileName, headers);
            http.HttpContext.Response.RegisterForDisposeAsync(part);
            await SpoolAsync(part, section.Body, options, budget, request.Aborted);
            var text = fileName ?? await DecodeAsync(part, request.BodyCharsets, request.Aborted);
            request.Parameters.Add(new Parameter(name ?? UnnamedParts, text, ParameterSource.Body) { Part = part });
        }
    }

    /// <summary>CherryPy's rule: 1 to 201 printable ASCII characters, not ending in a space (RFC 2046 allows at most 70).</summary>
    private static bool IsValidBoundary(string boundary) =>
        boundary.Length is > 0 and <= 201 && boundary[^1] != ' ' && !boundary.AsSpan().ContainsAnyExceptInRange(' ', '~');

    /// <summary>The part's name and file name; <c>filename*</c> (RFC 5987/2231, any charset) wins over <c>filename</c>.</summary>
    private static (string? Name, string? FileName) ReadDisposition(Dictionary<string, StringValues> headers)
    {
        if (!headers.TryGetValue("Content-Disposition", out var value) || StringValues.IsNullOrEmpty(value))
        {
            return (null, null);
        }
        // Cherry's HeaderElement reads as CherryPy does: a quote inside a quoted file name ("file"name.csv") is kept.
        var disposition = HeaderElement.Parse(value.ToString());
        var fileName = disposition.Parameter("filename");
        if (disposition.Parameter("filename*") is { } extended)
        {
            fileName = DecodeExtended(extended);
        }
        return (disposition.Parameter("name"), fileName);
    }

    /// <summary><c>charset'language'percent-encoded</c>, as CherryPy's <c>unquote(value, charset)</c> reads it.</summary>
    private static string DecodeExtended(string value)
    {
        var fields = value.Split('\'');
        if (fields.Length != 3 || Charsets.Find(fields[0]) is not { } encoding)
        {
            throw new HttpError(400, "Bad part header: the file name '" + value + "' is not charset'language'percent-encoded text in a known charset.");
        }
        var encoded = fields[2];
        var bytes = new byte[encoded.Length];
        var count = 0;
        for (var i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] == '%' && i + 2 < encoded.Length
                && byte.TryParse(encoded.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var escaped))
            {
                bytes[count++] = escaped;
                i += 2;
            }
            else if (encoded[i] <= 0x7F)
            {
                bytes[count++] = (byte)encoded[i];
            }
            else
            {
                throw new HttpError(400, "Bad part header: the file name '" + value + "' has characters that are not percent-encoded.");
            }
        }
        try
        {
            return encoding.GetString(bytes, 0, count);
        }
        catch (DecoderFallbackException)
        {
            throw new HttpError(400, "Bad part header: the file name '" + value + "' is not valid " + fields[0] + ".");
        }
    }

    /// <summary>Copies the part's content into memory, moving it to a temporary file once it passes the threshold.</summary>
    private static async ValueTask SpoolAsync(Part part, Stream body, MultipartOptions options, Budget budget, CancellationToken cancellation)
    {
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        MemoryStream? memory = new();
        FileStream? file = null;
        long length = 0;
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk.AsMemory(0, ChunkSize), cancellation)) > 0)
            {
                budget.Spend(read);
                length += read;
                if (file is null && length > options.MemoryThreshold)
                {
                    var path = Path.Combine(options.TempDirectory ?? Path.GetTempPath(), "cherry-upload-" + Path.GetRandomFileName());
                    part.HoldInFile(path);
                    file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, ChunkSize, FileOptions.Asynchronous);
                    await file.WriteAsync(memory!.GetBuffer().AsMemory(0, (int)memory.Length), cancellation);
                    memory = null;
                }
                if (file is not null)
                {
                    await file.WriteAsync(chunk.AsMemory(0, read), cancellation);
                }
                else
                {
                    memory!.Write(chunk, 0, read);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
            if (file is not null)
            {
                await file.DisposeAsync();
            }
        }
        if (memory is not null)
        {
            part.HoldInMemory(memory.GetBuffer(), (int)memory.Length);
        }
        part.SetLength(length);
    }

    private static async ValueTask DrainAsync(Stream body, Budget budget, CancellationToken cancellation)
    {
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk.AsMemory(0, ChunkSize), cancellation)) > 0)
            {
                budget.Spend(read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    /// <summary>
    /// A field's text (CherryPy's <c>Part.fullvalue()</c>): its Content-Type charset first, then US-ASCII (MIME's default
    /// for a part), then the request's <see cref="Request.BodyCharsets"/> (UTF-8 unless the decode tool changed it), which
    /// by default is CherryPy's <c>Part.attempt_charsets</c>; bytes none of them decodes are a 400 naming the charsets tried.
    /// </summary>
    private static async ValueTask<string> DecodeAsync(Part part, IReadOnlyList<string> bodyCharsets, CancellationToken cancellation)
    {
        var bytes = await part.ReadAllBytesAsync(cancellation);
        var attempted = new List<string>(bodyCharsets.Count + 2);
        if (HeaderElement.Parse(part.ContentType).Parameter("charset") is { Length: > 0 } declared)
        {
            attempted.Add(declared);
        }
        foreach (var charset in bodyCharsets.Prepend("us-ascii"))
        {
            if (!attempted.Contains(charset, StringComparer.OrdinalIgnoreCase))
            {
                attempted.Add(charset);
            }
        }
        foreach (var charset in attempted)
        {
            // Python's codec lookup forgives quotes around the name (charset='ISO-8859-1').
            if (Charsets.Find(charset.Trim('\'', '"')) is not { } encoding)
            {
                continue;
            }
            try
            {
                return encoding.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
            }
        }
        throw RequestBodyReader.Undecodable(attempted);
    }

    /// <summary>What is left of <see cref="MultipartOptions.MaxBodySize"/> for this body.</summary>
    private sealed class Budget(long? limit)
    {
        private long _spent;

        public void Spend(int bytes)
        {
            _spent += bytes;
            if (_spent > limit)
            {
                throw new HttpError(413, $"The multipart body holds more than {limit} bytes.");
            }
        }
    }
}
