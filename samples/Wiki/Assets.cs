using System.Collections.Frozen;
using Cherry;

namespace Wiki;

/// <summary>
/// <c>/static/{file}</c>: the files of the content root's <c>static/</c> folder, read once at start-up and served from
/// memory. wiki.conf's [/static] adds the response cache, Expires/Cache-Control and gzip. (The staticdir tool would
/// serve the same files, but its answers are sent straight from disk and pass by the caching and gzip tools, so a
/// handler keeps the assets small on the wire.) Only names found at start-up exist: no path reaches the disk.
/// </summary>
public sealed class Assets
{
    private readonly FrozenDictionary<string, (byte[] Bytes, string ContentType)> _files;

    public Assets(string directory)
    {
        var files = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        if (Directory.Exists(directory))
        {
            foreach (var path in Directory.EnumerateFiles(directory))
            {
                var type = Path.GetExtension(path).ToLowerInvariant() switch
                {
                    ".css" => "text/css",
                    ".js" => "text/javascript",
                    ".svg" => "image/svg+xml",
                    ".png" => "image/png",
                    ".ico" => "image/x-icon",
                    _ => "application/octet-stream",
                };
                files[Path.GetFileName(path)] = (File.ReadAllBytes(path), type);
            }
        }
        _files = files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    [Exposed, Allow("GET", "HEAD")]
    public byte[] Default(Request request, string file)
    {
        if (!_files.TryGetValue(file, out var asset))
        {
            throw new HttpError(404, $"There is no asset named '{file}'.");
        }
        request.Response.ContentType = asset.ContentType;
        return asset.Bytes;
    }
}
