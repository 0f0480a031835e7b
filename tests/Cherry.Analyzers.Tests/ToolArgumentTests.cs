using Cherry.CodeFixes;
using static Cherry.Analyzers.Tests.Verify;

namespace Cherry.Analyzers.Tests;

/// <summary>CHERRY0008 (tool arguments), CHERRY0009 (realm) and CHERRY0010 (digest key), with the realm and key fixes.</summary>
public sealed class ToolArgumentTests
{
    [Fact]
    public Task Out_of_range_values_bad_patterns_unknown_methods_and_shadowed_roots_are_reported() => AnalyzerAsync<ToolArgumentAnalyzer>("""
        [{|CHERRY0008:Caching(Delay = 0)|}]
        public class Cached
        {
            [Exposed, {|CHERRY0008:Expires(Secs = -5)|}] public string Index() => "x";
            [Exposed, {|CHERRY0008:Referer("http://[example")|}] public string Ref() => "x";
            [Exposed, {|CHERRY0008:Allow("GET", "FETCH")|}] public string Only() => "x";
            [Exposed, {|CHERRY0008:StaticFile("/srv/site/style.css", Root = "/srv")|}] public string Style() => "x";
        }

        [{|CHERRY0008:StaticDir("/var/www", Root = "/srv")|}]
        public class Files
        {
            [Exposed] public string Default(params string[] path) => "x";
        }
        """);

    /// <summary>Rules that once only configuration met at start-up: the catalog gives the attribute the same ones.</summary>
    [Fact]
    public Task Every_rule_of_the_catalog_applies_to_attributes() => AnalyzerAsync<ToolArgumentAnalyzer>("""
        [{|CHERRY0008:Gzip(CompressLevel = 12)|}, {|CHERRY0008:TrailingSlash(Status = 200)|}]
        public class Root
        {
            [Exposed, {|CHERRY0008:Referer("example", Error = 302)|}] public string Ref() => "x";
            [Exposed, {|CHERRY0008:Sessions(Timeout = 0)|}] public string Short() => "x";
            [Exposed, {|CHERRY0008:ResponseHeaders("X-Frame-Options")|}] public string Half() => "x";
            [Exposed, {|CHERRY0008:Redirect("")|}] public string Nowhere() => "x";
            [Exposed, {|CHERRY0008:Proxy(TrustedProxies = new[] { "10.0.0.1/8" })|}] public string HostBits() => "x";
            [Exposed, {|CHERRY0008:Proxy(TrustedProxies = new[] { "nginx" })|}] public string Named() => "x";
            [Exposed, Gzip(CompressLevel = 9), TrailingSlash(Status = 308), Referer("example", Error = 404), Sessions(Timeout = 5)] public string Fine() => "x";
            [Exposed, Proxy(TrustedProxies = new[] { "10.0.0.0/8", "192.0.2.7", "::1", "fd00::/8" })] public string Proxied() => "x";
        }
        """);

    [Fact]
    public Task Sensible_arguments_are_fine() => AnalyzerAsync<ToolArgumentAnalyzer>("""
        [Caching(Delay = 3600)]
        public class Cached
        {
            [Exposed, Expires(Secs = 0, Force = true)] public string Index() => "x";
            [Exposed, Referer(@"http://[^/]*example\.com")] public string Ref() => "x";
            [Exposed, Allow("GET", "post")] public string Only() => "x";
            [Exposed, StaticFile("style.css", Root = "/srv/site")] public string Style() => "x";
        }

        [StaticDir("/var/www"), AuthBasic(Realm = "earth"), AuthDigest(Realm = "moon", Key = "a565c27146791cfb")]
        public class Files
        {
            [Exposed] public string Default(params string[] path) => "x";
        }
        """);

    [Fact]
    public Task Auth_without_realm_or_key_is_reported() => AnalyzerAsync<ToolArgumentAnalyzer>("""
        [{|CHERRY0009:AuthBasic|}]
        public class Basic
        {
            [Exposed] public string Index() => "x";
        }

        [{|CHERRY0009:{|CHERRY0010:AuthDigest(Realm = "")|}|}]
        public class Digest
        {
            [Exposed] public string Index() => "x";
        }
        """);

    [Fact]
    public Task Realm_fix_adds_a_realm() => CodeFixAsync<ToolArgumentAnalyzer, AuthArgumentCodeFix>("""
        [{|CHERRY0009:AuthBasic(AcceptCharset = "utf-8")|}]
        public class Basic
        {
            [Exposed] public string Index() => "x";
        }
        """, """
        [AuthBasic(AcceptCharset = "utf-8", Realm = "app")]
        public class Basic
        {
            [Exposed] public string Index() => "x";
        }
        """);

    [Fact]
    public async Task Key_fix_adds_a_random_key()
    {
        var source = """
            [{|CHERRY0010:AuthDigest(Realm = "moon")|}]
            public class Digest
            {
                [Exposed] public string Index() => "x";
            }
            """;
        // The key is random: check its shape by running the fix and the analyzer on the result.
        var fixedSource = await FixRunner.ApplyAsync(new ToolArgumentAnalyzer(), new AuthArgumentCodeFix(), source.Replace("{|CHERRY0010:", "").Replace(")|}", ")"));
        Assert.Matches("""\[AuthDigest\(Realm = "moon", Key = "[0-9a-f]{16}"\)\]""", fixedSource);
        await AnalyzerAsync<ToolArgumentAnalyzer>(fixedSource);
    }
}
