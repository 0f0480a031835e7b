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
        return EncodedWord().Replace(joined, match =>
        {
            try
            {
                // Charsets.Find: the charset is the client's word, and some names .NET knows it refuses to use (UTF-7).
                if (Charsets.Find(match.Groups["charset"].Value) is not { } encoding)
                {
                    return match.Value;
                }
                var text = match.Groups["text"].Value;
                var bytes = match.Groups["kind"].Value.ToUpperInvariant() == "B" ? Convert.FromBase64String(text) : DecodeQ(text);
                return encoding.GetString(bytes);
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException)
            {
                return match.Value;
            }
        });
    }

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
