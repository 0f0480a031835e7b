using System.Text;

namespace Cherry.Http;

/// <summary>
/// Strict <c>application/x-www-form-urlencoded</c> parsing (CherryPy's <c>parse_query_string</c>):
/// <c>&amp;</c> and <c>;</c> separate pairs, <c>+</c> is a space, blank values are kept, and bytes that are
/// not valid UTF-8 are an error rather than silently replaced.
/// </summary>
public static class QueryStringParser
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Adds every pair of <paramref name="query"/> to <paramref name="target"/>.</summary>
    /// <returns>False when a name or value is not valid percent-encoded UTF-8.</returns>
    public static bool TryParse(ReadOnlySpan<char> query, ParameterSource source, ParameterList target) =>
        TryParse(query, source, target, StrictUtf8);

    /// <summary>Adds every pair, decoding percent-escaped bytes with <paramref name="encoding"/> (which must throw on invalid input).</summary>
    /// <remarks>Characters up to U+00FF stand for the byte of the same value, as in a body read as ISO-8859-1.</remarks>
    public static bool TryParse(ReadOnlySpan<char> query, ParameterSource source, ParameterList target, Encoding encoding)
    {
        while (!query.IsEmpty)
        {
            var end = query.IndexOfAny('&', ';');
            var pair = end < 0 ? query : query[..end];
            query = end < 0 ? ReadOnlySpan<char>.Empty : query[(end + 1)..];
            if (pair.IsEmpty)
            {
                continue;
            }
            var equals = pair.IndexOf('=');
            var rawName = equals < 0 ? pair : pair[..equals];
            var rawValue = equals < 0 ? ReadOnlySpan<char>.Empty : pair[(equals + 1)..];
            if (!TryDecode(rawName, encoding, out var name) || !TryDecode(rawValue, encoding, out var value))
            {
                return false;
            }
            target.Add(name, value, source);
        }
        return true;
    }

    /// <summary>
    /// CherryPy's <c>parse_query_string</c>: names to values, a repeated name keeping every value in order.
    /// </summary>
    /// <exception cref="FormatException">A name or value is not valid percent-encoded UTF-8.</exception>
    public static IReadOnlyDictionary<string, Microsoft.Extensions.Primitives.StringValues> Parse(string query, bool keepBlankValues = true)
    {
        var list = new ParameterList();
        if (!TryParse(query, ParameterSource.QueryString, list))
        {
            throw new FormatException("The query string is not valid percent-encoded UTF-8.");
        }
        var result = new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>(StringComparer.Ordinal);
        foreach (var p in list.AsSpan())
        {
            if (!keepBlankValues && p.Value.Length == 0)
            {
                continue;
            }
            result[p.Name] = result.TryGetValue(p.Name, out var existing)
                ? Microsoft.Extensions.Primitives.StringValues.Concat(existing, p.Value)
                : new Microsoft.Extensions.Primitives.StringValues(p.Value);
        }
        return result;
    }

    /// <summary>Percent-decodes one component as UTF-8, with <c>+</c> as a space.</summary>
    public static bool TryDecode(ReadOnlySpan<char> encoded, out string decoded) => TryDecode(encoded, StrictUtf8, out decoded);

    /// <summary>Percent-decodes one component with <paramref name="encoding"/>, with <c>+</c> as a space.</summary>
    public static bool TryDecode(ReadOnlySpan<char> encoded, Encoding encoding, out string decoded)
    {
        // Plain ASCII is itself only in charsets that extend ASCII (UTF-16 needs two bytes a character, and refuses one).
        if (encoded.IndexOfAny('%', '+') < 0 && !ContainsNonAscii(encoded) && (encoding.IsSingleByte || encoding.CodePage == 65001))
        {
            decoded = encoded.ToString();
            return true;
        }
        // One byte a character, except text beyond ISO-8859-1, which UTF-8 makes at most three bytes a character.
        var bytes = new byte[encoded.IndexOfAnyExceptInRange((char)0, (char)0xFF) < 0 ? encoded.Length : encoded.Length * 3];
        var count = 0;
        for (var i = 0; i < encoded.Length; i++)
        {
            var c = encoded[i];
            if (c == '+')
            {
                bytes[count++] = (byte)' ';
            }
            else if (c == '%' && i + 2 < encoded.Length && IsHex(encoded[i + 1]) && IsHex(encoded[i + 2]))
            {
                bytes[count++] = (byte)((HexValue(encoded[i + 1]) << 4) | HexValue(encoded[i + 2]));
                i += 2;
            }
            else if (c > 0xFF)
            {
                // Text beyond ISO-8859-1 cannot be raw bytes: it is re-encoded as UTF-8.
                var chars = encoded.Slice(i, char.IsHighSurrogate(c) && i + 1 < encoded.Length ? 2 : 1);
                count += Encoding.UTF8.GetBytes(chars, bytes.AsSpan(count));
                i += chars.Length - 1;
            }
            else
            {
                bytes[count++] = (byte)c;
            }
        }
        try
        {
            decoded = encoding.GetString(bytes, 0, count);
            return true;
        }
        catch (DecoderFallbackException)
        {
            decoded = "";
            return false;
        }
    }

    private static bool ContainsNonAscii(ReadOnlySpan<char> text) => text.IndexOfAnyExceptInRange((char)0, (char)0x7F) >= 0;

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
