using static Cherry.Analyzers.Tests.Verify;

namespace Cherry.Analyzers.Tests;

/// <summary>
/// A user's tool declared with [ToolDeclaration], as docs/guide/tools.md shows: its attribute's constants and the app's
/// configuration keys and values are held to the declaration at build time as a built-in tool's are (CHERRY0008,
/// CHERRY0018, CHERRY0019), and what keeps a class from being a declaration is CHERRY0023.
/// </summary>
public sealed class DeclaredToolTests
{
    /// <summary>The guide's declaration, with the part Cherry's generator adds (these tests run the analyzers alone).</summary>
    private const string Declaration = """
        using System.ComponentModel.DataAnnotations;

        [ToolDeclaration("powered_by", HookPoint.BeforeFinalize, Priority = 60)]
        public sealed partial class PoweredByAttribute(string by = "Cherry") : ToolAttribute
        {
            public string By { get; set; } = by;
            [Range(1, 5)] public int Times { get; set; } = 1;
            [AllowedValues("plain", "loud")] public string Style { get; set; } = "plain";
            [RegularExpression("[a-z]+")] public string? Suffix { get; set; }
            public ValueTask RunAsync(Request request) => default;
        }

        // What Cherry's generator writes for the declaration.
        public sealed partial class PoweredByAttribute
        {
            public override Tool CreateTool() => throw new NotSupportedException();
        }

        """;

    private const string Mount = """
        public class Root
        {
            [Exposed] public string Index() => "home";
            [Exposed] public string About() => "about";
        }

        public static class Site
        {
            public static void Map(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder app) => app.MapCherry<Root>("/", o => o.AddIniFile("site.conf"));
        }

        """;

    [Fact]
    public Task The_attributes_constants_are_held_to_the_declared_rules() => AnalyzerAsync<ToolArgumentAnalyzer>(Declaration + """
        public class Pages
        {
            [Exposed, {|CHERRY0008:PoweredBy(Times = 9)|}] public string TooMany() => "";
            [Exposed, {|CHERRY0008:PoweredBy(Style = "quiet")|}] public string Quiet() => "";
            [Exposed, {|CHERRY0008:PoweredBy(Suffix = "!!")|}] public string Shout() => "";
            [Exposed, PoweredBy("me", Times = 5, Style = "loud", Suffix = "x")] public string Fine() => "";
            [Exposed, PoweredBy] public string Defaults() => "";
        }
        """);

    [Fact]
    public Task The_configurations_keys_and_values_are_held_to_the_declaration() => AnalyzerAsync<ConfigFileAnalyzer>(Declaration + Mount, [("site.conf", """
        [/]
        tools.powered_by.on = True
        tools.powered_by.by = 'the team'
        tools.powered_by.times = 3
        tools.powered_by.suffix = None
        [/about]
        tools.powered_by.byy = 'typo'
        tools.powered_by.times = 9
        tools.powered_by.style = 'quiet'
        tools.powered_by.times = 'many'
        tools.powered_by.by = None
        """)],
        Diagnostic("CHERRY0018").WithSpan("site.conf", 7, 1, 7, 30).WithArguments("/about", "tools.powered_by.byy", "the tool 'powered_by' has no argument 'byy'. Did you mean 'by'?"),
        Diagnostic("CHERRY0019").WithSpan("site.conf", 8, 1, 8, 27).WithArguments("/about", "tools.powered_by.times", "Times must be from 1 to 5 (it is 9)"),
        Diagnostic("CHERRY0019").WithSpan("site.conf", 9, 1, 9, 33).WithArguments("/about", "tools.powered_by.style", "Style cannot be 'quiet' (it takes plain, loud)"),
        Diagnostic("CHERRY0019").WithSpan("site.conf", 10, 1, 10, 32).WithArguments("/about", "tools.powered_by.times", "expected an integer"),
        Diagnostic("CHERRY0019").WithSpan("site.conf", 11, 1, 11, 27).WithArguments("/about", "tools.powered_by.by", "None is only for a text argument, to switch off a value set above."));

    [Fact]
    public Task A_config_attribute_and_a_set_call_are_held_to_the_declaration_too() => AnalyzerAsync<ConfigAttributeAnalyzer>(Declaration + """
        public class Root
        {
            [Exposed, Config({|CHERRY0018:"tools.powered_by.colour"|}, "red")] public string Colour() => "";
            [Exposed, Config("tools.powered_by.times", {|CHERRY0019:"0"|})] public string None() => "";
            [Exposed, Config("tools.powered_by.times", "2")] public string Twice() => "";
        }
        """);

