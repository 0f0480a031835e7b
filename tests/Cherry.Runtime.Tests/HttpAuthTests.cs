using System.Text;
using Cherry.Http;

namespace Cherry.Runtime.Tests;

/// <summary>
/// Cherry.Http's authentication pieces (the old cherrypy.lib.httpauth and cherrypy.lib.auth), against RFC 2617's and
/// RFC 7616's published examples and vectors computed independently with Python's hashlib.
/// </summary>
public sealed class HttpAuthTests
{
    // RFC 2617 §3.5: the request the client sends for Mufasa, password "Circle Of Life".
    private const string Rfc2617Header =
        "Digest username=\"Mufasa\", realm=\"testrealm@host.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"/dir/index.html\", " +
        "qop=auth, nc=00000001, cnonce=\"0a4f113b\", response=\"6629fae49393a05397450978507c4ef1\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"";

    // python3 -c "import hashlib; print(hashlib.md5(b'Mufasa:testrealm@host.com:Circle Of Life').hexdigest())"
    private const string MufasaHa1 = "939e7578ed9e3c518a452acee763bce9";

    private static AuthorizationHeader Parse(string header) => AuthorizationHeader.Parse(header) ?? throw new InvalidOperationException("no credentials");

    [Fact]
    public void Parses_rfc_2617s_example_into_its_fields()
    {
        var credentials = Parse(Rfc2617Header);
        Assert.Equal(AuthorizationScheme.Digest, credentials.Scheme);
        Assert.Equal("Mufasa", credentials.UserName);
        Assert.Equal("testrealm@host.com", credentials.Realm);
        Assert.Equal("dcd98b7102dd2f0e8b11d0f600bfb0c093", credentials.Nonce);
        Assert.Equal("/dir/index.html", credentials.Uri);
        Assert.Equal("auth", credentials.Qop);
        Assert.Equal("00000001", credentials.NonceCount);
        Assert.Equal("0a4f113b", credentials.ClientNonce);
        Assert.Equal("6629fae49393a05397450978507c4ef1", credentials.Response);
        Assert.Equal("5ccc069c403ebaf9f0171e9517f40e41", credentials.Opaque);
        Assert.Equal("MD5", credentials.Algorithm);
        Assert.Equal("MD5", credentials.HashAlgorithm);
        Assert.Null(credentials.Password);
        Assert.Equal("0a4f113b", credentials.Fields["CNONCE"]);
    }

    [Fact]
    public void Checks_rfc_2617s_example_against_the_password_and_the_ha1()
    {
        var credentials = Parse(Rfc2617Header);
        Assert.Equal(MufasaHa1, DigestResponse.Ha1("MD5", "Mufasa", "testrealm@host.com", "Circle Of Life"));
        Assert.Equal("6629fae49393a05397450978507c4ef1", DigestResponse.Expected(credentials, MufasaHa1, "GET"));
        Assert.True(credentials.CheckPassword("Circle Of Life"));
        Assert.True(credentials.CheckHa1(MufasaHa1));
        Assert.False(credentials.CheckPassword("Circle of Life"));
        Assert.False(credentials.CheckHa1(MufasaHa1, "POST"));
    }

    [Fact]
    public void Checks_an_md5_sess_answer_from_the_stored_ha1()
    {
        // The same request with algorithm=MD5-sess. Expected value computed independently:
        // python3 -c "import hashlib; H=lambda s: hashlib.md5(s.encode()).hexdigest(); n='dcd98b7102dd2f0e8b11d0f600bfb0c093';
        //   a1=H(H('Mufasa:testrealm@host.com:Circle Of Life')+':'+n+':0a4f113b');
        //   print(H(a1+':'+n+':00000001:0a4f113b:auth:'+H('GET:/dir/index.html')))"
        const string expected = "8e3825c57e897f5a0dec6c2d4e5059d0";
        var header = Rfc2617Header.Replace("6629fae49393a05397450978507c4ef1", expected, StringComparison.Ordinal) + ", algorithm=MD5-sess";
        var credentials = Parse(header);
        Assert.Equal("MD5-SESS", credentials.Algorithm);
        Assert.Equal("MD5", credentials.HashAlgorithm);
        Assert.Equal(expected, DigestResponse.Expected(credentials, MufasaHa1, "GET"));
        Assert.True(credentials.CheckHa1(MufasaHa1));
        Assert.True(credentials.CheckPassword("Circle Of Life"));
        // The MD5 answer does not pass as MD5-sess.
        Assert.False(Parse(Rfc2617Header + ", algorithm=MD5-sess").CheckHa1(MufasaHa1));
    }

