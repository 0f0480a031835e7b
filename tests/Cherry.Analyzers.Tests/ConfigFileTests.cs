using static Cherry.Analyzers.Tests.Verify;

namespace Cherry.Analyzers.Tests;

/// <summary>CHERRY0018–0020: INI config files checked at build, each finding on its own line of the file.</summary>
public sealed class ConfigFileTests
{
    private const string Tree = """
        using Microsoft.AspNetCore.Routing;

        public class Admin
        {
            [Exposed] public string Index() => "admin";
            [Exposed] public string Import() => "import";
        }

        public class Blog
        {
            [Exposed] public string Default(params string[] path) => string.Join("/", path);
        }

        public class Root
        {
            public Admin Admin { get; } = new();
            public Blog Blog { get; } = new();
            public Admin MyArea { get; } = new();
            [Exposed] public string Index() => "home";
        }

        public sealed class StampTool : HookTool
        {
            public override string Name => "stamp";
            public override HookPoint Point => HookPoint.BeforeFinalize;
            public override System.Threading.Tasks.ValueTask RunAsync(Request request) => default;
        }

        public static class Site
        {
            public static void Map(IEndpointRouteBuilder app) => app.MapCherry<Root>("/", o => o.AddIniFile("site.conf"));
        }

        """;

    [Fact]
    public Task A_correct_config_gets_no_diagnostic() => AnalyzerAsync<ConfigFileAnalyzer>(Tree, [("site.conf", """
        [global]
        tools.gzip.on = True
        log.screen = False
        request.show_tracebacks = False

        [/]
        tools.sessions.on = True
        tools.sessions.timeout = 60
        tools.staticdir.root = '/srv'
        colour = 'red'
        db.scheme = 'sqlite'
        response.headers.X-Frame-Options = 'DENY'

        [/admin]
        tools.auth_basic.on = True
        tools.auth_basic.realm = 'admin'
        tools.stamp.on = True

        [/admin/import]
        tools.caching.on = False

        [/my-area]
        tools.gzip.on = False

        [/blog/2026/posts]
        tools.expires.on = True
        tools.expires.secs = 60

        [/static]
        tools.staticdir.on = True
        tools.staticdir.dir = 'static'

        [/gone]
        error_page.404 = 'gone.html'
        """)]);

    [Fact]
    public Task Unknown_tools_arguments_and_keys_are_reported_on_their_lines_with_the_nearest_name() => AnalyzerAsync<ConfigFileAnalyzer>(Tree, [("site.conf", """
        [/]
        tools.gzipp.on = True
        tools.caching.dealy = 10
        request.show_traceback = True
        tools.nosuch.on = True
        """)],
        Diagnostic("CHERRY0018").WithSpan("site.conf", 2, 1, 2, 22).WithArguments("/", "tools.gzipp.on", "there is no tool named 'gzipp'. Did you mean 'gzip'?"),
        Diagnostic("CHERRY0018").WithSpan("site.conf", 3, 1, 3, 25).WithArguments("/", "tools.caching.dealy", "the tool 'caching' has no argument 'dealy'. Did you mean 'delay'?"),
        Diagnostic("CHERRY0018").WithSpan("site.conf", 4, 1, 4, 30).WithArguments("/", "request.show_traceback", "unknown key. Did you mean 'request.show_tracebacks'?"),
        Diagnostic("CHERRY0018").WithSpan("site.conf", 5, 1, 5, 23).WithArguments("/", "tools.nosuch.on", "there is no tool named 'nosuch'."));

    [Fact]
    public Task Values_are_checked_by_the_type_and_rule_start_up_applies() => AnalyzerAsync<ConfigFileAnalyzer>(Tree, [("site.conf", """
        [/]
        tools.gzip.on = maybe
        tools.caching.delay = 'soon'
        tools.expires.on = 'perhaps'
        tools.gzip.compress_level = 12
        """)],
        Diagnostic("CHERRY0019").WithSpan("site.conf", 2, 1, 2, 22).WithArguments("/", "tools.gzip.on", "the value maybe is not a Python literal (True, 3600, 'text', [...])."),
        Diagnostic("CHERRY0019").WithSpan("site.conf", 3, 1, 3, 29).WithArguments("/", "tools.caching.delay", "expected an integer"),
        Diagnostic("CHERRY0019").WithSpan("site.conf", 4, 1, 4, 29).WithArguments("/", "tools.expires.on", "expected True or False"),
        Diagnostic("CHERRY0019").WithSpan("site.conf", 5, 1, 5, 31).WithArguments("/", "tools.gzip.compress_level", "the compression level is 0 to 9 (it is 12)"));