    [Fact]
    public Task What_keeps_a_class_from_being_a_declaration_is_reported_on_its_line() => AnalyzerAsync<ToolDeclarationAnalyzer>("""
        using System.ComponentModel.DataAnnotations;

        [ToolDeclaration("whole", HookPoint.BeforeHandler)]
        public sealed class {|CHERRY0023:NotPartialAttribute|} : ToolAttribute
        {
            public override Tool CreateTool() => throw new NotSupportedException();
            public ValueTask RunAsync(Request request) => default;
        }

        [ToolDeclaration("hookless", HookPoint.BeforeHandler)]
        public sealed partial class {|CHERRY0023:HooklessAttribute|} : ToolAttribute
        {
            public override Tool CreateTool() => throw new NotSupportedException();
            public ValueTask RunAsync(string request) => default;
        }

        [ToolDeclaration("Bad Name", HookPoint.BeforeHandler)]
        public sealed partial class {|CHERRY0023:BadNameAttribute|} : ToolAttribute
        {
            public override Tool CreateTool() => throw new NotSupportedException();
            public void Run(Request request) { }
        }

        [ToolDeclaration("gzip", HookPoint.BeforeHandler)]
        public sealed partial class {|CHERRY0023:MyGzipAttribute|} : ToolAttribute
        {
            public override Tool CreateTool() => throw new NotSupportedException();
            public void Run(Request request) { }
        }

        [ToolDeclaration("positional", HookPoint.BeforeHandler)]
        public sealed partial class {|CHERRY0023:PositionalAttribute|}(string by) : ToolAttribute
        {
            public string By { get; set; } = by;
            public override Tool CreateTool() => throw new NotSupportedException();
            public void Run(Request request) { }
        }

        [ToolDeclaration("arguments", HookPoint.BeforeHandler)]
        public sealed partial class ArgumentsAttribute : ToolAttribute
        {
            public TimeSpan {|CHERRY0023:Wait|} { get; set; }
            [Range(1, 5)] public string {|CHERRY0023:Level|} { get; set; } = "";
            [RegularExpression("[a-")] public string {|CHERRY0023:Pattern|} { get; set; } = "";
            [Range(5, 1)] public int {|CHERRY0023:Backwards|} { get; set; } = 3;
            public int Fine { get; set; }
            public int Computed => Fine * 2;
            public override Tool CreateTool() => throw new NotSupportedException();
            public Task RunAsync(Request request) => Task.CompletedTask;
        }

        public static class Outer
        {
            [ToolDeclaration("nested", HookPoint.BeforeHandler)]
            public sealed partial class {|CHERRY0023:NestedAttribute|} : ToolAttribute
            {
                public override Tool CreateTool() => throw new NotSupportedException();
                public void Run(Request request) { }
            }
        }

        [ToolDeclaration("plain", HookPoint.BeforeHandler)]
        public sealed partial class {|CHERRY0023:PlainClass|}
        {
            public void Run(Request request) { }
        }

        [ToolDeclaration("wrapper", HookPoint.BeforeFinalize)]
        public sealed partial class {|CHERRY0023:MisplacedWrapperAttribute|} : ToolAttribute
        {
            public override Tool CreateTool() => throw new NotSupportedException();
            public ValueTask RunAsync(Request request, Func<ValueTask> handler) => handler();
        }

        [ToolDeclaration("wrapping", HookPoint.BeforeHandler)]
        public sealed partial class WrappingAttribute : ToolAttribute
        {
            public override Tool CreateTool() => throw new NotSupportedException();
            public ValueTask RunAsync(Request request, Func<ValueTask> handler) => handler();
        }

        [ToolDeclaration("fine", HookPoint.BeforeHandler)]
        public sealed partial class FineAttribute(string by = "me") : ToolAttribute
        {
            public string By { get; set; } = by;
            public override Tool CreateTool() => throw new NotSupportedException();
            public void Run(Request request) { }
        }
        """);

    [Fact]
    public Task A_toolbox_of_the_apps_own_is_judged_under_its_namespace() => AnalyzerAsync<ConfigFileAnalyzer>("""
        [ToolDeclaration("check_access", HookPoint.BeforeRequestBody, Namespace = "myauth")]
        public sealed partial class CheckAccessAttribute : ToolAttribute
        {
            public bool Default { get; set; }
            public void Run(Request request) { }
            public override Tool CreateTool() => throw new NotSupportedException();
        }

        """ + Mount, [("site.conf", """
        [/]
        myauth.check_access.on = True
        myauth.check_access.default = False
        [/about]
        myauth.check_acess.on = True
        myauth.check_access.default = 'maybe'
        """)],
        Diagnostic("CHERRY0018").WithSpan("site.conf", 5, 1, 5, 29).WithArguments("/about", "myauth.check_acess.on", "there is no tool named 'myauth.check_acess'. Did you mean 'myauth.check_access'?"),
        Diagnostic("CHERRY0019").WithSpan("site.conf", 6, 1, 6, 38).WithArguments("/about", "myauth.check_access.default", "expected True or False"));

    [Fact]
    public Task A_toolbox_cannot_take_a_namespace_cherry_reads() => AnalyzerAsync<ToolDeclarationAnalyzer>("""
        [ToolDeclaration("check", HookPoint.BeforeHandler, Namespace = "request")]
        public sealed partial class {|CHERRY0023:CheckAttribute|} : ToolAttribute
        {
            public void Run(Request request) { }
            public override Tool CreateTool() => throw new NotSupportedException();
        }
        """);

    /// <summary>hooks.&lt;point&gt;: the point is judged against the hook points, the names against the app's constant registrations.</summary>
    [Fact]
    public Task Bare_hooks_are_judged_against_the_points_and_the_registered_names() => AnalyzerAsync<ConfigFileAnalyzer>("""
        public static class Hooks
        {
            public static void Add(CherryOptions options) => options.Hooks.Register("audit", request => { });
        }

        """ + Mount, [("site.conf", """
        [/]
        hooks.before_handler = 'audit'
        [/about]
        hooks.before_handlr = 'audit'
        hooks.before_finalize = 'audit, adit'
        """)],
        Diagnostic("CHERRY0018").WithSpan("site.conf", 4, 1, 4, 30).WithArguments("/about", "hooks.before_handlr",
            "there is no hook point 'before_handlr' (on_start_resource, before_request_body, before_handler, before_finalize, on_end_resource, before_error_response, after_error_response, on_end_request). Did you mean 'before_handler'?"),
        Diagnostic("CHERRY0019").WithSpan("site.conf", 5, 1, 5, 38).WithArguments("/about", "hooks.before_finalize",
            "there is no hook named 'adit': register it with AddCherry(options => options.Hooks.Register(\"adit\", request => ...)). Did you mean 'audit'?"));
}