    [Fact]
    public void Checks_rfc_7616s_sha_256_example()
    {
        // RFC 7616 §3.9.1, the SHA-256 response for Mufasa, password "Circle of Life".
        const string header =
            "Digest username=\"Mufasa\", realm=\"http-auth@example.org\", uri=\"/dir/index.html\", algorithm=SHA-256, " +
            "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", nc=00000001, cnonce=\"f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ\", " +
            "qop=auth, response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";
        var credentials = Parse(header);
        Assert.Equal("SHA-256", credentials.HashAlgorithm);
        Assert.True(credentials.CheckPassword("Circle of Life"));
        Assert.False(credentials.CheckPassword("Circle Of Life"));
    }

    [Fact]
    public void Auth_int_hashes_the_body_into_the_answer()
    {
        // MD5 of the empty body, the well-known d41d8cd98f00b204e9800998ecf8427e, is what a null body hash stands for.
        Assert.Equal("d41d8cd98f00b204e9800998ecf8427e", DigestResponse.Hash("MD5", ""));
        var bodyHash = DigestResponse.Hash("MD5", "x=1"u8);
        var ha2 = DigestResponse.Hash("MD5", $"POST:/dir/index.html:{bodyHash}");
        var response = DigestResponse.Hash("MD5", $"{MufasaHa1}:dcd98b7102dd2f0e8b11d0f600bfb0c093:00000001:0a4f113b:auth-int:{ha2}");
        var credentials = Parse(Rfc2617Header.Replace("qop=auth", "qop=auth-int", StringComparison.Ordinal)
            .Replace("6629fae49393a05397450978507c4ef1", response, StringComparison.Ordinal));
        Assert.True(credentials.CheckHa1(MufasaHa1, "POST", bodyHash));
        Assert.False(credentials.CheckHa1(MufasaHa1, "POST", DigestResponse.Hash("MD5", "x=2")));
    }

