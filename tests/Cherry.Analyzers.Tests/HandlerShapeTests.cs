using static Cherry.Analyzers.Tests.Verify;

namespace Cherry.Analyzers.Tests;

/// <summary>CHERRY0001–0003: what the generator's parser leaves out of a tree, reported through that parser.</summary>
public sealed class HandlerShapeTests
{
    [Fact]
    public Task Unsupported_return_and_parameter_types_are_reported() => AnalyzerAsync<HandlerShapeAnalyzer>("""
        public sealed class Bad
        {
            [Exposed] public System.IO.Stream {|#0:Open|}() => null!;
            [Exposed] public string Take(System.Action {|#1:callback|}) => "";
            [Exposed] public string Fine() => "fine";
        }
        """,
        Diagnostic("CHERRY0001").WithLocation(0).WithArguments("Open", "System.IO.Stream"),
        Diagnostic("CHERRY0002").WithLocation(1).WithArguments("callback", "Take", "System.Action"));

    [Fact]
    public Task An_xml_rpc_method_cannot_take_an_uploaded_part() => AnalyzerAsync<HandlerShapeAnalyzer>("""
        [XmlRpc]
        public sealed class Api
        {
            [Exposed] public string Store(Part {|#0:file|}) => "";
            [Exposed] public string StoreAll(Part[] {|#1:files|}) => "";
            [Exposed] public string Echo(string text) => text;
        }
        public sealed class Site { [Exposed] public string Upload(Part file) => ""; }
        """,
        Diagnostic("CHERRY0002").WithLocation(0).WithArguments("file", "Store", "Cherry.Part"),
        Diagnostic("CHERRY0002").WithLocation(1).WithArguments("files", "StoreAll", "Cherry.Part[]"));

    [Fact]
    public Task A_dispatch_hook_must_take_a_virtual_path_and_return_a_class() => AnalyzerAsync<HandlerShapeAnalyzer>("""
        public sealed class Node { [Exposed] public string Index() => "node"; }
        public sealed class Good { [Exposed] public string Index() => "good"; [Dispatch] public Node? Next(VirtualPath path) => null; }
        public sealed class Bad { public Good Good { get; } = new(); [Exposed] public string Index() => "bad"; [Dispatch] public string {|#0:Next|}(int count) => ""; }
        """,
        Diagnostic("CHERRY0003").WithLocation(0).WithArguments("Next"));

    [Fact]
    public Task A_problem_of_a_base_class_is_reported_once_on_its_own_line() => AnalyzerAsync<HandlerShapeAnalyzer>("""
        public class Base { [Exposed] public System.IO.Stream {|#0:Open|}() => null!; }
        public sealed class First : Base { [Exposed] public string Index() => ""; }
        public sealed class Second : Base { [Exposed] public string Index() => ""; }
        """,
        Diagnostic("CHERRY0001").WithLocation(0).WithArguments("Open", "System.IO.Stream"));
}
