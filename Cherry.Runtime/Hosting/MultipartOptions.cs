namespace Cherry;

/// <summary>
/// How multipart request bodies are read (CherryPy's <c>Part.maxrambytes</c> and the server's body limit): each part is
/// kept in memory up to <see cref="MemoryThreshold"/> bytes and spooled to a temporary file beyond it; the files are
/// deleted when the response has been sent, whether the handler succeeded or threw.
/// </summary>
public sealed class MultipartOptions
{
    /// <summary>The largest part kept in memory; a larger one goes to a temporary file. 64 KiB unless set.</summary>
    public int MemoryThreshold { get; set; } = 64 * 1024;

    /// <summary>
    /// The most bytes all parts of one body may hold together; more is a 413. Null leaves only Kestrel's
    /// <c>MaxRequestBodySize</c> (30,000,000 bytes unless set), which counts the whole body.
    /// </summary>
    public long? MaxBodySize { get; set; }

    /// <summary>Where spooled parts are written; null is the system's temporary folder.</summary>
    public string? TempDirectory { get; set; }
}