    [Fact]
    public void Parses_basic_credentials_and_checks_them_plain_or_hashed()
    {
        // RFC 7617 §2's example: Aladdin / open sesame.
        var credentials = Parse("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
        Assert.Equal(AuthorizationScheme.Basic, credentials.Scheme);
        Assert.Equal(("Aladdin", "open sesame"), (credentials.UserName, credentials.Password));
        Assert.Null(credentials.Algorithm);
        Assert.Empty(credentials.Fields);
        Assert.True(credentials.CheckPassword("open sesame"));
        Assert.False(credentials.CheckPassword("open sesamE"));
        // cherrypy.lib.auth's default encrypt: the map holds MD5 hex.
        // python3 -c "import hashlib; print(hashlib.md5(b'open sesame').hexdigest())"
        const string md5 = "54ef36ec71201fdf9d1423fd26f97f6b";
        Assert.Equal(md5, DigestResponse.Hash("MD5", "open sesame"));
        Assert.True(credentials.CheckPassword(md5, encrypt: AuthBasicTool.Md5Hex));
        Assert.False(credentials.CheckPassword("open sesame", encrypt: AuthBasicTool.Md5Hex));
        Assert.False(credentials.CheckHa1(MufasaHa1));
    }

    [Fact]
    public void Basic_decodes_the_charset_then_latin1_and_keeps_colons_in_the_password()
    {
        var utf8 = Parse("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("zoë:a:b")));
        Assert.Equal(("zoë", "a:b"), (utf8.UserName, utf8.Password));
        // Byte E9 alone is no UTF-8: ISO-8859-1's é.
        var latin1 = Parse("basic " + Convert.ToBase64String([0x72, 0xE9, 0x3A, 0x78]));
        Assert.Equal(("ré", "x"), (latin1.UserName, latin1.Password));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer abc")]
    [InlineData("Basically QWxhZGRpbjpvcGVuIHNlc2FtZQ==")]
    [InlineData("Negotiate")]
    public void No_credentials_or_another_scheme_is_null(string? header) => Assert.Null(AuthorizationHeader.Parse(header));

    [Theory]
    [InlineData("Basic")]
    [InlineData("Basic !!!notbase64")]
    [InlineData("Basic YWxhZGRpbg==")] // "aladdin": no colon
    [InlineData("Digest")]
    [InlineData("Digest garbage")]
    [InlineData("Digest username=\"alice\"")]
    [InlineData("Digest username=\"alice\", realm=\"r\", nonce=\"n\", uri=\"/\", response=\"x\", algorithm=SHA-512")]
    [InlineData("Digest username=\"alice\", realm=\"r\", nonce=\"n\", uri=\"/\", response=\"x\", qop=auth")]
    [InlineData("Digest username=\"alice\", realm=\"r\", nonce=\"n\", uri=\"/\", response=\"x\", qop=auth-conf, nc=1, cnonce=c")]
    [InlineData("Digest username=\"alice\", realm=\"r\", nonce=\"n\", uri=\"/\", response=\"x\", nc=00000001")]
    [InlineData("Digest username=\"\", realm=\"r\", nonce=\"n\", uri=\"/\", response=\"x\"")]
    public void Malformed_credentials_are_a_header_format_error(string header)
    {
        var error = Assert.Throws<HeaderFormatException>(() => AuthorizationHeader.Parse(header));
        Assert.Equal("Authorization", error.Header);
        Assert.Equal(400, error.ToHttpError().StatusCode);
    }

    [Fact]
    public void Quoted_values_keep_escaped_quotes_and_commas()
    {
        var credentials = Parse("Digest username=\"a\\\"b, c\", realm=\"r\", nonce=\"n\", uri=\"/x?a=1,2\", response=\"x\"");
        Assert.Equal("a\"b, c", credentials.UserName);
        Assert.Equal("/x?a=1,2", credentials.Uri);
        Assert.Null(credentials.Qop);
    }

    [Fact]
    public void A_legacy_answer_without_qop_is_checked_as_rfc_2069_did()
    {
        // RFC 2069: response = H(HA1:nonce:HA2), computed here from the pieces.
        var response = DigestResponse.Hash("MD5", $"{MufasaHa1}:dcd98b7102dd2f0e8b11d0f600bfb0c093:{DigestResponse.Hash("MD5", "GET:/dir/index.html")}");
        var credentials = Parse($"Digest username=\"Mufasa\", realm=\"testrealm@host.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"/dir/index.html\", response=\"{response.ToUpperInvariant()}\"");
        Assert.True(credentials.CheckPassword("Circle Of Life"));
    }

    [Fact]
    public void Nonces_round_trip_their_issue_time_under_their_key_and_realm_only()
    {
        var nonces = new DigestNonce("secret", "wonderland");
        var issued = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var nonce = nonces.Create(issued);
        Assert.Matches("^1700000000:[0-9a-f]{16}:[0-9a-f]{64}$", nonce);
        Assert.NotEqual(nonce, nonces.Create(issued));
        Assert.True(nonces.TryRead(nonce, out var read));
        Assert.Equal(issued, read);
        Assert.False(new DigestNonce("other", "wonderland").TryRead(nonce, out _));
        Assert.False(new DigestNonce("secret", "elsewhere").TryRead(nonce, out _));
        Assert.False(nonces.TryRead("1700000001" + nonce[10..], out _));
        Assert.False(nonces.TryRead("99999999999999999999:00:00", out _));
        Assert.False(nonces.TryRead("garbage", out _));
        // The last second a DateTimeOffset holds is still a time.
        Assert.True(nonces.TryRead(nonces.Create(DateTimeOffset.MaxValue), out var last));
        Assert.Equal(DateTimeOffset.MaxValue.ToUnixTimeSeconds(), last.ToUnixTimeSeconds());
        Assert.Matches("^[0-9a-f]{32}$", nonces.Opaque);
        Assert.Equal(nonces.Opaque, new DigestNonce("secret", "wonderland").Opaque);
        Assert.NotEqual(nonces.Opaque, new DigestNonce("secret", "elsewhere").Opaque);
    }

    [Fact]
    public void The_tool_makes_its_nonces_with_the_public_type()
    {
        var tool = new AuthDigestTool { Options = new() { Realm = "wonderland", Key = "secret" } };
        var nonce = tool.NewNonce(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        Assert.True(new DigestNonce("secret", "wonderland").TryRead(nonce, out var issued));
        Assert.Equal(1_700_000_000, issued.ToUnixTimeSeconds());
    }

    [Fact]
    public void Challenges_offer_digest_then_basic()
    {
        Assert.Equal("Basic realm=\"earth\"", AuthenticateChallenge.Basic("earth"));
        Assert.Equal("Basic realm=\"earth\", charset=\"UTF-8\"", AuthenticateChallenge.Basic("earth", "utf-8"));
        Assert.Equal("Basic realm=\"earth\"", AuthenticateChallenge.Basic("earth", "ISO-8859-1"));
        Assert.Equal("Basic realm=\"a\\\"b\"", AuthenticateChallenge.Basic("a\"b"));
        Assert.Equal("Digest realm=\"r\", nonce=\"n\", algorithm=\"SHA-256\", qop=\"auth\", opaque=\"o\", stale=\"true\"",
            AuthenticateChallenge.Digest("r", "n", "sha-256", "o", stale: true));

        var nonces = new DigestNonce("secret", "wonderland");
        var challenges = AuthenticateChallenge.DigestWithBasicFallback("wonderland", nonces, DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), ["MD5", "SHA-256"]);
        Assert.Equal(3, challenges.Length);
        Assert.StartsWith("Digest realm=\"wonderland\", nonce=\"1700000000:", challenges[0], StringComparison.Ordinal);
        Assert.Contains("algorithm=\"MD5\"", challenges[0], StringComparison.Ordinal);
        Assert.Contains("algorithm=\"SHA-256\"", challenges[1], StringComparison.Ordinal);
        Assert.Equal("Basic realm=\"wonderland\"", challenges[2]);

        // A client answering the challenge: its nonce and opaque come back and check.
        var nonce = challenges[0].Split("nonce=\"")[1].Split('"')[0];
        Assert.True(nonces.TryRead(nonce, out _));
        var ha1 = DigestResponse.Ha1("MD5", "alice", "wonderland", "4x5istwelve");
        var ha2 = DigestResponse.Hash("MD5", "GET:/staff/");
        var response = DigestResponse.Hash("MD5", $"{ha1}:{nonce}:00000001:c1:auth:{ha2}");
        var answer = Parse($"Digest username=\"alice\", realm=\"wonderland\", nonce=\"{nonce}\", uri=\"/staff/\", qop=auth, nc=00000001, cnonce=\"c1\", response=\"{response}\", opaque=\"{nonces.Opaque}\"");
        Assert.True(answer.CheckHa1(ha1));
    }

    [Fact]
    public void Hashed_password_maps_compare_the_encrypted_password()
    {
        // python3 -c "import hashlib; print(hashlib.md5(b'bebop').hexdigest())"
        var check = AuthBasicTool.CheckHashedPasswordDict(new Dictionary<string, string> { ["bird"] = "2bb63089048fceee981610fbf089be31" });
        Assert.True(check("earth", "bird", "bebop"));
        Assert.False(check("earth", "bird", "2bb63089048fceee981610fbf089be31"));
        Assert.False(check("earth", "nobody", "bebop"));
        var sha = AuthBasicTool.CheckHashedPasswordDict(new Dictionary<string, string> { ["bird"] = DigestResponse.Hash("SHA-256", "bebop") }, p => DigestResponse.Hash("SHA-256", p));
        Assert.True(sha("earth", "bird", "bebop"));
        Assert.False(sha("earth", "bird", "bebop2"));
        Assert.False(sha("earth", "nobody", "bebop"));
    }

    [Fact]
    public void Unknown_algorithms_are_an_argument_error_for_the_hash() =>
        Assert.Throws<ArgumentException>(() => DigestResponse.Hash("SHA-512", "x"));
}
