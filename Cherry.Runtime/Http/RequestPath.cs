using System.Globalization;
using System.Text;

namespace Cherry.Http;

/// <summary>
/// The request path as CherryPy decodes it: UTF-8, or ISO-8859-1 when the percent-decoded bytes are not UTF-8
/// (<c>/Von%20B%fclow</c> is <c>/Von Bülow</c>). Kestrel decodes UTF-8 and leaves the escapes of any other bytes as
/// they were, so only a path that still holds a <c>%</c> is decoded again, from the raw target.
/// </summary>
internal static class RequestPath
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>
    /// <paramref name="decoded"/> (Kestrel's), unless <paramref name="rawPath"/> holds bytes that are not UTF-8: then
    /// the raw path decoded as ISO-8859-1, with <c>%2F</c> kept escaped as Kestrel keeps it.
    /// </summary>
    public static string Decode(string decoded, string rawPath)
    {
        if (!decoded.Contains('%') || rawPath.Length == 0)
        {
            return decoded;
        }
        var bytes = new byte[rawPath.Length];
        var count = 0;
        for (var i = 0; i < rawPath.Length; i++)
        {
            if (rawPath[i] == '%' && i + 2 < rawPath.Length
                && byte.TryParse(rawPath.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value) && value != '/')
            {
                bytes[count++] = value;
                i += 2;
            }
            else if (rawPath[i] > 0x7F)
            {
                // Kestrel refuses raw non-ASCII in a target; a test host might not.
                return decoded;
            }
            else
            {
                bytes[count++] = (byte)rawPath[i];
            }
        }
        try
        {
            _ = StrictUtf8.GetCharCount(bytes, 0, count);
            return decoded;
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes, 0, count);
        }
    }
}
