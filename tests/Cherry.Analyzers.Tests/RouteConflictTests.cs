using Cherry.CodeFixes;
using static Cherry.Analyzers.Tests.Verify;

namespace Cherry.Analyzers.Tests;

/// <summary>CHERRY0005 (route conflicts in a class, with the explicit-segment and rename fixes) and CHERRY0014 (mounts).</summary>
public sealed class RouteConflictTests
{
    [Fact]
    public Task Members_that_normalise_to_the_same_segment_conflict() => AnalyzerAsync<RouteConflictAnalyzer>("""
        public class Root
        {
            [Exposed] public string TranslateHtml() => "a";
            [Exposed("translate.html")] public string {|CHERRY0005:Other|}() => "b";
            [Exposed(Aliases = new[] { "translate-html" })] public string {|CHERRY0005:Third|}() => "c";
        }
        """);

    [Fact]
    public Task Index_beside_an_explicit_index_conflicts() => AnalyzerAsync<RouteConflictAnalyzer>("""
        public class Root
        {
            [Exposed] public string Index() => "a";
            [Exposed("index")] public string {|CHERRY0005:Home|}() => "b";
        }
        """);

    [Fact]
    public Task A_sub_tree_and_a_method_with_one_segment_conflict() => AnalyzerAsync<RouteConflictAnalyzer>("""
        public class Blog
        {
            [Exposed] public string Index() => "blog";
        }

        public class Root
        {
            public Blog {|CHERRY0005:Posts|} { get; } = new();
            [Exposed("posts")] public string List() => "list";
        }
        """);

    [Fact]
    public Task A_popargs_name_that_shadows_an_exposed_member_conflicts() => AnalyzerAsync<RouteConflictAnalyzer>("""
        [PopArgs("year", "create")]
        public class Blog
        {
            [Exposed] public string Index(string? year = null, string? create = null) => "blog";
            [Exposed] public string {|CHERRY0005:Create|}() => "create";
        }
        """);

    [Fact]
    public Task Overloads_at_one_segment_conflict_and_name_their_parameters() => AnalyzerAsync<RouteConflictAnalyzer>("""
        public class Root
        {
            [Exposed] public string Find(string name) => name;
            [Exposed] public string {|#0:Find|}(int id) => id.ToString();
            [Exposed("a")] public string Pick(string text) => "a";
            [Exposed("b")] public string Pick(int number) => "b";
        }
        """, Diagnostic("CHERRY0005").WithLocation(0).WithArguments("Find(string)", "Find(int)", "Root", "find"));

    [Fact]
    public Task An_overload_in_a_derived_class_conflicts_with_the_base_one() => AnalyzerAsync<RouteConflictAnalyzer>("""
        public class Base
        {
            [Exposed] public virtual string Find(string name) => name;
        }

        public class Root : Base
        {
            [Exposed] public override string Find(string name) => "override, not an overload";
            [Exposed] public string {|CHERRY0005:Find|}(int id) => id.ToString();
        }
        """);

    [Fact]
    public Task Distinct_segments_and_plain_properties_do_not_conflict() => AnalyzerAsync<RouteConflictAnalyzer>("""
        public class Blog
        {
            [Exposed] public string Index() => "blog";
        }

        [PopArgs("year")]
        public class Root
        {
            public Blog Blog { get; } = new();
            public string Title { get; } = "not a sub-tree";
            [Exposed] public string Index(string? year = null) => "a";
            [Exposed("title")] public string ShowTitle() => Title;
            [Exposed("other.html")] public string Other() => "b";
        }
        """);

    [Fact]
    public Task Two_apps_at_one_script_name_on_one_builder_conflict() => AnalyzerAsync<RouteConflictAnalyzer>("""
        using Microsoft.AspNetCore.Routing;

        public class A { [Exposed] public string Index() => "a"; }
        public class B { [Exposed] public string Index() => "b"; }

        public static class Site
        {
            public static void Map(IEndpointRouteBuilder app)
            {
                app.MapCherry<A>("/x");
                {|CHERRY0014:app.MapCherry<B>("x/")|};
                app.MapCherry<B>("/y");
            }

            public static void MapAnotherServer(IEndpointRouteBuilder other) => other.MapCherry<B>("/x");
        }
        """);

    [Fact]
    public Task Explicit_segment_fix_moves_the_later_member_to_a_free_segment() => CodeFixAsync<RouteConflictAnalyzer, RouteConflictCodeFix>("""
        public class Root
        {
            [Exposed] public string Index() => "a";
            [Exposed("index")] public string {|CHERRY0005:Home|}() => "b";
        }
        """, """
        public class Root
        {
            [Exposed] public string Index() => "a";
            [Exposed("index_2")] public string Home() => "b";
        }
        """, index: 0);

    [Fact]
    public Task Rename_fix_renames_the_member_and_its_uses() => CodeFixAsync<RouteConflictAnalyzer, RouteConflictCodeFix>("""
        public class Blog
        {
            [Exposed] public string Index() => "blog";
        }

        public class Root
        {
            public Blog {|CHERRY0005:Posts|} { get; } = new();
            [Exposed("posts")] public string List() => Posts.Index();
        }
        """, """
        public class Blog
        {
            [Exposed] public string Index() => "blog";
        }

        public class Root
        {
            public Blog Posts2 { get; } = new();
            [Exposed("posts")] public string List() => Posts2.Index();
        }
        """, index: 1);
}
