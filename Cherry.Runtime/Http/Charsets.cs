using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Cherry.Http;

/// <summary>
/// Charsets by name, strict (invalid bytes or characters throw), UTF-8 without a byte-order mark and <c>utf-16</c> as
/// Python's codec (<see cref="Utf16WithByteOrderMark"/>), including the
/// legacy single-byte ones clients still ask for (iso-8859-5, windows-1251, ...) unless the app turns them off
/// (<see cref="LegacyCharsets"/>). Each name is looked up once:
/// <see cref="Encoding.GetEncoding(string)"/> takes a lock once a provider is registered, and profiles of plaintext
/// and auth_basic requests showed that lock at a third of the CPU. The charsets .NET knows are a fixed set, so found
/// ones are always kept (the same name always gives the same instance); names come from clients, so the unknown ones
/// kept are bounded.
/// </summary>
public static class Charsets
{
    private const int MaxUnknownNames = 256;
    private static readonly ConcurrentDictionary<string, Encoding?> Cache = new(StringComparer.OrdinalIgnoreCase);
    private static int _unknownNames;

    /// <summary>
    /// Whether the code-page charsets beyond .NET's own (UTF-8/16/32, ASCII, Latin-1) are available. They are on
    /// unless the app sets the MSBuild property <c>CherryLegacyCharsets</c> to false (Cherry.targets does for apps that
    /// take the package's build defaults), which lets native AOT trim their 700 KB of tables.
    /// </summary>
    [FeatureSwitchDefinition(LegacyCharsetsSwitch)]
    public static bool LegacyCharsets { get; } = !AppContext.TryGetSwitch(LegacyCharsetsSwitch, out var on) || on;

    /// <summary>The AppContext switch behind <see cref="LegacyCharsets"/>.</summary>
    public const string LegacyCharsetsSwitch = "Cherry.LegacyCharsets";

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
        if (Volatile.Read(ref _unknownNames) < MaxUnknownNames && Interlocked.Increment(ref _unknownNames) <= MaxUnknownNames)
        {
            Cache.TryAdd(name, null);
        }
        return null;
    }

    /// <summary>
    /// How many names one header may have looked up for the first time. A name .NET does not know costs an exception
    /// inside <see cref="Encoding.GetEncoding(string)"/>, and the cache of unknown names is bounded, so a header of
    /// thousands of made-up names cost that many exceptions; past this many, a name not yet known is taken as unknown.
    /// </summary>
    internal const int FreshLookupsPerHeader = 8;

    /// <summary>
    /// <see cref="Find(string)"/> for a name a client chose, with <paramref name="budget"/> first-time lookups left for its
    /// header (start it at <see cref="FreshLookupsPerHeader"/>): names already known answer at once, whatever is left.
    /// </summary>
    internal static Encoding? Find(string name, ref int budget)
    {
        if (Cache.TryGetValue(name, out var cached))
        {
            return cached;
        }
        if (budget <= 0)
        {
            return null;
        }
        budget--;
        return Find(name);
    }

    /// <summary>Why configuration's charset name is refused, with the switch to turn on when that is the cause.</summary>
    internal static string Unknown(string name) => LegacyCharsets
        ? $"there is no charset named '{name}'."
        : $"there is no charset named '{name}' among .NET's own (UTF-8/16/32, ASCII, Latin-1); for code-page charsets set <CherryLegacyCharsets>true</CherryLegacyCharsets> in the project.";

    private static Encoding? Lookup(string name)
    {
        if (LegacyCharsets)
        {
            _ = CodePages.Registered;
        }
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

    /// <summary>Registers the provider once, on first use; a class of its own so that trimming the switch off removes it.</summary>
    private static class CodePages
    {
        public static readonly bool Registered = Register();

        private static bool Register()
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return true;
        }
    }
}
