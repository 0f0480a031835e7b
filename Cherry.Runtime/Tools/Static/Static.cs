using System.Globalization;
using System.Text;
using Cherry.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;

namespace Cherry;

/// <summary>
/// CherryPy's <c>lib.static</c> helpers for handlers and the static tools: files and streams with Last-Modified,
/// ETag, conditional requests, byte ranges (single, multipart/byteranges, 416) and HEAD. Files go out
/// with sendfile and are never read into memory. Ranges are served as asked, overlapping or out of order (as CherryPy
/// does), unless they would amplify the output: more than <see cref="MaxRanges"/> of them, or more bytes in all than the
/// entity holds. Those are coalesced, and if more than <see cref="MaxRanges"/> remain the whole entity is sent
/// (RFC 9110 §14.2 allows either; CherryPy serves any ranges as asked).
/// </summary>
public static class Static
{
    /// <summary>
    /// More ranges than this in one request are coalesced; if more than this remain, the Range header is ignored.
    /// </summary>
    public const int MaxRanges = 16;

    private static readonly FileExtensionContentTypeProvider ContentTypes = CreateProvider();

    /// <summary>Serves a file; a missing file or a directory is a 404.</summary>
    /// <param name="disposition"><c>attachment</c> or <c>inline</c> adds Content-Disposition with <paramref name="name"/> (the file's name by default).</param>
    /// <param name="contentTypes">Extension (without dot) to type overrides, as in <c>tools.staticdir.content_types</c>.</param>
    public static void ServeFile(Request request, string path, string? contentType = null, string? disposition = null, string? name = null,
        IReadOnlyDictionary<string, string>? contentTypes = null)
    {
        if (!Path.IsPathRooted(path))
        {
            throw new ArgumentException($"'{path}' is not an absolute path.", nameof(path));
        }
        // The status and the send must read the same path: the OS may stat 'a.txt/' as 'a.txt', but cannot open it.
        if (Path.EndsInDirectorySeparator(path))
        {
            throw new NotFound();
        }
        var file = new FileInfo(path);
        ServeFile(request, file.FullName, file, contentType, disposition, name, contentTypes);
    }

