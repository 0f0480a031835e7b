using Microsoft.AspNetCore.Http;

namespace Cherry.Runtime.Tests;

/// <summary>The helpers the gzip, accept and autovary tools share: a response's media type, type patterns, and Vary.</summary>
public sealed class MediaTypesAndVaryTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("text/html", "text/html")]
    [InlineData(" Text/HTML ; charset=utf-8", "text/html")]
    [InlineData("application/json;", "application/json")]
    [InlineData(";charset=utf-8", "")]
    public void The_media_type_is_the_type_without_parameters_lower_cased(string? contentType, string mediaType) =>
        Assert.Equal(mediaType, MediaTypes.Of(contentType));

    [Theory]
    [InlineData("text/html", "text/html", true)]
    [InlineData("TEXT/*", "text/plain", true)]
    [InlineData("application/*+xml", "application/atom+xml", true)]
    [InlineData("application/*+xml", "application/xml", false)]
    [InlineData("application/*+xml", "image/svg+xml", false)]
    [InlineData("text/*", "textual/plain", false)]
    [InlineData("text/plain", "text/plainer", false)]
    // Not a media type (no major type): nothing matches it, not even the same text.
    [InlineData("/x", "/x", false)]
    [InlineData("/*", "/x", false)]
    [InlineData("", "", false)]
    [InlineData("text", "text", false)]
    public void A_type_matches_itself_its_major_wildcard_and_its_suffix_wildcard(string pattern, string mediaType, bool matches) =>
        Assert.Equal(matches, MediaTypes.Matches([" " + pattern + " "], mediaType));

    [Theory]
    [InlineData("", "Accept-Encoding", "Accept-Encoding")]
    [InlineData("Accept", "Accept-Encoding", "Accept, Accept-Encoding")]
    [InlineData("Accept, Accept-Encoding", "Accept-Encoding", "Accept, Accept-Encoding")]
    [InlineData("Accept,accept-encoding", "Accept-Encoding", "Accept,accept-encoding")]
    [InlineData(" , Cookie ,", "Cookie", " , Cookie ,")]
    [InlineData(" , Cookie ,", "Accept", " , Cookie ,, Accept")]
    public void Vary_gets_each_name_once_whatever_its_case_and_spacing(string current, string name, string vary)
    {
        IHeaderDictionary headers = new HeaderDictionary();
        if (current.Length > 0)
        {
            headers.Vary = current;
        }
        Vary.Add(headers, name);
        Assert.Equal(vary, headers.Vary.ToString());
    }
}
