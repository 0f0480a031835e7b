using static Cherry.Analyzers.Tests.Verify;

namespace Cherry.Analyzers.Tests;

/// <summary>
/// A namespace bound to an options class (<c>options.ConfigNamespace&lt;DbOptions&gt;("db")</c>): its keys in config files and
/// [Config] attributes are the class's settable properties (CHERRY0018 with the nearest), each value of its type (CHERRY0019).
/// </summary>
public sealed class TypedNamespaceTests
{
    private const string Options = """
        using Microsoft.AspNetCore.Routing;
        using Microsoft.Extensions.DependencyInjection;

        public enum Mode { Fast, Safe }

        public class DbOptions
        {
            public string ConnectionString { get; set; } = "";
            public int Pool { get; set; }
            public long MaxBytes { get; set; }
            public double Ratio { get; set; }
            public bool Trace { get; set; }
            public Mode Mode { get; set; }
            public string[] Hosts { get; set; } = [];
            public object? Unsupported { get; set; }
            public int ReadOnly { get; }
        }

        public class Root
        {
            [Exposed] public string Index() => "home";
        }

        public static class Site
        {
            public static void Add(IServiceCollection services) => services.AddCherry(o => o.ConfigNamespace<DbOptions>("db"));
            public static void Map(IEndpointRouteBuilder app) => app.MapCherry<Root>("/", o => o.AddIniFile("site.conf"));
        }

        """;

    [Fact]
    public Task Keys_that_name_a_property_with_a_value_of_its_type_get_no_diagnostic() => AnalyzerAsync<ConfigFileAnalyzer>(Options, [("site.conf", """
        [global]
        db.connection_string = 'Server=x'
        db.ConnectionString = 'Server=y'
        db.pool = 5
        db.max_bytes = 5000000000
        db.ratio = 0.5
        db.trace = True
        db.mode = 'safe'
        db.hosts = ['a', 'b']
        db.ratio = None
        """)]);

    [Fact]
    public Task Config_files_get_unknown_properties_and_values_of_the_wrong_type() => AnalyzerAsync<ConfigFileAnalyzer>(Options, [("site.conf", """
        [/]
        db.pol = 5
        db.pool = 'many'
        db.mode = 'Slow'
        db.unsupported = 'x'
        db.read_only = 1
        """)],
        Diagnostic("CHERRY0018").WithSpan("site.conf", 2, 1, 2, 11).WithArguments("/", "db.pol", "DbOptions has no settable property for 'pol'. Did you mean 'pool'?"),
        Diagnostic("CHERRY0019").WithSpan("site.conf", 3, 1, 3, 17).WithArguments("/", "db.pool", "DbOptions.Pool: expected an integer."),
        Diagnostic("CHERRY0019").WithSpan("site.conf", 4, 1, 4, 17).WithArguments("/", "db.mode", "DbOptions.Mode: expected one of Fast, Safe."),
        Diagnostic("CHERRY0018").WithSpan("site.conf", 5, 1, 5, 21).WithArguments("/", "db.unsupported", "DbOptions has no settable property for 'unsupported'."),
        Diagnostic("CHERRY0018").WithSpan("site.conf", 6, 1, 6, 17).WithArguments("/", "db.read_only", "DbOptions has no settable property for 'read_only'."));

    [Fact]
    public Task Config_attributes_are_checked_against_the_options_class() => AnalyzerAsync<ConfigAttributeAnalyzer>(Options + """
        [Config("db.pool", 5), Config("db.mode", Mode.Safe), Config("db.hosts", new[] { "a" }), Config("db.ratio", 0.5), Config("db.max_bytes", 5000000000L)]
        public class Good
        {
            [Exposed] public string Index() => "good";
        }

        [Config({|#0:"db.poll"|}, 5), Config("db.trace", {|#1:"maybe"|}), Config("db.pool", {|#2:2.5|})]
        public class Bad
        {
            [Exposed] public string Index() => "bad";
        }
        """,
        Diagnostic("CHERRY0018").WithLocation(0).WithArguments("Config on Bad", "db.poll", "DbOptions has no settable property for 'poll'. Did you mean 'pool'?"),
        Diagnostic("CHERRY0019").WithLocation(1).WithArguments("Config on Bad", "db.trace", "DbOptions.Trace: expected True or False."),
        Diagnostic("CHERRY0019").WithLocation(2).WithArguments("Config on Bad", "db.pool", "DbOptions.Pool: expected an integer."));
}
