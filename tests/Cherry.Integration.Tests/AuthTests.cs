using System.Net;
using System.Text;
using Cherry.Integration.Tests.App;
using Cherry.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Cherry.Integration.Tests;

public sealed class AuthFixture : IAsyncLifetime
{
    public const string Key = "a565c27146791cfb";

    public CherryServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await StartAsync();

    public static Task<CherryServer> StartAsync(Action<IServiceCollection>? more = null, Action<CherryAppOptions>? configure = null) => CherryServer.StartAsync(
        app =>
        {
            app.MapCherry<AuthRoot>("/", o =>
            {
                o.Set("/configured", "tools.auth_basic.on", "True")
                    .Set("/configured", "tools.auth_basic.realm", "moon")
                    .Set("/legacy", "tools.auth_digest.on", "True")
                    .Set("/legacy", "tools.auth_digest.realm", "wonderland")
                    .Set("/legacy", "tools.auth_digest.key", Key)
                    .Set("/legacy", "tools.auth_digest.allow_legacy_no_qop", "True");
                configure?.Invoke(o);
            });
            app.MapCherry<AuthFallbackRoot>("/fallback", o => o
                .Set("/hashed", "tools.auth_basic.on", "True")
                .Set("/hashed", "tools.auth_basic.realm", "sun"));
        },
        services: services =>
        {
            services.AddKeyedSingleton("earth", AuthBasicTool.CheckPasswordDict(new Dictionary<string, string> { ["bird"] = "bebop" }));
            services.AddKeyedSingleton("moon", AuthBasicTool.CheckPasswordDict(new Dictionary<string, string> { ["luna"] = "tide" }));
            services.AddKeyedSingleton("pantry", AuthBasicTool.CheckPasswordDict(new Dictionary<string, string> { ["ann"] = "apple", ["bob"] = "bean" }));
            // python3 -c "import hashlib; print(hashlib.md5(b'corona').hexdigest())"
            services.AddKeyedSingleton("sun", AuthBasicTool.CheckHashedPasswordDict(new Dictionary<string, string> { ["sol"] = "8215e48bd370871e71a61118277b6876" }));
            services.AddKeyedSingleton("wonderland", AuthDigestTool.Ha1FromPasswords(new Dictionary<string, string> { ["alice"] = "4x5istwelve" }));
            more?.Invoke(services);
        });

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>cases.md §5 (auth_basic) and §6 (auth_digest), with curl and Python's urllib as clients.</summary>
public sealed class AuthTests(AuthFixture fixture) : IClassFixture<AuthFixture>
{
    private readonly HttpClient _client = fixture.Server.Client;

    /// <summary>The URL as written: Uri.ToString() would decode percent-escapes before curl or Python see them.</summary>
    private string Absolute(string path) => fixture.Server.Address.GetLeftPart(UriPartial.Authority) + path;

