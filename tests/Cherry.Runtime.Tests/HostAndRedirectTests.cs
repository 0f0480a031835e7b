using System.Net;
using Cherry.Http;
using Microsoft.AspNetCore.Http;

namespace Cherry.Runtime.Tests;

/// <summary>
/// The Host header's check and the authority a request names, where a redirect's target leads, and the status line's
/// parse: each case at a boundary of the rule, so that changing the rule changes an answer (mutation testing found
/// these rules covered only through the integration suite).
/// </summary>
public sealed class HostAndRedirectTests
{
    [Theory]
    [InlineData("example.org", true)]
    [InlineData("a-b.example", true)]
    [InlineData("localhost:8080", true)]
    [InlineData("example.org:1", true)]
    [InlineData("example.org:65535", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("10.1.2.3:80", true)]
    [InlineData("[::1]:8080", true)]
    [InlineData("xn--bcher-kva.example", true)]
    [InlineData("a..b", false)]
    [InlineData("a b", false)]
    [InlineData("example.org:65536", false)]
    [InlineData("example.org:99999", false)]
    [InlineData("example.org:123456", false)]
    [InlineData("example.org:", true)]
    [InlineData("example.org:x", false)]
    [InlineData("example.org:+80", false)]
    // A name the quick check does not take (a label with an outer hyphen, an all-digit name that is no IPv4 address)
    // goes to Uri, which takes most of them: the quick check only spares the common cases a parse.
    public void A_host_is_valid_when_a_url_can_carry_it(string host, bool valid)
    {
        string? last = null;
        Assert.Equal(valid, HostHeader.IsValid(new HostString(host), ref last));
        Assert.Equal(valid ? host : null, last);
    }

    [Fact]
    public void The_last_valid_host_is_remembered_and_an_absent_one_is_valid()
    {
        var last = (string?)"a..b";
        // The remembered value is trusted as it was checked: the same text is not parsed again.
        Assert.True(HostHeader.IsValid(new HostString("a..b"), ref last));
        last = null;
        Assert.True(HostHeader.IsValid(new HostString(""), ref last));
        Assert.Null(last);
        Assert.True(HostHeader.IsValid(new HostString("example.org"), ref last));
        Assert.False(HostHeader.IsValid(new HostString("example.org:99999"), ref last));
        Assert.Equal("example.org", last);
    }

    [Theory]
    [InlineData("example.org:8080", null, 0, "example.org:8080")]
    [InlineData(null, "192.0.2.7", 8080, "192.0.2.7:8080")]
    [InlineData(null, "2001:db8::1", 443, "[2001:db8::1]:443")]
    [InlineData(null, "192.0.2.7", 0, "192.0.2.7")]
    [InlineData(null, null, 0, "localhost")]
    public void The_authority_is_the_host_header_or_the_local_endpoint(string? host, string? local, int port, string authority)
    {
        var context = new DefaultHttpContext();
        if (host is not null)
        {
            context.Request.Host = new HostString(host);
        }
        context.Connection.LocalIpAddress = local is null ? null : IPAddress.Parse(local);
        context.Connection.LocalPort = port;
        Assert.Equal(authority, HostHeader.Authority(context));
    }

    [Theory]
    [InlineData("/next", "https://site.example/next")]
    [InlineData("next", "https://site.example/app/next")]
    [InlineData("//evil.example/x", "https://site.example/evil.example/x")]
    [InlineData("\\\\evil.example\\x", "https://site.example/evil.example/x")]
    [InlineData("/\\evil.example", "https://site.example/evil.example")]
    [InlineData(" \t/ /evil.example", "https://site.example/evil.example")]
    [InlineData("  next", "https://site.example/app/next")]
    [InlineData("", "https://site.example/app/page")]
    [InlineData("https://other.example/x", "https://other.example/x")]
    [InlineData("HTTP://other.example/", "http://other.example/")]
    [InlineData(" https://other.example/x", "https://other.example/x")]
    [InlineData("mailto:a@example.org", "mailto:a@example.org")]
    public void A_redirect_without_a_scheme_stays_on_the_site(string target, string expected) =>
        Assert.Equal(expected, RedirectTarget.Resolve(new Uri("https://site.example/app/page"), target)?.AbsoluteUri);

    [Theory]
    [InlineData("C:\\x")]
    [InlineData("c:/windows")]
    [InlineData("1http://x")]
    [InlineData("ht\ttps://other.example/")]
    public void A_target_whose_scheme_uri_reads_otherwise_is_refused(string target)
    {
        var resolved = RedirectTarget.Resolve(new Uri("https://site.example/app/page"), target);
        // Either no URL, or one on this site (a first character that is no letter starts no scheme).
        Assert.True(resolved is null || resolved.Authority == "site.example", resolved?.AbsoluteUri);
    }

    [Theory]
    [InlineData("404", 404, "Not Found")]
    [InlineData(" 299 Custom Thing ", 299, "Custom Thing")]
    [InlineData("200  ", 200, "OK")]
    [InlineData("100", 100, "Continue")]
    [InlineData("599", 599, "Unknown")]
    [InlineData("418 I'm a Teapot", 418, "I'm a Teapot")]
    [InlineData("404 Bad\r\nSet-Cookie: x", 404, "Not Found")]
    [InlineData("404 caf\u00e9", 404, "Not Found")]
    [InlineData("404 tab\tok", 404, "tab\tok")]
    [InlineData("", 200, "OK")]
    public void A_status_parses_with_its_reason_or_the_standard_one(string status, int code, string reason)
    {
        Assert.True(StatusLine.TryParse(status, out var parsedCode, out var parsedReason, out var error));
        Assert.Equal((code, reason, null), (parsedCode, parsedReason, error));
    }

    [Theory]
    [InlineData("99", "Illegal response status from server (99 is out of range).")]
    [InlineData("600", "Illegal response status from server (600 is out of range).")]
    [InlineData("abc OK", "Illegal response status from server ('abc' is non-numeric).")]
    [InlineData("-1", "Illegal response status from server ('-1' is non-numeric).")]
    [InlineData(" 20 0", "Illegal response status from server (20 is out of range).")]
    public void An_illegal_status_is_refused_as_cherrypy_words_it(string status, string message)
    {
        Assert.False(StatusLine.TryParse(status, out _, out _, out var error));
        Assert.Equal(message, error);
    }

    [Fact]
    public void Reasons_and_lines_cover_every_code_and_only_those()
    {
        Assert.Equal("Continue", StatusLine.Reason(100));
        Assert.Equal("Network Authentication Required", StatusLine.Reason(511));
        Assert.Equal("Unknown", StatusLine.Reason(599));
        Assert.Equal("Unknown", StatusLine.Reason(99));
        Assert.Equal("Unknown", StatusLine.Reason(600));
        Assert.Equal("200 OK", StatusLine.Line(200, "OK"));
        Assert.Same(StatusLine.Line(200, "OK"), StatusLine.Line(200, "OK"));
        Assert.Equal("200 Fine", StatusLine.Line(200, "Fine"));
        Assert.Equal("600 Beyond", StatusLine.Line(600, "Beyond"));
        Assert.Equal("404 Gone Fishing", StatusLine.Format(404, "404 Gone Fishing"));
        Assert.Equal("404 Not Found", StatusLine.Format(404, "500 Other"));
        Assert.True(StatusLine.IsSafeReason("visible ~ text\t"));
        Assert.False(StatusLine.IsSafeReason("bell\u0007"));
        Assert.False(StatusLine.IsSafeReason("del\u007f"));
    }

    [Fact]
    public async Task Every_error_code_has_cherrypys_default_message()
    {
        // CherryPy's own table is the oracle: httputil.valid_status gives (code, reason, message).
        var oracle = (await Integration.Tests.Python.RunAsync("""
            from cherrypy.lib import httputil
            for code in range(400, 600):
                print(code, httputil.valid_status(code)[2], sep='\t')
            """)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t'));
        var wrong = oracle.Where(fields => StatusLine.DefaultMessage(int.Parse(fields[0])) != fields[1]).Select(fields => fields[0]).ToList();
        Assert.Equal(200, oracle.Count());
        Assert.Empty(wrong);
    }
}