    [Fact]
    public Task A_section_that_configures_tools_where_the_tree_serves_nothing_is_reported() => AnalyzerAsync<ConfigFileAnalyzer>(Tree, [("site.conf", """
        [/admn]
        tools.auth_basic.on = True
        tools.auth_basic.realm = 'admin'
        """)],
        Warning("CHERRY0020").WithSpan("site.conf", 1, 1, 1, 8).WithArguments("/admn", "/", ", so its keys apply nowhere; did you mean [/admin]?"));

    [Fact]
    public Task Appsettings_are_checked_on_their_lines_with_plain_values() => AnalyzerAsync<ConfigFileAnalyzer>(Tree, [("appsettings.json", """
        {
          "Logging": { "LogLevel": { "Default": "'Information'" } },
          "Cherry": {
            "Global": { "response.headers.X-Content-Type-Options": "nosniff" },
            "Apps": {
              "/": {
                "/": { "tools.sessions.name": "'links_sid'", "tools": { "gzipp": { "on": true } } },
                "/admin": { "tools.auth_basic.on": "True", "tools.auth_basic.realm": "admin", "tools.caching.delay": "soon" },
                "/admn": { "tools": { "expires": { "on": true } } },
                "/blog/2026": { "tools.gzip.mime_types": [ "text/html", "text/css" ] }
              }
            }
          }
        }
        """)],
        Diagnostic("CHERRY0019").WithSpan("appsettings.json", 7, 1, 7, 93).WithArguments("/", "tools.sessions.name", "the value 'links_sid' is written as in an INI file; outside INI files values are plain text: write links_sid."),
        Diagnostic("CHERRY0018").WithSpan("appsettings.json", 7, 1, 7, 93).WithArguments("/", "tools.gzipp.on", "there is no tool named 'gzipp'. Did you mean 'gzip'?"),
        Diagnostic("CHERRY0019").WithSpan("appsettings.json", 8, 1, 8, 119).WithArguments("/admin", "tools.caching.delay", "expected an integer"),
        Warning("CHERRY0020").WithSpan("appsettings.json", 9, 1, 9, 61).WithArguments("/admn", "/", ", so its keys apply nowhere; did you mean [/admin]?"));

    [Fact]
    public Task A_file_no_mount_loads_is_checked_for_keys_but_not_for_sections() => AnalyzerAsync<ConfigFileAnalyzer>(
        Tree.Replace("o => o.AddIniFile(\"site.conf\")", "o => { }"), [("site.conf", """
        [/nowhere]
        tools.gzip.on = True
        """)]);

    /// <summary>
    /// Below a Default every path is served, so [/blog/2026] is fine; but a section that only a Default reaches and that
    /// is one edit from a path the tree names is a near miss: with a Default at the root, [/admn] guards only what the
    /// Default answers at /admn, not /admin.
    /// </summary>
    [Fact]
    public Task A_section_only_a_default_reaches_is_reported_when_it_nearly_names_a_path() => AnalyzerAsync<ConfigFileAnalyzer>(
        Tree.Replace("[Exposed] public string Index() => \"home\";", "[Exposed] public string Index() => \"home\";\n    [Exposed] public string Default(params string[] rest) => \"any\";"),
        [("site.conf", """
        [/admn]
        tools.auth_basic.on = True
        tools.auth_basic.realm = 'admin'

        [/archive/2026]
        tools.expires.on = True
        """)],
        Warning("CHERRY0020").WithSpan("site.conf", 1, 1, 1, 8).WithArguments("/admn", "/",
            "; only a node that takes the rest of the path answers there, and [/admin] is one the tree names: did you mean it?"));

    [Fact]
    public Task An_appsettings_file_that_stops_being_json_is_reported_on_the_line() => AnalyzerAsync<ConfigFileAnalyzer>(Tree, [("appsettings.json", """
        {
          // comments and trailing commas are JSON here, as the host reads it
          "Cherry": { "Global": { "tools.gzip.on": true, }, },
          "Logging": { "LogLevel": { "Default": Information } }
        }
        """)],
        Diagnostic("CHERRY0019").WithSpan("appsettings.json", 4, 1, 4, 56).WithArguments("(file)", "appsettings.json",
            "the file stops being JSON here; the host's JSON configuration provider will refuse it at start-up, and the build checks no key after this line."));