    private static string Basic(string credentials) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials));

    [Theory]
    [InlineData(null)]
    [InlineData("bird:wrong")]
    [InlineData("nobody:bebop")]
    public async Task Basic_challenges_without_good_credentials(string? credentials)
    {
        var headers = credentials is null ? Array.Empty<(string, string)>() : [("Authorization", Basic(credentials))];
        var (response, body) = await _client.FetchAsync("/basic/", headers);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic realm=\"earth\", charset=\"UTF-8\"", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal("You are not authorized to access that resource", Http.ErrorMessage(body));
    }

    [Fact]
    public async Task Basic_with_another_scheme_is_challenged()
    {
        var (response, _) = await _client.FetchAsync("/basic/", ("Authorization", "Bearer abc"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("Basic !!!notbase64")]
    [InlineData("Basic")]
    public async Task Basic_with_a_malformed_value_is_400(string header)
    {
        var (response, body) = await _client.FetchAsync("/basic/", ("Authorization", header));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Bad Request", Http.ErrorMessage(body));
    }

    [Fact]
    public async Task Basic_without_a_colon_is_400() =>
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.FetchAsync("/basic/", ("Authorization", "Basic " + Convert.ToBase64String("birdbebop"u8.ToArray())))).Response.StatusCode);

    [Fact]
    public async Task Basic_lets_curl_in_with_the_user_as_login()
    {
        Assert.Equal("Hello bird", await Curl.RunAsync("-s", "-u", "bird:bebop", Absolute("/basic/")));
        Assert.Equal("Hello bird", (await _client.FetchAsync("/basic/", ("Authorization", Basic("bird:bebop")))).Body);
    }

    [Fact]
    public async Task Basic_can_be_switched_on_by_configuration()
    {
        var (challenge, _) = await _client.FetchAsync("/configured/");
        Assert.Equal("Basic realm=\"moon\", charset=\"UTF-8\"", challenge.Headers.WwwAuthenticate.ToString());
        Assert.Equal("Configured hello luna", (await _client.FetchAsync("/configured/", ("Authorization", Basic("luna:tide")))).Body);
    }

    [Fact]
    public async Task Basic_over_a_map_of_md5_hashed_passwords_lets_the_plain_password_in()
    {
        Assert.Equal("Configured hello sol", await Curl.RunAsync("-s", "--basic", "-u", "sol:corona", Absolute("/fallback/hashed/")));
        // The stored hash itself is not a password.
        Assert.Equal("401", await Curl.RunAsync("-s", "-o", "/dev/null", "-w", "%{http_code}", "--basic", "-u", "sol:8215e48bd370871e71a61118277b6876", Absolute("/fallback/hashed/")));
    }

    [Fact]
    public async Task Digest_with_basic_fallback_challenges_with_both_and_lets_either_client_in()
    {
        var (response, _) = await _client.FetchAsync("/fallback/either/");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenges = response.Headers.WwwAuthenticate.Select(h => h.ToString()).ToList();
        Assert.Equal(3, challenges.Count);
        Assert.StartsWith("Digest realm=\"wonderland\", nonce=", challenges[0], StringComparison.Ordinal);
        Assert.Contains("algorithm=\"SHA-256\"", challenges[1], StringComparison.Ordinal);
        Assert.Equal("Basic realm=\"wonderland\", charset=\"UTF-8\"", challenges[2]);

        Assert.Equal("Hello alice", await Curl.RunAsync("-s", "--digest", "-u", "alice:4x5istwelve", Absolute("/fallback/either/")));
        Assert.Equal("Hello alice", await Curl.RunAsync("-s", "--basic", "-u", "alice:4x5istwelve", Absolute("/fallback/either/")));
        // --anyauth asks first and picks the safer scheme offered.
        Assert.Equal("Hello alice", await Curl.RunAsync("-s", "--anyauth", "-u", "alice:4x5istwelve", Absolute("/fallback/either/")));
        Assert.Equal("401", await Curl.RunAsync("-s", "-o", "/dev/null", "-w", "%{http_code}", "--basic", "-u", "alice:wrong", Absolute("/fallback/either/")));
        Assert.Equal("401", await Curl.RunAsync("-s", "-o", "/dev/null", "-w", "%{http_code}", "--digest", "-u", "alice:wrong", Absolute("/fallback/either/")));
        // Without the fallback a Basic answer is only challenged again.
        Assert.Equal("401", await Curl.RunAsync("-s", "-o", "/dev/null", "-w", "%{http_code}", "--basic", "-u", "alice:4x5istwelve", Absolute("/digest/")));
    }

    [Fact]
    public async Task Digest_with_basic_fallback_refuses_a_wrong_basic_password_without_stale_and_a_malformed_one_with_400()
    {
        var (wrong, page) = await _client.FetchAsync("/fallback/either/", ("Authorization", Basic("alice:wrong")));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("You are not authorized to access that resource", Http.ErrorMessage(page));
        Assert.Equal(3, wrong.Headers.WwwAuthenticate.Count);
        Assert.All(wrong.Headers.WwwAuthenticate, challenge => Assert.DoesNotContain("stale", challenge.ToString()));
        // A Basic value that does not decode gets the Basic tool's own 400.
        var (malformed, body) = await _client.FetchAsync("/fallback/either/", ("Authorization", "Basic !!!notbase64"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("Bad Request", Http.ErrorMessage(body));
    }

    [Fact]
    public async Task Digest_challenges_with_md5_and_sha256()
    {
        var (response, _) = await _client.FetchAsync("/digest/");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenges = response.Headers.WwwAuthenticate.Select(h => h.ToString()).ToList();
        Assert.Equal(2, challenges.Count);
        Assert.Matches("^Digest realm=\"wonderland\", nonce=\"\\d+:[0-9a-f]{16}:[0-9a-f]{64}\", algorithm=\"MD5\", qop=\"auth\", opaque=\"[0-9a-f]{32}\", charset=\"UTF-8\"$", challenges[0]);
        Assert.Contains("algorithm=\"SHA-256\"", challenges[1]);
    }

    [Fact]
    public async Task Curl_digest_logs_in_and_a_wrong_password_does_not()
    {
        Assert.Equal("Hello alice", await Curl.RunAsync("-s", "--digest", "-u", "alice:4x5istwelve", Absolute("/digest/")));
        var failed = await Curl.RunAsync("-s", "-o", "/dev/null", "-w", "%{http_code}", "--digest", "-u", "alice:wrong", Absolute("/digest/"));
        Assert.Equal("401", failed);
        // Authentication passes; the handler takes no such parameters.
        var mismatch = await Curl.RunAsync("-s", "-o", "/dev/null", "-w", "%{http_code}", "--digest", "-u", "alice:4x5istwelve", Absolute("/digest/?a=1&b=2"));
        Assert.Equal("404", mismatch);
    }

    [Fact]
    public async Task Python_urllib_digest_handler_logs_in() => Assert.Equal("Hello alice", await UrllibDigestAsync(Absolute("/digest/")));

    /// <summary>Fetches <paramref name="url"/> with Python's HTTPDigestAuthHandler as alice.</summary>
    private static Task<string> UrllibDigestAsync(string url) => Python.RunAsync("""
        import sys, urllib.request as u
        m = u.HTTPPasswordMgrWithDefaultRealm(); m.add_password(None, sys.argv[1], 'alice', '4x5istwelve')
        sys.stdout.buffer.write(u.build_opener(u.HTTPDigestAuthHandler(m)).open(sys.argv[1]).read())
        """, [url]);

    [Theory]
    [InlineData("/digest/caf%C3%A9", "Hello alice at café")]
    [InlineData("/digest/a%20b", "Hello alice at a b")]
    [InlineData("/digest/%7E", "Hello alice at ~")]
    [InlineData("/digest/caf%C3%A9?q=%C3%A9t%C3%A9", "Hello alice at café q=été")]
    public async Task Digest_lets_real_clients_in_on_percent_encoded_paths(string target, string expected)
    {
        // The client's uri is the request-target as it sent it, percent-encoding and all (RFC 7616 §3.4.6).
        Assert.Equal(expected, await Curl.RunAsync("-s", "--digest", "-u", "alice:4x5istwelve", Absolute(target)));
        Assert.Equal(expected, await UrllibDigestAsync(Absolute(target)));
    }

    [Theory]
    [InlineData("/digest/caf%C3%A9", "/digest/cafe")]
    [InlineData("/digest/caf%C3%A9", "/digest/caf%C3%A9?x=1")]
    [InlineData("/digest/caf%C3%A9?x=1", "/digest/caf%C3%A9?x=2")]
    public async Task Digest_still_refuses_a_percent_encoded_uri_for_another_resource(string target, string uri)
    {
        var (response, body) = await _client.FetchAsync(target, ("Authorization", Authorization(Nonce(), uri)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The Authorization header's uri does not match the request.", Http.ErrorMessage(body));
        Assert.Equal(HttpStatusCode.OK, (await _client.FetchAsync(target, ("Authorization", Authorization(Nonce(), target)))).Response.StatusCode);
    }

    private static string Md5(string text) => AuthDigestTool.Hash("MD5", text);

    private static string Authorization(string nonce, string uri, string nc = "00000001", string algorithm = "MD5", string method = "GET", string password = "4x5istwelve", string? opaque = null)
    {
        var hash = (string text) => AuthDigestTool.Hash(algorithm, text);
        var ha1 = hash($"alice:wonderland:{password}");
        var response = hash($"{ha1}:{nonce}:{nc}:abc:auth:{hash($"{method}:{uri}")}");
        return $"Digest username=\"alice\", realm=\"wonderland\", nonce=\"{nonce}\", uri=\"{uri}\", algorithm={algorithm}, qop=auth, nc={nc}, cnonce=\"abc\", response=\"{response}\""
            + (opaque is null ? "" : $", opaque=\"{opaque}\"");
    }

    private static string Nonce(DateTimeOffset? issued = null) =>
        new AuthDigestTool { Options = new() { Realm = "wonderland", Key = AuthFixture.Key } }.NewNonce(issued ?? DateTimeOffset.UtcNow);

    /// <summary>RFC 2069's answer: no qop, nc nor cnonce, so nothing but the nonce tells one request from another.</summary>
    private static string LegacyAuthorization(string nonce, string uri)
    {
        var response = Md5($"{Md5("alice:wonderland:4x5istwelve")}:{nonce}:{Md5($"GET:{uri}")}");
        return $"Digest username=\"alice\", realm=\"wonderland\", nonce=\"{nonce}\", uri=\"{uri}\", response=\"{response}\"";
    }

    [Fact]
    public async Task Digest_refuses_the_legacy_answer_without_qop_by_default()
    {
        var (response, _) = await _client.FetchAsync("/digest/", ("Authorization", LegacyAuthorization(Nonce(), "/digest/")));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.All(response.Headers.WwwAuthenticate, challenge => Assert.Contains("qop=\"auth\"", challenge.ToString()));
    }

    [Fact]
    public async Task Digest_allowed_without_qop_takes_each_nonce_once()
    {
        var header = ("Authorization", LegacyAuthorization(Nonce(), "/legacy/"));
        var (first, body) = await _client.FetchAsync("/legacy/", header);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("Configured hello alice", body);
        var (replay, _) = await _client.FetchAsync("/legacy/", header);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Contains("stale=\"true\"", replay.Headers.WwwAuthenticate.First().ToString());
        Assert.Equal(HttpStatusCode.OK, (await _client.FetchAsync("/legacy/", ("Authorization", LegacyAuthorization(Nonce(), "/legacy/")))).Response.StatusCode);
    }

    [Fact]
    public async Task Digest_limited_to_md5_challenges_once_and_asks_again_for_a_sha256_answer()
    {
        var (challenge, _) = await _client.FetchAsync("/md5/");
        Assert.Equal(HttpStatusCode.Unauthorized, challenge.StatusCode);
        Assert.Contains("algorithm=\"MD5\"", Assert.Single(challenge.Headers.WwwAuthenticate).ToString());
        var (sha256, _) = await _client.FetchAsync("/md5/", ("Authorization", Authorization(Nonce(), "/md5/", algorithm: "SHA-256")));
        Assert.Equal(HttpStatusCode.Unauthorized, sha256.StatusCode);
        // Asked again for the algorithm offered; the nonce was fine, but so was nothing else yet: no stale.
        Assert.DoesNotContain("stale", Assert.Single(sha256.Headers.WwwAuthenticate).ToString());
        var (md5, body) = await _client.FetchAsync("/md5/", ("Authorization", Authorization(Nonce(), "/md5/")));
        Assert.Equal((HttpStatusCode.OK, "Hello alice"), (md5.StatusCode, body));
    }

    [Fact]
    public async Task Digest_accepts_sha256()
    {
        var (response, body) = await _client.FetchAsync("/digest/", ("Authorization", Authorization(Nonce(), "/digest/", algorithm: "SHA-256")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hello alice", body);
    }

    [Fact]
    public async Task Digest_refuses_a_replayed_nonce_count()
    {
        var nonce = Nonce();
        Assert.Equal(HttpStatusCode.OK, (await _client.FetchAsync("/digest/", ("Authorization", Authorization(nonce, "/digest/")))).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.FetchAsync("/digest/", ("Authorization", Authorization(nonce, "/digest/")))).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.FetchAsync("/digest/", ("Authorization", Authorization(nonce, "/digest/", nc: "00000002")))).Response.StatusCode);
    }

    [Fact]
    public async Task Digest_answers_an_old_nonce_with_stale()
    {
        var (response, _) = await _client.FetchAsync("/digest/", ("Authorization", Authorization(Nonce(DateTimeOffset.UtcNow.AddSeconds(-700)), "/digest/")));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("stale=\"true\"", response.Headers.WwwAuthenticate.First().ToString());
    }

    /// <summary>stale="true" tells a client its password was right and only the nonce is old; no other refusal says so.</summary>
    [Theory]
    [InlineData("wrong password")]
    [InlineData("wrong realm")]
    [InlineData("no qop")]
    [InlineData("replayed count")]
    public async Task Digest_refusals_other_than_an_old_nonce_carry_no_stale(string refusal)
    {
        var nonce = Nonce();
        var header = refusal switch
        {
            "wrong password" => Authorization(nonce, "/digest/", password: "wrong"),
            "wrong realm" => Authorization(nonce, "/digest/").Replace("realm=\"wonderland\"", "realm=\"elsewhere\"", StringComparison.Ordinal),
            "no qop" => LegacyAuthorization(nonce, "/digest/"),
            _ => Authorization(nonce, "/digest/"),
        };
        if (refusal == "replayed count")
        {
            Assert.Equal(HttpStatusCode.OK, (await _client.FetchAsync("/digest/", ("Authorization", header))).Response.StatusCode);
        }
        var (response, _) = await _client.FetchAsync("/digest/", ("Authorization", header));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.All(response.Headers.WwwAuthenticate, challenge => Assert.DoesNotContain("stale", challenge.ToString()));
    }

    [Fact]
    public async Task Digest_refuses_a_forged_nonce_without_stale()
    {
        var (response, _) = await _client.FetchAsync("/digest/", ("Authorization", Authorization("1:bad", "/digest/")));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("stale", response.Headers.WwwAuthenticate.First().ToString());
    }

    [Fact]
    public async Task Digest_checks_that_the_uri_is_the_requests()
    {
        // CherryPy accepts a digest computed for another URI.
        var (response, _) = await _client.FetchAsync("/digest/", ("Authorization", Authorization(Nonce(), "/other")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Digest_checks_the_opaque_value()
    {
        var (response, _) = await _client.FetchAsync("/digest/", ("Authorization", Authorization(Nonce(), "/digest/", opaque: "forged")));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("Digest username=\"alice\"")]
    [InlineData("Digest garbage")]
    [InlineData("Digest username=\"alice\", realm=\"wonderland\", nonce=\"1:x\", uri=\"/digest/\", response=\"x\", algorithm=SHA-512")]
    [InlineData("Digest username=\"alice\", realm=\"wonderland\", nonce=\"1:x\", uri=\"/digest/\", response=\"x\", qop=auth")]
    [InlineData("Digest username=\"alice\", realm=\"wonderland\", nonce=\"1:x\", uri=\"/digest/\", response=\"x\", nc=00000001")]
    public async Task Digest_that_does_not_parse_is_400(string header)
    {
        var (response, body) = await _client.FetchAsync("/digest/", ("Authorization", header));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The Authorization header could not be parsed.", Http.ErrorMessage(body));
    }

    [Fact]
    public async Task Digest_auth_int_hashes_the_body()
    {
        var nonce = Nonce();
        const string body = "text=hi";
        var ha1 = Md5("alice:wonderland:4x5istwelve");
        var ha2 = Md5($"POST:/digest/echo:{Md5(body)}");
        var digest = Md5($"{ha1}:{nonce}:00000001:abc:auth-int:{ha2}");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/digest/echo") { Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded") };
        request.Headers.TryAddWithoutValidation("Authorization",
            $"Digest username=\"alice\", realm=\"wonderland\", nonce=\"{nonce}\", uri=\"/digest/echo\", qop=auth-int, nc=00000001, cnonce=\"abc\", response=\"{digest}\"");
        var (response, text) = await _client.FetchAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("alice posted hi", text);
    }

    [Fact]
    public void Htdigest_files_provide_ha1()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, $"alice:wonderland:{Md5("alice:wonderland:4x5istwelve")}\nbob:other:0\n");
        var getHa1 = AuthDigestTool.Ha1FromHtdigestFile(path);
        Assert.Equal(Md5("alice:wonderland:4x5istwelve"), getHa1("wonderland", "alice", "MD5"));
        Assert.Null(getHa1("wonderland", "bob", "MD5"));
        Assert.Null(getHa1("wonderland", "alice", "SHA-256"));
        File.Delete(path);
    }

    [Fact]
    public void A_map_of_md5_ha1s_provides_them_for_md5_only()
    {
        var getHa1 = AuthDigestTool.Ha1FromDictionary(new Dictionary<string, string> { ["alice"] = Md5("alice:wonderland:4x5istwelve") });
        Assert.Equal(Md5("alice:wonderland:4x5istwelve"), getHa1("wonderland", "alice", "MD5"));
        Assert.Null(getHa1("wonderland", "alice", "SHA-256"));
        Assert.Null(getHa1("wonderland", "bob", "MD5"));
    }

    [Theory]
    [InlineData("redis")]
    [InlineData("postgres")]
    [InlineData("memcached")]
    public async Task A_replay_is_refused_by_every_instance_sharing_the_nonce_counts(string kind)
    {
        INonceCounter counter = kind switch
        {
            "redis" => new RedisNonceCounter(await StoreServers.RedisAsync(), "cherry-test-nonce:" + Guid.NewGuid().ToString("N") + ":"),
            "postgres" => new PostgresNonceCounter(Npgsql.NpgsqlDataSource.Create(await TestServers.PostgresAsync()), "cherry_nonces_" + Guid.NewGuid().ToString("N")[..12]),
            _ => new MemcachedNonceCounter(await TestServers.MemcachedAsync(), "cherry-test-nonce:" + Guid.NewGuid().ToString("N") + ":"),
        };
        await using var a = await AuthFixture.StartAsync(s => s.AddSingleton(counter));
        await using var b = await AuthFixture.StartAsync(s => s.AddSingleton(counter));
        var nonce = Nonce();
        Assert.Equal(HttpStatusCode.OK, (await a.Client.FetchAsync("/digest/", ("Authorization", Authorization(nonce, "/digest/")))).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await b.Client.FetchAsync("/digest/", ("Authorization", Authorization(nonce, "/digest/")))).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await b.Client.FetchAsync("/digest/", ("Authorization", Authorization(nonce, "/digest/", nc: "00000002")))).Response.StatusCode);
    }

    [Fact]
    public async Task An_unreachable_nonce_counter_store_is_503_without_a_traceback()
    {
        await using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{Ports.Free()},abortConnect=false,connectTimeout=500,asyncTimeout=500");
        await using var server = await AuthFixture.StartAsync(s => s.AddSingleton<INonceCounter>(new RedisNonceCounter(redis)));
        var (response, body) = await server.Client.FetchAsync("/digest/", ("Authorization", Authorization(Nonce(), "/digest/")));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("The nonce counter store is unavailable (RedisConnectionException)", body);
        Assert.DoesNotContain("   at ", body);
    }

    /// <summary>What only start-up can see: a realm, an authenticator or a tool the configuration names without its service or partner.</summary>
    [Theory]
    [InlineData("/basic", "tools.auth_basic.realm", "nowhere", "no CheckPassword is registered for the realm 'nowhere': add builder.Services.AddKeyedSingleton<CheckPassword>(\"nowhere\"")]
    [InlineData("/digest", "tools.auth_digest.realm", "nowhere", "no GetHa1 is registered for the realm 'nowhere': add builder.Services.AddKeyedSingleton<GetHa1>(\"nowhere\"")]
    [InlineData("/configured", "tools.session_auth.on", "True", "session_auth needs the sessions tool on the same path")]
    public async Task A_missing_service_or_partner_tool_stops_start_up_with_the_fix(string section, string key, string value, string expected)
    {
        var error = await Assert.ThrowsAsync<CherryConfigurationException>(() => AuthFixture.StartAsync(configure: o => o.Set(section, key, value)));
        Assert.Contains(expected, error.Message);
        Assert.Contains($"section '{section}'", error.Message);
    }

    [Fact]
    public async Task A_missing_session_authenticator_stops_start_up_with_the_fix()
    {
        var error = await Assert.ThrowsAsync<CherryConfigurationException>(() => AuthFixture.StartAsync(configure: o => o
            .Set("/configured", "tools.sessions.on", "True")
            .Set("/configured", "tools.session_auth.on", "True")
            .Set("/configured", "tools.session_auth.authenticator", "staff")));
        Assert.Contains("key 'tools.session_auth.authenticator': no SessionAuthenticator is registered under 'staff'", error.Message);
    }
}
