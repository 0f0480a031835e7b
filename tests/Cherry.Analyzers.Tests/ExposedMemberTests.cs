using Cherry.CodeFixes;
using static Cherry.Analyzers.Tests.Verify;

namespace Cherry.Analyzers.Tests;

/// <summary>CHERRY0004 (unreachable [Exposed] methods, with the make-public fix) and CHERRY0006 (undispatchable ones).</summary>
public sealed class ExposedMemberTests
{
    [Fact]
    public Task Private_and_static_exposed_methods_are_reported() => AnalyzerAsync<HandlerShapeAnalyzer>("""
        public class Root
        {
            [Exposed] private string {|CHERRY0004:Hidden|}() => "x";
            [Exposed] public static string {|CHERRY0004:Shared|}() => "x";
            [Exposed] internal string {|CHERRY0004:Inside|}() => "x";
        }
        """);

    [Fact]
    public Task Public_instance_methods_and_unexposed_private_ones_are_fine() => AnalyzerAsync<HandlerShapeAnalyzer>("""
        public class Root
        {
            [Exposed] public string Index() => "x";
            private string Helper() => "x";
        }
        """);

    [Fact]
    public Task Generic_and_by_reference_handlers_are_reported() => AnalyzerAsync<HandlerShapeAnalyzer>("""
        public class Root
        {
            [Exposed] public string {|CHERRY0006:Pick|}<T>() => typeof(T).Name;
            [Exposed] public string Swap(ref string {|CHERRY0006:a|}, out string {|CHERRY0006:b|}) { b = a; return a; }
            [Exposed] public string Peek(in int {|CHERRY0006:n|}) => n.ToString();
        }
        """);

    [Fact]
    public Task Generic_helpers_that_are_not_exposed_are_fine() => AnalyzerAsync<HandlerShapeAnalyzer>("""
        public class Root
        {
            [Exposed] public string Index(string name = "x") => Echo(name);
            public T Echo<T>(T value) => value;
            public void Fill(ref int n) => n = 1;
        }
        """);

    [Fact]
    public Task Make_public_fix_makes_a_private_method_public() => CodeFixAsync<HandlerShapeAnalyzer, MakePublicCodeFix>("""
        public class Root
        {
            [Exposed]
            private string {|CHERRY0004:Hidden|}() => "x";
        }
        """, """
        public class Root
        {
            [Exposed]
            public string Hidden() => "x";
        }
        """);

    [Fact]
    public Task Make_public_fix_drops_static_and_keeps_async() => CodeFixAsync<HandlerShapeAnalyzer, MakePublicCodeFix>("""
        public class Root
        {
            [Exposed]
            internal static async Task<string> {|CHERRY0004:Later|}() => await Task.FromResult("x");
        }
        """, """
        public class Root
        {
            [Exposed]
            public async Task<string> Later() => await Task.FromResult("x");
        }
        """);
}
