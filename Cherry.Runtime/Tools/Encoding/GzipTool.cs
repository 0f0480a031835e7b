using System.IO.Compression;

namespace Cherry;

/// <summary>
/// CherryPy's <c>gzip</c> (before_finalize 80), with brotli added: compresses responses whose type is in
/// <see cref="MimeTypes"/> (<c>type/*</c> and <c>type/*+suffix</c> allowed) for clients that accept gzip or br,
/// always adds <c>Vary: Accept-Encoding</c>, and streams a streamed body chunk by chunk.
/// Unlike CherryPy, identity stays acceptable unless the client refuses it (<c>identity;q=0</c>, or <c>*;q=0</c>
/// without identity), so <c>Accept-Encoding: br</c> for a type it does not compress is answered, not refused.
/// </summary>
public sealed class GzipTool : HookTool
{
    public const string ToolName = "gzip";

    public override string Name => ToolName;

    public override HookPoint Point => HookPoint.BeforeFinalize;

    public override int Priority => 80;

    /// <summary>0 (none) to 9 (smallest), CherryPy's scale.</summary>
    public int CompressLevel { get; set; } = 5;

    public string[] MimeTypes { get; set; } = ["text/html", "text/plain"];

    public override void Configure(ToolArguments arguments)
    {
        if (arguments.TryGetInt32("compress_level", out var level))
        {
            CompressLevel = level is >= 0 and <= 9 ? level : throw arguments.Malformed("compress_level", "expected 0 to 9.");
        }
        MimeTypes = arguments.GetList("mime_types", MimeTypes);
    }

    public override ValueTask RunAsync(Request request)
    {
        var response = request.Response;
        Vary.Add(response.Headers, "Accept-Encoding");
        if (request.Cached || request.IsErrorResponse || response.Writer is not null || (!response.IsStreamed && response.Body.IsEmpty))
        {
            return ValueTask.CompletedTask;
        }
        var coding = Choose(request.Headers.AcceptEncoding.ToString(), MediaTypes.Of(response.ContentType));
        if (coding is not null)
        {
            response.Headers.ContentEncoding = coding;
            var level = Level(CompressLevel);
            if (response.Stream is { } stream)
            {
                response.Stream = Compression.CompressStream(stream, coding, level);
            }
            else
            {
                response.Body = Compression.Compress(response.Body, coding, level);
            }
        }
        return ValueTask.CompletedTask;
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
        var compressible = MediaTypes.Matches(MimeTypes, mediaType);
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
                case "br":
                    return compressible ? "br" : null;
            }
        }
        var identityRefused = elements.Any(e => e.Value.Equals("identity", StringComparison.OrdinalIgnoreCase) && e.Quality <= 0)
            || (elements.Any(e => e.Value == "*" && e.Quality <= 0) && !elements.Any(e => e.Value.Equals("identity", StringComparison.OrdinalIgnoreCase)));
        return identityRefused ? throw new HttpError(406, "identity, gzip, br") : null;
    }

    private static CompressionLevel Level(int level) => level switch
    {
        0 => CompressionLevel.NoCompression,
        <= 3 => CompressionLevel.Fastest,
        <= 6 => CompressionLevel.Optimal,
        _ => CompressionLevel.SmallestSize,
    };
}

/// <summary>Turns on <see cref="GzipTool"/>: <c>[Gzip]</c>, or <c>[Gzip(MimeTypes = new[] { "application/*+json" })]</c>.</summary>
public sealed class GzipAttribute : ToolAttribute
{
    public int CompressLevel { get; set; } = 5;

    public string[]? MimeTypes { get; set; }

    public override Tool CreateTool()
    {
        var tool = new GzipTool { CompressLevel = CompressLevel };
        if (MimeTypes is { Length: > 0 } types)
        {
            tool.MimeTypes = types;
        }
        return tool;
    }
}
