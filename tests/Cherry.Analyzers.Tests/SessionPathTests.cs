using static Cherry.Analyzers.Tests.Verify;

namespace Cherry.Analyzers.Tests;

/// <summary>CHERRY0012: handlers that read the session where neither an attribute nor visible configuration turns sessions on.</summary>
public sealed class SessionPathTests
{
    private const string Tree = """
        using Microsoft.AspNetCore.Routing;

        public class Cart
        {
            [Exposed] public string Index(Session session) => session.Id;
            [Exposed] public string Count(Request request) => request.RequiredSession.Id;
            [Exposed] public string Plain() => "no session";
        }

        public class Root
        {
            public Cart Cart { get; } = new();
            [Exposed] public string Index() => "home";
        }

        """;

    [Fact]
    public Task Session_reads_without_sessions_on_their_path_are_reported() => AnalyzerAsync<SessionPathAnalyzer>(Tree.Replace(
        "[Exposed] public string Index(Session session)", "[Exposed] public string {|#0:Index|}(Session session)").Replace(
        "[Exposed] public string Count(Request request)", "[Exposed] public string {|#1:Count|}(Request request)") + """
        public static class Site
        {
            public static void Map(IEndpointRouteBuilder app) => app.MapCherry<Root>("/shop", o => o.Set("/other", "tools.sessions.on", "True"));
        }
        """,
        Warning("CHERRY0012").WithLocation(0).WithArguments("Index", "/shop/cart"),
        Warning("CHERRY0012").WithLocation(1).WithArguments("Count", "/shop/cart/count"));

    [Fact]
    public Task Config_calls_switch_sessions_on() => AnalyzerAsync<SessionPathAnalyzer>(Tree + """
        public static class Site
        {
            public static void Map(IEndpointRouteBuilder app) => app.MapCherry<Root>("/", o => o.Set("/cart", "tools.sessions.on", "True"));
        }
        """);

    /// <summary>
    /// A section is read as the runtime reads it (Shared's ConfigGrammar): punctuation in a segment is '_', so
    /// [/my-cart] covers the member MyCart (/my_cart), and a switch takes every word the runtime takes.
    /// </summary>
    [Theory]
    [InlineData("/my-cart", "True")]
    [InlineData("/my.cart", "on")]
    [InlineData("/my_cart", "yes")]
    public Task Sections_and_switches_are_read_as_the_runtime_reads_them(string section, string value) => AnalyzerAsync<SessionPathAnalyzer>(
        Tree.Replace("public Cart Cart { get; } = new();", "public Cart MyCart { get; } = new();") + $$"""
        public static class Site
        {
            public static void Map(IEndpointRouteBuilder app) => app.MapCherry<Root>("/", o => o.Set("{{section}}", "tools.sessions.on", "{{value}}"));
        }
        """);

    [Theory]
    // Read as the runtime reads it: `key: value`, comments and blank lines count the same.
    [InlineData("[/]\ntools.sessions.on = True\n")]
    [InlineData("# the shop\n[/]\n; sessions for every page\ntools.sessions.on: True\n")]
    public Task Ini_files_seen_as_additional_files_switch_sessions_on(string ini) => AnalyzerAsync<SessionPathAnalyzer>(Tree + """
        public static class Site
        {
            public static void Map(IEndpointRouteBuilder app, string here) =>
                app.MapCherry<Root>("/", o => o.AddIniFile(System.IO.Path.Combine(here, "site.conf")));
        }
        """, [("site.conf", ini)]);

    [Fact]
    public Task A_sessions_attribute_on_the_class_covers_its_handlers() => AnalyzerAsync<SessionPathAnalyzer>(Tree.Replace("public class Cart", "[Sessions]\npublic class Cart") + """
        public static class Site
        {
            public static void Map(IEndpointRouteBuilder app) => app.MapCherry<Root>("/");
        }
        """);

    [Fact]
    public Task Configuration_the_analyzer_cannot_see_is_not_judged() => AnalyzerAsync<SessionPathAnalyzer>(Tree + """
        public static class Site
        {
            public static void Map(IEndpointRouteBuilder app, string key) => app.MapCherry<Root>("/", o => o.Set("/cart", key, "True"));
        }
        """);

    /// <summary>Appsettings count as start-up counts them: the keys of this mount, folded with the other sources.</summary>
    [Theory]
    [InlineData("/shop", "/cart", "True", false)]
    [InlineData("/other", "/cart", "True", true)]
    [InlineData("/shop", "/", "true", false)]
    [InlineData("/shop", "/cart", "False", true)]
    public Task Appsettings_keys_of_the_mount_switch_sessions(string mount, string section, string value, bool reported) => AnalyzerAsync<SessionPathAnalyzer>(
        Tree.Replace("[Exposed] public string Index(Session session)", "[Exposed] public string {|#0:Index|}(Session session)").Replace(
        "[Exposed] public string Count(Request request)", "[Exposed] public string {|#1:Count|}(Request request)") + """
        public static class Site
        {
            public static void Map(IEndpointRouteBuilder app) => app.MapCherry<Root>("/shop");
        }
        """,
        [("appsettings.json", $$"""{ "Cherry": { "Apps": { "{{mount}}": { "{{section}}": { "tools": { "sessions": { "on": "{{value}}" } } } } } } }""")],
        reported
            ? [Warning("CHERRY0012").WithLocation(0).WithArguments("Index", "/shop/cart"), Warning("CHERRY0012").WithLocation(1).WithArguments("Count", "/shop/cart/count")]
            : []);

    [Fact]
    public Task Configuration_that_switches_sessions_off_beats_the_attribute_above() => AnalyzerAsync<SessionPathAnalyzer>(
        Tree.Replace("public class Cart", "[Sessions]\npublic class Cart").Replace(
        "[Exposed] public string Index(Session session)", "[Exposed] public string {|#0:Index|}(Session session)").Replace(
        "[Exposed] public string Count(Request request)", "[Exposed] public string {|#1:Count|}(Request request)") + """
        public static class Site
        {
            public static void Map(IEndpointRouteBuilder app) => app.MapCherry<Root>("/", o => o.Set("/cart", "tools.sessions.on", "False"));
        }
        """,
        Warning("CHERRY0012").WithLocation(0).WithArguments("Index", "/cart"),
        Warning("CHERRY0012").WithLocation(1).WithArguments("Count", "/cart/count"));
}
