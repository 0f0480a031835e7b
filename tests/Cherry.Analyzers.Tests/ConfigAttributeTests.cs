using static Cherry.Analyzers.Tests.Verify;

namespace Cherry.Analyzers.Tests;

/// <summary>CHERRY0018/0019 on [Config] attributes: a config file's checks, reported on the key or the value argument.</summary>
public sealed class ConfigAttributeTests
{
    private const string Tools = """

        public sealed class StampTool : HookTool
        {
            public override string Name => "stamp";
            public override HookPoint Point => HookPoint.BeforeFinalize;
            public override System.Threading.Tasks.ValueTask RunAsync(Request request) => default;
        }
        """;

    [Fact]
    public Task Correct_config_in_code_gets_no_diagnostic() => AnalyzerAsync<ConfigAttributeAnalyzer>("""
        [Config("tools.gzip.on", true), Config("tools.caching.delay", 3600), Config("db.scheme", "sqlite"), Config("colour", "red")]
        public class Root
        {
            [Exposed, Config("tools.gzip.mime_types", new[] { "text/html", "text/css" }), Config("tools.stamp.on", true), Config("request.show_tracebacks", false)]
            public string Index() => "home";

            [Exposed, Config("tools.proxy.base", null), Config("tools.gzip.priority", 70), Config("response.headers.X-Frame-Options", "DENY")]
            public string Other() => "other";
        }
        """ + Tools);

    [Fact]
    public Task Unknown_tools_arguments_and_keys_are_reported_on_the_key_with_the_nearest_name() => AnalyzerAsync<ConfigAttributeAnalyzer>("""
        [Config({|#0:"tools.gzipp.on"|}, true)]
        public class Root
        {
            [Exposed, Config({|#1:"tools.caching.dealy"|}, 10), Config({|#2:"request.show_traceback"|}, true), Config({|#3:"tools.nosuch.on"|}, true)]
            public string Index() => "home";
        }
        """ + Tools,
        Diagnostic("CHERRY0018").WithLocation(0).WithArguments("Config on Root", "tools.gzipp.on", "there is no tool named 'gzipp'. Did you mean 'gzip'?"),
        Diagnostic("CHERRY0018").WithLocation(1).WithArguments("Config on Root.Index", "tools.caching.dealy", "the tool 'caching' has no argument 'dealy'. Did you mean 'delay'?"),
        Diagnostic("CHERRY0018").WithLocation(2).WithArguments("Config on Root.Index", "request.show_traceback", "unknown key. Did you mean 'request.show_tracebacks'?"),
        Diagnostic("CHERRY0018").WithLocation(3).WithArguments("Config on Root.Index", "tools.nosuch.on", "there is no tool named 'nosuch'."));

    [Fact]
    public Task Values_are_checked_on_the_value_by_the_type_and_rule_start_up_applies() => AnalyzerAsync<ConfigAttributeAnalyzer>("""
        public class Root
        {
            [Exposed, Config("tools.gzip.on", {|#0:"maybe"|}), Config("tools.caching.delay", {|#1:"soon"|}), Config("tools.gzip.compress_level", {|#2:12|})]
            public string Index() => "home";

            [Exposed, Config("tools.sessions.name", {|#3:"'links_sid'"|}), Config({|#4:"log.screen"|}, false)]
            public string Other() => "other";
        }
        """,
        Diagnostic("CHERRY0019").WithLocation(0).WithArguments("Config on Root.Index", "tools.gzip.on", "expected True or False"),
        Diagnostic("CHERRY0019").WithLocation(1).WithArguments("Config on Root.Index", "tools.caching.delay", "expected an integer"),
        Diagnostic("CHERRY0019").WithLocation(2).WithArguments("Config on Root.Index", "tools.gzip.compress_level", "the compression level is 0 to 9 (it is 12)"),
        Diagnostic("CHERRY0019").WithLocation(3).WithArguments("Config on Root.Other", "tools.sessions.name", "the value 'links_sid' is written as in an INI file; in [Config] values are plain text: write links_sid."),
        Diagnostic("CHERRY0018").WithLocation(4).WithArguments("Config on Root.Other", "log.screen", "log keys belong to the whole host: set them in [global] or [/] of a config file or options.Set, not in [Config]."));

    [Fact]
    public async Task The_fix_puts_the_nearest_name_in_a_misspelt_key() => Assert.Equal("""
        [Config("tools.caching.delay", 10)]
        public class Root { [Exposed] public string Index() => "home"; }
        """, await FixRunner.ApplyAsync(new ConfigAttributeAnalyzer(), new Cherry.CodeFixes.ConfigFileCodeFix(), """
        [Config("tools.caching.dealy", 10)]
        public class Root { [Exposed] public string Index() => "home"; }
        """));

    [Fact]
    public Task Constant_set_calls_are_judged_on_their_key_or_value() => AnalyzerAsync<ConfigAttributeAnalyzer>("""
        using Microsoft.AspNetCore.Routing;

        public class Root { [Exposed] public string Index() => "home"; }

        public static class Site
        {
            public static void Map(IEndpointRouteBuilder app, string here) => app.MapCherry<Root>("/", o => o
                .Set("/", {|#0:"tools.gzipp.on"|}, "True")
                .Set("/", "tools.caching.delay", {|#1:"soon"|})
                .Set("/", "tools.auth_basic.realm", {|#2:"'admin'"|})
                .Set("/", "tools.staticdir.root", here)
                .Set("/", "tools.proxy.base", null)
                .Set("/", "colour", "red"));

            public static CherryConfig Global() => new CherryConfig().Set("global", {|#3:"request.show_traceback"|}, "True");
        }
        """ + Tools,
        Diagnostic("CHERRY0018").WithLocation(0).WithArguments("/", "tools.gzipp.on", "there is no tool named 'gzipp'. Did you mean 'gzip'?"),
        Diagnostic("CHERRY0019").WithLocation(1).WithArguments("/", "tools.caching.delay", "expected an integer"),
        Diagnostic("CHERRY0019").WithLocation(2).WithArguments("/", "tools.auth_basic.realm", "the value 'admin' is written as in an INI file; outside INI files values are plain text: write admin."),
        Diagnostic("CHERRY0018").WithLocation(3).WithArguments("global", "request.show_traceback", "unknown key. Did you mean 'request.show_tracebacks'?"));
}
