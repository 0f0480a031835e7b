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
