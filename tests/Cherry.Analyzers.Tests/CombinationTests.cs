using static Cherry.Analyzers.Tests.Verify;

namespace Cherry.Analyzers.Tests;

/// <summary>
/// Combinations of attributes, targets and shapes that cannot work: each is a diagnostic on the user's line
/// (CHERRY0006, 0013, 0015, 0016), and each working neighbour stays quiet.
/// </summary>
public sealed class CombinationTests
{
    [Fact]
    public Task Class_attributes_of_two_ways_of_answering_are_reported() => AnalyzerAsync<HandlerShapeAnalyzer>("""
        [XmlRpc, Rest] public class {|CHERRY0016:Both|} { public string Get() => ""; }
        [Rest, PopArgs("id")] public class {|CHERRY0016:PoppingResource|} { public string Get(string id) => id; }
        [XmlRpc, PopArgs("id")] public class {|CHERRY0016:PoppingEndpoint|} { [Exposed] public int Add(int a) => a; }
        [PopArgs("id", Handler = "Missing")] public class {|CHERRY0016:NoHandler|} { [Exposed] public string Index() => ""; }
        [PopArgs("id", Handler = nameof(Make))] public class {|CHERRY0016:WrongFactory|} { [Exposed] public string Index() => ""; public Other Make(int id) => new(); }
        [XmlRpc] public class HookedEndpoint { [Exposed] public int Add(int a) => a; [Dispatch] public Other? {|CHERRY0016:Next|}(VirtualPath path) => null; }
        [XmlRpc, JsonOut] public class {|CHERRY0016:JsonEndpoint|} { [Exposed] public int Add(int a) => a; }
        [XmlRpc] public class JsonMethod { [Exposed, JsonIn] public int {|CHERRY0016:Add|}(int a) => a; [Exposed] public int Sub(int a) => a; }
        public class Other { [Exposed] public string Index() => ""; }
        """);

    [Fact]
    public Task Each_way_of_answering_alone_is_fine() => AnalyzerAsync<HandlerShapeAnalyzer>("""
        [Rest] public class Resource { public string Get(string? id = null) => ""; }
        [XmlRpc] public class Endpoint { [Exposed] public int Add(int a, int b) => a + b; [Exposed] public string Who(Session session) => ""; }
        [PopArgs("year")] public class Archive { [Exposed] public string Index(int? year = null) => ""; [Dispatch] public Archive? Next(VirtualPath path) => null; }
        [JsonOut] public class Api { [Exposed] public int Count() => 1; }
        [Rest] public class HookedResource { public string Get() => ""; [Dispatch] public Item? Next(VirtualPath path, Request request) => null; }
        [Rest] public class Item { public string Get() => ""; }
        [PopArgs("a", "b", Handler = nameof(Next))] public class HandedOn { [Exposed] public string Index() => ""; public Other Next { get; } = new(); }
        [PopArgs("a", Handler = nameof(Make))] public class Made { public Other Make(string a) => new(); }
        public class Other { [Exposed] public string Index() => ""; }
        """);

    [Fact]
    public Task Handler_shapes_no_request_can_call_as_meant_are_reported() => AnalyzerAsync<HandlerShapeAnalyzer>("""
        public sealed record Order(string Item);
        public sealed record Payment(int Cents);
        public class Root
        {
            [Exposed] public async void {|CHERRY0006:Save|}(string text) { await Task.Yield(); }
            [Exposed] public string {|CHERRY0006:Place|}([JsonBody] Order order, [JsonBody] Payment payment) => "";
            [Exposed("")] public string {|CHERRY0006:Nothing|}() => "";
            [Exposed("a123456789a123456789a123456789a123456789a123456789a123456789a123456789a123456789a123456789a123456789a123456789a123456789a12345678")] public string {|CHERRY0006:Long|}() => "";
            [Exposed] public async Task Fine([JsonBody] Order order) { await Task.Yield(); }
            [Exposed("a123456789a123456789a123456789a123456789a123456789a123456789a123456789a123456789a123456789a123456789a123456789a123456789a1234567")] public string Longest() => "";
        }
        """);

    [Fact]
    public Task A_tool_on_a_dispatch_hook_does_nothing_and_is_reported() => AnalyzerAsync<UnexposedToolAnalyzer>("""
        public class Root
        {
            [Exposed] public string Index() => "";
            [Dispatch, {|CHERRY0013:Gzip|}] public Root? Next(VirtualPath path) => null;
        }
        """);

    [Fact]
    public Task Mounting_a_class_with_nothing_to_serve_is_reported() => AnalyzerAsync<RouteConflictAnalyzer>("""
        public class Empty { public string Index() => "not exposed"; }
        public class Home { [Exposed] public string Index() => ""; }
        public class Container { public Home Home { get; } = new(); }
        public static class Startup
        {
            public static void Map(Microsoft.AspNetCore.Builder.WebApplication app)
            {
                {|CHERRY0015:app.MapCherry<Empty>("/empty")|};
                app.MapCherry<Home>("/");
                app.MapCherry<Container>("/container");
            }
        }
        """);

    [Fact]
    public Task A_per_request_value_in_a_constructor_the_generator_calls_is_reported() => AnalyzerAsync<NodeConstructorAnalyzer>("""
        public sealed class Clock { }
        public class Root(Clock clock, Shop shop, Session {|CHERRY0017:session|})
        {
            public Shop Shop { get; } = shop;
            [Exposed] public string Index() => clock.ToString() + session.Id;
        }
        public class Shop(Request {|CHERRY0017:request|}, System.Threading.CancellationToken {|CHERRY0017:aborted|})
        {
            [Exposed] public string Index() => request.Method + aborted.IsCancellationRequested;
        }
        public class Given(Request request)
        {
            [Exposed] public string Index() => request.Method;
        }
        public class Fine(Clock clock)
        {
            [Exposed] public string Index(Request request, Session session) => clock.ToString() + request.Method + session.Id;
        }
        public static class Startup
        {
            public static void Map(Microsoft.AspNetCore.Builder.WebApplication app, Request request)
            {
                app.MapCherry<Root>("/");
                app.MapCherry<Fine>("/fine");
                // Given its root object, MapCherry runs no constructor.
                app.MapCherry(new Given(request), "/given");
            }
        }
        """);
}
