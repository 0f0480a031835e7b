using System.Text;
using System.Text.RegularExpressions;

namespace Cherry.Http;

/// <summary>RFC 2047 encoded words in header text (CherryPy's <c>decode_TEXT</c>), both ways.</summary>
public static partial class Rfc2047
{
    /// <summary>Decodes every <c>=?charset?B|Q?text?=</c> word; a word it cannot decode stays as it is.</summary>
    public static string Decode(string value)
    {
        if (!value.Contains("=?", StringComparison.Ordinal))
        {
            return value;
        }
        // Whitespace between two encoded words is not part of the text (RFC 2047 section 6.2).
        var joined = BetweenWords().Replace(value, "?==?");
        // The words are the client's: first-time charset lookups and failed decodings (each an exception inside .NET)
        // are bounded per header, so that thousands of bad words cost time linear in the header, not an exception each.
        var lookups = Charsets.FreshLookupsPerHeader;
        var failures = 0;
        return EncodedWord().Replace(joined, match =>
        {
            // Charsets.Find: the charset is the client's word, and some names .NET knows it refuses to use (UTF-7).
            if (failures >= MaxFailedWords || Charsets.Find(match.Groups["charset"].Value, ref lookups) is not { } encoding)
            {
                return match.Value;
            }
            var text = match.Groups["text"].Value;
            byte[] bytes;
            if (match.Groups["kind"].Value is "B" or "b")
            {
                bytes = new byte[text.Length * 3 / 4 + 3];
                if (!Convert.TryFromBase64String(text, bytes, out var written))
                {
                    return match.Value;
                }
                Array.Resize(ref bytes, written);
            }
            else
            {
                bytes = DecodeQ(text);
            }
            try
            {
                return encoding.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                failures++;
                return match.Value;
            }
        });
    }

    /// <summary>Words of one header whose bytes may fail to decode before the rest are left as they are.</summary>
    private const int MaxFailedWords = 8;

    /// <summary>Text for a header: as it is when ISO-8859-1 can carry it, else one UTF-8 B-encoded word.</summary>
    public static string EncodeIfNeeded(string value)
    {
        foreach (var c in value)
        {
            if (c > 0xFF)
            {
                return EncodeWord(value);
            }
        }
        return value;
    }

    /// <summary>The whole value as one UTF-8 B-encoded word, never folded (HTTP has deprecated folding).</summary>
    internal static string EncodeWord(string value) => "=?utf-8?b?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(value)) + "?=";

    private static byte[] DecodeQ(string text)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '_')
            {
                bytes.Add((byte)' ');
            }
            else if (c == '=' && i + 2 < text.Length && char.IsAsciiHexDigit(text[i + 1]) && char.IsAsciiHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add((byte)c);
            }
        }
        return bytes.ToArray();
    }

    [GeneratedRegex(@"=\?(?<charset>[^?\s]+)\?(?<kind>[BbQq])\?(?<text>[^?\s]*)\?=")]
    private static partial Regex EncodedWord();

    [GeneratedRegex(@"\?=\s+=\?")]
    private static partial Regex BetweenWords();
}
