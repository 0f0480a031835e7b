using System.Collections.Concurrent;
using System.Text;

namespace Cherry.Http;

/// <summary>
/// Charsets by name, strict (invalid bytes or characters throw), UTF-8 without a byte-order mark and <c>utf-16</c> as
/// Python's codec (<see cref="Utf16WithByteOrderMark"/>), including the
/// legacy single-byte ones clients still ask for (iso-8859-5, windows-1251, ...). Each name is looked up once:
/// <see cref="Encoding.GetEncoding(string)"/> takes a lock once a provider is registered, and profiles of plaintext
/// and auth_basic requests showed that lock at a third of the CPU. The charsets .NET knows are a fixed set, so found
/// ones are always kept (the same name always gives the same instance); names come from clients, so the unknown ones
/// kept are bounded.
/// </summary>
public static class Charsets
{
    private const int MaxUnknownNames = 256;
    private static readonly ConcurrentDictionary<string, Encoding?> Cache = new(StringComparer.OrdinalIgnoreCase);
    private static int unknownNames;
    private static readonly bool CodePagesRegistered = RegisterCodePages();

    /// <summary>The encoding called <paramref name="name"/>, or null when .NET knows no such charset.</summary>
    public static Encoding? Find(string name)
    {
        if (Cache.TryGetValue(name, out var cached))
        {
            return cached;
        }
        var found = Lookup(name);
        if (found is not null)
        {
            return Cache.GetOrAdd(name, found);
        }
        // Read first, so that the count stops near the cap instead of wrapping round after two billion lookups.
        if (Volatile.Read(ref unknownNames) < MaxUnknownNames && Interlocked.Increment(ref unknownNames) <= MaxUnknownNames)
        {
            Cache.TryAdd(name, null);
        }
        return null;
    }

    private static Encoding? Lookup(string name)
    {
        _ = CodePagesRegistered;
        try
        {
            var found = Encoding.GetEncoding(name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            // A byte-order mark in a web body is never wanted in UTF-8; Python's utf-16 writes and reads one.
            return found switch
            {
                UTF8Encoding => new UTF8Encoding(false, true),
                { CodePage: 1200 } when Utf16WithByteOrderMark.IsPythonName(name) => Utf16WithByteOrderMark.Instance,
                _ => found,
            };
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            // Unknown names, and known ones .NET refuses (UTF-7 is disabled), are both charsets we do not have.
            return null;
        }
    }

    private static bool RegisterCodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return true;
    }
}
