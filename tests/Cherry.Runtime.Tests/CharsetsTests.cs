using System.Text;
using Cherry.Http;

namespace Cherry.Runtime.Tests;

public sealed class CharsetsTests
{
    [Fact]
    public void Utf8_has_no_byte_order_mark_and_is_strict()
    {
        var utf8 = Charsets.Find("UTF-8")!;
        Assert.Empty(utf8.GetPreamble());
        Assert.Throws<DecoderFallbackException>(() => utf8.GetString([0xC3, 0x28]));
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("UTF-16")]
    public void Utf16_writes_and_reads_a_byte_order_mark_as_pythons_codec(string name)
    {
        var utf16 = Charsets.Find(name)!;
        Assert.Equal("utf-16", utf16.WebName);
        Assert.Equal([0xFF, 0xFE, 0x61, 0x00], utf16.GetBytes("a"));
        Assert.Equal([0xFF, 0xFE], utf16.GetBytes(""));
        Assert.Equal("a", utf16.GetString([0xFF, 0xFE, 0x61, 0x00]));
        Assert.Equal("a", utf16.GetString([0xFE, 0xFF, 0x00, 0x61]));
        Assert.Equal("a", utf16.GetString([0x61, 0x00]));
        Assert.Throws<DecoderFallbackException>(() => utf16.GetString([0x61]));
        Assert.Throws<DecoderFallbackException>(() => utf16.GetString([0xC2, 0xA3, 0x41]));
    }

    [Fact]
    public void Utf16_with_a_byte_order_named_keeps_dotnets_plain_encoding()
    {
        var little = Charsets.Find("utf-16le")!;
        Assert.Equal([0x61, 0x00], little.GetBytes("a"));
        Assert.Equal("\ufeffa", little.GetString([0xFF, 0xFE, 0x61, 0x00]));
    }

    [Fact]
    public void Legacy_single_byte_charsets_are_found()
    {
        var cyrillic = Charsets.Find("iso-8859-5")!;
        Assert.Equal("Ж", cyrillic.GetString([0xB6]));
        Assert.Throws<EncoderFallbackException>(() => cyrillic.GetBytes("☃"));
    }

    [Fact]
    public void Names_are_case_insensitive_and_unknown_ones_are_null()
    {
        Assert.Same(Charsets.Find("Windows-1251"), Charsets.Find("windows-1251"));
        Assert.Null(Charsets.Find("no-such-charset"));
        Assert.Null(Charsets.Find("no-such-charset"));
    }

    [Fact]
    public void Many_unknown_names_do_not_push_out_known_ones()
    {
        for (var i = 0; i < 1_000; i++)
        {
            Assert.Null(Charsets.Find($"made-up-{i}"));
        }
        Assert.Same(Charsets.Find("KOI8-R"), Charsets.Find("koi8-r"));
    }
}
