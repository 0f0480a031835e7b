using System.Text;

namespace Cherry.Http;

/// <summary>
/// <c>utf-16</c> as Python's codec (and so CherryPy) reads and writes it: encoding writes the byte-order mark
/// <c>FF FE</c> and then little-endian text; decoding reads a byte-order mark (either order) instead of keeping it as
/// U+FEFF, takes little-endian without one, and refuses an odd number of bytes. <c>utf-16le</c> and <c>utf-16be</c>
/// stay .NET's plain encodings, as they are Python's.
/// </summary>
internal sealed class Utf16WithByteOrderMark : Encoding
{
    private static readonly Encoding Little = Strict(bigEndian: false);
    private static readonly Encoding Big = Strict(bigEndian: true);

    public static readonly Utf16WithByteOrderMark Instance = new();

    private Utf16WithByteOrderMark()
        : base(1200, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
    {
    }

    /// <summary>The name of the codec that writes a byte-order mark (.NET knows none of Python's other spellings, utf16, u16).</summary>
    public static bool IsPythonName(string name) => name.Equals("utf-16", StringComparison.OrdinalIgnoreCase);

    // GetBytes writes the mark itself, so a writer that adds the preamble would write it twice.
    public override ReadOnlySpan<byte> Preamble => default;

    public override byte[] GetPreamble() => [];

    public override int GetByteCount(char[] chars, int index, int count) => 2 + Little.GetByteCount(chars, index, count);

    public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex)
    {
        if (bytes.Length - byteIndex < 2)
        {
            throw new ArgumentException("The output buffer is too small for the byte-order mark.", nameof(bytes));
        }
        bytes[byteIndex] = 0xFF;
        bytes[byteIndex + 1] = 0xFE;
        return 2 + Little.GetBytes(chars, charIndex, charCount, bytes, byteIndex + 2);
    }

    public override int GetCharCount(byte[] bytes, int index, int count) => Order(bytes, ref index, ref count).GetCharCount(bytes, index, count);

    public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex) =>
        Order(bytes, ref byteIndex, ref byteCount).GetChars(bytes, byteIndex, byteCount, chars, charIndex);

    public override int GetMaxByteCount(int charCount) => Little.GetMaxByteCount(charCount) + 2;

    public override int GetMaxCharCount(int byteCount) => Little.GetMaxCharCount(byteCount);

    /// <summary>The byte order a leading mark names (the mark then skipped), else little-endian; odd lengths refused.</summary>
    private static Encoding Order(byte[] bytes, ref int index, ref int count)
    {
        if (count % 2 != 0)
        {
            // Python: "truncated data". Thrown as the decoder fallback would, so callers treat it as undecodable.
            throw new DecoderFallbackException("An odd number of bytes is not UTF-16.");
        }
        if (count >= 2 && bytes[index] == 0xFF && bytes[index + 1] == 0xFE)
        {
            index += 2;
            count -= 2;
            return Little;
        }
        if (count >= 2 && bytes[index] == 0xFE && bytes[index + 1] == 0xFF)
        {
            index += 2;
            count -= 2;
            return Big;
        }
        return Little;
    }

    private static Encoding Strict(bool bigEndian) =>
        Encoding.GetEncoding(bigEndian ? 1201 : 1200, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
}
