using System.Text;

namespace Cherry;

/// <summary>A stored response: status, headers and body, with its creation and expiry times.</summary>
public sealed class CachedResponse(string status, IReadOnlyList<KeyValuePair<string, string>> headers, byte[] body, DateTimeOffset created, DateTimeOffset expires)
{
    public string Status { get; } = status;

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; } = headers;

    public byte[] Body { get; } = body;

    public DateTimeOffset Created { get; } = created;

    public DateTimeOffset Expires { get; } = expires;

    /// <summary>
    /// The token of the URL's index record it was stored under: the caching tool serves it only while that record is
    /// the one in force, so a variant stored before an invalidation is never served after it.
    /// </summary>
    public string Tag { get; init; } = "";

    /// <summary>Approximate bytes held, for the cache's size limits.</summary>
    public long Size => Body.Length + Headers.Sum(h => (long)(h.Key.Length + h.Value.Length) * 2) + 64;

    /// <summary>The serialized form's version: entries of another (an older instance's) read as absent.</summary>
    private const byte Version = 2;

    /// <summary>A compact binary form for shared stores; read back with <see cref="Deserialize"/>. No reflection.</summary>
    public byte[] Serialize()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Version);
            writer.Write(Status);
            writer.Write(Tag);
            writer.Write(Created.UtcTicks);
            writer.Write(Expires.UtcTicks);
            writer.Write(Headers.Count);
            foreach (var (name, value) in Headers)
            {
                writer.Write(name);
                writer.Write(value);
            }
            writer.Write(Body.Length);
            writer.Write(Body);
        }
        return stream.ToArray();
    }

    /// <returns>null for bytes that are not a stored response of this version.</returns>
    public static CachedResponse? Deserialize(byte[] data)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(data), Encoding.UTF8);
            if (reader.ReadByte() != Version)
            {
                return null;
            }
            var status = reader.ReadString();
            var tag = reader.ReadString();
            var created = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            var expires = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            var count = reader.ReadInt32();
            if (count < 0 || count > data.Length)
            {
                // A corrupt count: no entry holds more headers than bytes, and allocating it could end the process.
                return null;
            }
            var headers = new KeyValuePair<string, string>[count];
            for (var i = 0; i < headers.Length; i++)
            {
                headers[i] = new(reader.ReadString(), reader.ReadString());
            }
            var length = reader.ReadInt32();
            var body = reader.ReadBytes(length);
            if (body.Length != length)
            {
                // ReadBytes stops short at the end instead of throwing: a cut entry must not serve a cut body.
                return null;
            }
            return new CachedResponse(status, headers, body, created, expires) { Tag = tag };
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or ArgumentException)
        {
            return null;
        }
    }
}
