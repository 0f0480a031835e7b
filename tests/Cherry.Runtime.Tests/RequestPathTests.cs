using Cherry.Http;

namespace Cherry.Runtime.Tests;

public sealed class RequestPathTests
{
    [Theory]
    [InlineData("/caf\u00e9", "/caf%C3%A9", "/caf\u00e9")]
    [InlineData("/Von B%fclow", "/Von%20B%fclow", "/Von B\u00fclow")]
    [InlineData("/a%2Fb%fc", "/a%2Fb%fc", "/a%2Fb\u00fc")]
    [InlineData("/100%", "/100%", "/100%")]
    [InlineData("/%zz", "/%zz", "/%zz")]
    [InlineData("/x%fc%", "/x%fc%", "/x\u00fc%")]
    [InlineData("/x%fc%f", "/x%fc%f", "/x\u00fc%f")]
    [InlineData("/x%fc\u007f", "/x%fc\u007f", "/x\u00fc\u007f")]
    public void Utf8_stays_and_other_bytes_are_iso_8859_1(string kestrel, string raw, string expected) =>
        Assert.Equal(expected, RequestPath.Decode(kestrel, raw));
}