    [Theory]
    [InlineData("[/]\ntools.gzipp.on = True\n", "[/]\ntools.gzip.on = True\n")]
    [InlineData("[/]\ntools.caching.dealy = 10\n", "[/]\ntools.caching.delay = 10\n")]
    [InlineData("[/]\nrequest.show_traceback = True\n", "[/]\nrequest.show_tracebacks = True\n")]
    public async Task The_fix_puts_the_nearest_name_in_place_of_a_misspelt_one(string ini, string expected) =>
        Assert.Equal(expected, await FixRunner.ApplyToConfigAsync(new ConfigFileAnalyzer(), new Cherry.CodeFixes.ConfigFileCodeFix(), Tree, ("site.conf", ini)));

    [Fact]
    public async Task The_fix_writes_a_value_quoted_as_in_an_ini_file_plain_in_json() => Assert.Equal(
        """{ "Cherry": { "Apps": { "/": { "/": { "tools.sessions.name": "links_sid" } } } } }""",
        await FixRunner.ApplyToConfigAsync(new ConfigFileAnalyzer(), new Cherry.CodeFixes.ConfigFileCodeFix(), Tree,
            ("appsettings.json", """{ "Cherry": { "Apps": { "/": { "/": { "tools.sessions.name": "'links_sid'" } } } } }""")));

    /// <summary>Nesting deeper than the host's JSON reader takes (64) is where the file stops parsing, not a stack overflow in the build.</summary>
    [Fact]
    public Task Json_nested_past_the_hosts_depth_is_a_fault_on_its_line() => AnalyzerAsync<ConfigFileAnalyzer>(Tree, [("appsettings.json",
        "{ \"Cherry\": { \"Global\": { \"tools.gzip.on\": true } },\n  \"deep\": " + new string('[', 100_000) + "\n}")],
        Diagnostic("CHERRY0019").WithSpan("appsettings.json", 2, 1, 2, 100_011).WithArguments("(file)", "appsettings.json",
            "the file stops being JSON here; the host's JSON configuration provider will refuse it at start-up, and the build checks no key after this line."));

    /// <summary>A constant Set call's section is judged as a file's: [/admn] in code leaves /admin as open as in a file.</summary>
    [Fact]
    public Task The_sections_of_constant_set_calls_are_judged_against_the_tree() => AnalyzerAsync<ConfigFileAnalyzer>(
        Tree.Replace("o => o.AddIniFile(\"site.conf\")", "o => o.Set(\"/admn\", {|#0:\"tools.auth_basic.on\"|}, \"True\").Set(\"/admin\", \"tools.auth_basic.realm\", \"admin\").Set(\"/static\", \"tools.staticdir.on\", \"True\")"),
        Warning("CHERRY0020").WithLocation(0).WithArguments("/admn", "/", ", so its keys apply nowhere; did you mean [/admin]?"));

    /// <summary>
    /// Sections the tree serves in other ways get nothing: below a handler that takes the rest of the path as arguments
    /// (CherryPy's virtual path), below a static section, and above one (its keys reach the static files), whichever
    /// source of the mount sets the static section.
    /// </summary>
    [Fact]
    public Task Sections_below_a_path_taking_handler_or_around_a_static_section_get_nothing() => AnalyzerAsync<ConfigFileAnalyzer>(
        Tree.Replace("[Exposed] public string Index() => \"home\";", "[Exposed] public string Index() => \"home\";\n    [Exposed] public string Page(string name, int part = 1) => name;\n    [Exposed] public string Files(params string[] path) => \"f\";")
            .Replace("o => o.AddIniFile(\"site.conf\")", "o => o.AddIniFile(\"site.conf\").Set(\"/private/files\", \"tools.staticdir.on\", \"True\")"),
        [("site.conf", """
        [/page/intro/2]
        tools.expires.on = True

        [/files/a/b/c]
        tools.gzip.on = True

        [/assets]
        tools.staticdir.on = True
        tools.staticdir.dir = 'static'

        [/assets/sub]
        tools.expires.on = True

        [/private]
        tools.auth_basic.on = True
        tools.auth_basic.realm = 'admin'

        [/page/intro/2/3]
        tools.expires.on = True
        """)],
        Warning("CHERRY0020").WithSpan("site.conf", 18, 1, 18, 18).WithArguments("/page/intro/2/3", "/", ", so its keys apply nowhere"));
}