    /// <summary>Serves the file at the full path <paramref name="path"/>, whose status <paramref name="file"/> holds (read by the caller).</summary>
    internal static void ServeFile(Request request, string path, FileInfo file, string? contentType, string? disposition, string? name,
        IReadOnlyDictionary<string, string>? contentTypes)
    {
        if (!file.Exists)
        {
            throw new NotFound();
        }
        var response = request.Response;
        var modified = file.LastWriteTimeUtc;
        var lastModified = new DateTimeOffset(modified.Ticks - (modified.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        response.Headers.LastModified = HttpDate.Format(lastModified);
        response.Headers.ETag = "\"" + lastModified.UtcTicks.ToString("x", CultureInfo.InvariantCulture) + "-" + file.Length.ToString("x", CultureInfo.InvariantCulture) + "\"";
        Conditional.ValidateSince(request);
        Conditional.ValidateEtags(request);
        response.ContentType = contentType ?? GuessType(path, contentTypes);
        if (disposition is not null)
        {
            response.Headers.ContentDisposition = ContentDisposition(disposition, name ?? Path.GetFileName(path));
        }
        var filePath = path;
        ServeRanges(request, file.Length, (offset, count) => (http, cancellation) => http.SendFileAsync(filePath, offset, count, cancellation));
        request.Handled = true;
    }

    /// <summary>Serves a file as a download: <c>application/x-download</c>, attachment.</summary>
    public static void ServeDownload(Request request, string path, string? name = null) =>
        ServeFile(request, path, "application/x-download", "attachment", name);

    /// <summary>
    /// Serves a stream. A seekable stream has a Content-Length and answers ranges; a FileStream also has
    /// Last-Modified. The stream is disposed once written.
    /// </summary>
    public static void ServeFileObj(Request request, Stream stream, string? contentType = null, string? disposition = null, string? name = null)
    {
        var response = request.Response;
        response.ContentType = contentType ?? "application/octet-stream";
        if (disposition is not null && name is not null)
        {
            response.Headers.ContentDisposition = ContentDisposition(disposition, name);
        }
        if (stream is FileStream fileStream)
        {
            response.Headers.LastModified = HttpDate.Format(File.GetLastWriteTimeUtc(fileStream.Name));
            Conditional.ValidateSince(request);
        }
        request.HttpContext.Response.RegisterForDispose(stream);
        if (!stream.CanSeek)
        {
            response.SetWriter((http, cancellation) => stream.CopyToAsync(http.Body, cancellation), null);
        }
        else
        {
            var origin = stream.Position;
            ServeRanges(request, stream.Length - origin, (offset, count) => async (http, cancellation) =>
            {
                stream.Position = origin + offset;
                await CopySegmentAsync(stream, http.Body, count, cancellation);
            });
        }
        request.Handled = true;
    }

    /// <summary>
    /// Content-Disposition per RFC 6266: an ASCII <c>filename</c> (CherryPy's NFKC-then-ASCII form) and, for other names,
    /// <c>filename*=UTF-8''...</c>.
    /// </summary>
    public static string ContentDisposition(string disposition, string name)
    {
        var ascii = new string(name.Normalize(NormalizationForm.FormKC).Where(c => c is >= ' ' and < (char)127 and not '"' and not '\\').ToArray());
        var header = $"{disposition}; filename=\"{ascii}\"";
        return ascii == name ? header : header + "; filename*=UTF-8''" + Uri.EscapeDataString(name);
    }

    private static string GuessType(string path, IReadOnlyDictionary<string, string>? overrides)
    {
        var extension = Path.GetExtension(path).TrimStart('.');
        if (overrides is not null && overrides.TryGetValue(extension, out var overridden))
        {
            return overridden;
        }
        return ContentTypes.TryGetContentType(path, out var type) ? type : "application/octet-stream";
    }

    private static FileExtensionContentTypeProvider CreateProvider()
    {
        var provider = new FileExtensionContentTypeProvider();
        // CherryPy's additions to Python's table.
        provider.Mappings[".dwg"] = "image/x-dwg";
        provider.Mappings[".ico"] = "image/x-icon";
        provider.Mappings[".bz2"] = "application/x-bzip2";
        provider.Mappings[".gz"] = "application/x-gzip";
        return provider;
    }

    /// <summary>Answers Range for an entity of <paramref name="length"/> bytes whose segments <paramref name="segment"/> writes.</summary>
    private static void ServeRanges(Request request, long length, Func<long, long, Func<HttpResponse, CancellationToken, Task>> segment)
    {
        var response = request.Response;
        var http11 = request.HttpContext.Request.Protocol != "HTTP/1.0";
        if (http11)
        {
            response.Headers.AcceptRanges = "bytes";
        }
        var header = request.Headers.Range.ToString();
        var ranges = http11 && header.Length > 0 && Conditional.IfRangeAllowsPartial(request) ? ByteRanges.Parse(header, length) : null;
        if (ranges is { Count: 0 })
        {
            response.Headers.ContentRange = $"bytes */{length}";
            throw new HttpError(416, "Invalid Range (first-byte-pos greater than Content-Length)");
        }
        var parts = ranges is null ? null : Bounded(ranges, length);
        if (parts is null)
        {
            response.SetWriter(segment(0, length), length);
            return;
        }
        response.Status = "206";
        if (parts.Count == 1)
        {
            var only = parts[0];
            response.Headers.ContentRange = $"bytes {only.Start}-{only.Stop - 1}/{length}";
            response.SetWriter(segment(only.Start, only.Length), only.Length);
            return;
        }
        var boundary = Guid.NewGuid().ToString("N");
        var partType = response.ContentType ?? "application/octet-stream";
        // Part header names spelled as CherryPy writes them (names are case-insensitive).
        var heads = parts.Select(r => Encoding.ASCII.GetBytes($"\r\n--{boundary}\r\nContent-type: {partType}\r\nContent-range: bytes {r.Start}-{r.Stop - 1}/{length}\r\n\r\n")).ToArray();
        var tail = Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n");
        var total = heads.Sum(h => (long)h.Length) + parts.Sum(r => r.Length) + tail.Length;
        // Hex digits are token characters: the boundary needs no quotes (RFC 2046 §5.1.1), and clients that take the
        // parameter as written (CherryPy's tests among them) find it in the body.
        response.ContentType = $"multipart/byteranges; boundary={boundary}";
        response.SetWriter(async (http, cancellation) =>
        {
            for (var i = 0; i < parts.Count; i++)
            {
                await http.Body.WriteAsync(heads[i], cancellation);
                await segment(parts[i].Start, parts[i].Length)(http, cancellation);
            }
            await http.Body.WriteAsync(tail, cancellation);
        }, total);
    }

    /// <summary>
    /// The ranges to send: as asked when they cannot amplify the output (at most <see cref="MaxRanges"/>, no more bytes
    /// in all than the entity holds); otherwise coalesced, so no byte is sent twice; null (the whole entity) when more
    /// than <see cref="MaxRanges"/> remain.
    /// </summary>
    private static IReadOnlyList<ByteRange>? Bounded(IReadOnlyList<ByteRange> ranges, long length)
    {
        if (ranges.Count <= MaxRanges && ranges.Sum(r => r.Length) <= length)
        {
            return ranges;
        }
        var merged = Coalesce(ranges);
        return merged.Count <= MaxRanges ? merged : null;
    }

    /// <summary>Sorts ranges and merges those that overlap or touch, so no byte is sent twice.</summary>
    private static List<ByteRange> Coalesce(IReadOnlyList<ByteRange> ranges)
    {
        var sorted = ranges.OrderBy(r => r.Start).ToList();
        var merged = new List<ByteRange> { sorted[0] };
        foreach (var range in sorted.Skip(1))
        {
            var last = merged[^1];
            if (range.Start <= last.Stop)
            {
                merged[^1] = last with { Stop = Math.Max(last.Stop, range.Stop) };
            }
            else
            {
                merged.Add(range);
            }
        }
        return merged;
    }

    private static async Task CopySegmentAsync(Stream source, Stream target, long count, CancellationToken cancellation)
    {
        var buffer = new byte[(int)Math.Min(81920, Math.Max(1, count))];
        while (count > 0)
        {
            var read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, count)), cancellation);
            if (read == 0)
            {
                return;
            }
            await target.WriteAsync(buffer.AsMemory(0, read), cancellation);
            count -= read;
        }
    }
}
