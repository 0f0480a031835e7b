using Cherry.Http;

namespace Cherry.Runtime.Tests;

/// <summary>
/// Digest against RFC 7616 §3.9.1's own example (its MD5 and SHA-256 responses are the oracle), and the challenge's
/// optional parts.
/// </summary>
public sealed class DigestVectorTests
{
    private const string Nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private const string ClientNonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    [Theory]
    [InlineData("MD5", "8ca523f5e9506fed4657c9700eebdbec")]
    [InlineData("SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
    public void The_rfc_7616_example_gives_its_response(string algorithm, string response)
    {
        var credentials = AuthorizationHeader.Parse(
            $"Digest username=\"Mufasa\", realm=\"http-auth@example.org\", uri=\"/dir/index.html\", algorithm={algorithm}, nonce=\"{Nonce}\", nc=00000001, cnonce=\"{ClientNonce}\", qop=auth, response=\"{response}\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"")!;
        var ha1 = DigestResponse.Ha1(algorithm, "Mufasa", "http-auth@example.org", "Circle of Life");
        Assert.Equal(response, DigestResponse.Expected(credentials, ha1, "GET"));
        Assert.True(credentials.CheckPassword("Circle of Life"));
        Assert.False(credentials.CheckPassword("Circle of life"));
        Assert.False(credentials.CheckPassword("Circle of Life", method: "POST"));
    }

    [Fact]
    public void Only_md5_and_sha_256_are_digest_algorithms()
    {
        Assert.Equal(32, DigestResponse.Hash("md5-sess", "x").Length);
        Assert.Equal(64, DigestResponse.Hash("sha-256-sess", "x").Length);
        var error = Assert.Throws<ArgumentException>(() => DigestResponse.Hash("SHA-1", "x"));
        Assert.StartsWith("'SHA-1' is not a digest algorithm (MD5, SHA-256).", error.Message);
    }

    [Fact]
    public void A_challenge_carries_opaque_and_stale_only_when_asked_and_quotes_its_values()
    {
        Assert.Equal("Digest realm=\"r\", nonce=\"n\", algorithm=\"MD5\", qop=\"auth\"", AuthenticateChallenge.Digest("r", "n"));
        Assert.Equal("Digest realm=\"a \\\"b\\\" \\\\c\", nonce=\"n\", algorithm=\"SHA-256\", qop=\"auth\", opaque=\"o\", stale=\"true\", charset=\"UTF-8\"",
            AuthenticateChallenge.Digest("a \"b\" \\c", "n", "sha-256", opaque: "o", stale: true, charset: "utf-8"));
        Assert.Equal("Basic realm=\"r\"", AuthenticateChallenge.Basic("r", "ISO-8859-1"));
        var challenges = AuthenticateChallenge.DigestWithBasicFallback("r", new DigestNonce(key: "0123456789abcdef", realm: "r"), DateTimeOffset.UnixEpoch.AddDays(1));
        Assert.Equal(2, challenges.Length);
        Assert.Contains("algorithm=\"MD5\"", challenges[0]);
        Assert.StartsWith("Basic realm=\"r\"", challenges[1]);
    }

    [Fact]
    public void Every_supported_algorithm_parses_in_any_case()
    {
        foreach (var algorithm in new[] { "md5", "MD5-sess", "sha-256", "SHA-256-sess" })
        {
            var credentials = AuthorizationHeader.Parse($"Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"/\", response=\"x\", algorithm={algorithm}")!;
            Assert.Equal(algorithm.ToUpperInvariant(), credentials.Algorithm);
        }
    }

    [Fact]
    public void A_session_algorithm_without_qop_hashes_an_empty_client_nonce()
    {
        var credentials = AuthorizationHeader.Parse("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"/x\", response=\"x\", algorithm=MD5-sess")!;
        var ha1 = DigestResponse.Ha1("MD5", "u", "r", "secret");
        string Md5(string text) => DigestResponse.Hash("MD5", text);
        Assert.Equal(Md5($"{Md5($"{ha1}:n:")}:n:{Md5("GET:/x")}"), DigestResponse.Expected(credentials, ha1, "GET"));
    }

    [Fact]
    public void Auth_int_without_a_body_hash_hashes_the_empty_body()
    {
        var credentials = AuthorizationHeader.Parse("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"/x\", response=\"x\", qop=auth-int, nc=00000001, cnonce=\"c\"")!;
        var ha1 = DigestResponse.Ha1("MD5", "u", "r", "secret");
        string Md5(string text) => DigestResponse.Hash("MD5", text);
        var expected = Md5($"{ha1}:n:00000001:c:auth-int:{Md5($"POST:/x:{Md5("")}")}");
        Assert.Equal(expected, DigestResponse.Expected(credentials, ha1, "POST"));
        Assert.NotEqual(expected, DigestResponse.Expected(credentials, ha1, "POST", Md5("body")));
    }

    [Fact]
    public void Only_a_digest_answer_has_a_request_digest()
    {
        var error = Assert.Throws<ArgumentException>(() => DigestResponse.Expected(AuthorizationHeader.Parse("Basic YTpi")!, "00", "GET"));
        Assert.StartsWith("Only a Digest answer has a request-digest.", error.Message);
    }
}
