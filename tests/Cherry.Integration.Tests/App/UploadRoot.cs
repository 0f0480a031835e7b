using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Cherry.Integration.Tests.App;

/// <summary>Handlers taking uploaded parts, for <see cref="UploadTests"/>.</summary>
public sealed class UploadRoot
{
    /// <summary>What the part says of itself, and a hash of what it holds.</summary>
    [Exposed]
    public async Task<string> Summary(Part file)
    {
        var bytes = await file.ReadAllBytesAsync();
        await using var stream = file.OpenReadStream();
        var streamed = Convert.ToHexString(await SHA256.HashDataAsync(stream));
        return string.Join("|", file.Name, file.FileName, file.ContentType, file.Length, file.IsInMemory ? "memory" : "file",
            Convert.ToHexString(SHA256.HashData(bytes)) == streamed ? streamed : "stream differs");
    }

    /// <summary>A name sent several times binds every part, in order.</summary>
    [Exposed]
    public string Names(Part[] files) => string.Join("|", files.Select(f => f.FileName + ":" + f.Length));

    [Exposed]
    public string? FileName(Part myfile) => myfile.FileName;

    /// <summary>A text parameter: a file part sent here gives its file name.</summary>
    [Exposed]
    public string Text(string field) => field;

    /// <summary>The temporary files that exist while the handler runs.</summary>
    [Exposed]
    public string Spooled(Part file, HttpContext context) =>
        Directory.GetFiles(context.RequestServices.GetRequiredService<CherryOptions>().Multipart.TempDirectory!).Length + " spooled, " + (file.IsInMemory ? "memory" : "file");

    [Exposed]
    public async Task<string> Fail(Part file)
    {
        await using var stream = file.OpenReadStream();
        throw new InvalidOperationException("the handler failed after opening the upload");
    }

    /// <summary>CherryPy's <c>parts</c>: the text of each part of a multipart/mixed body.</summary>
    [Exposed]
    public string Mixed(string[] parts) => string.Join("|", parts);

    [Exposed]
    public string Fields(IReadOnlyList<KeyValuePair<string, string>> kwargs) => string.Join("|", kwargs.Select(p => p.Key + "=" + p.Value));

    /// <summary>Fields under the decode tool: its charset is tried after a part's own and US-ASCII.</summary>
    [Exposed, Decode(DefaultEncoding = "utf-16")]
    public string DecodedFields(IReadOnlyList<KeyValuePair<string, string>> kwargs) => Fields(kwargs);

    [Exposed]
    public string Unicode() => "\u6bdb\u6cfd\u4e1c";
}
