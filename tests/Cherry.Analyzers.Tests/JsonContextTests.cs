using Cherry.CodeFixes;
using static Cherry.Analyzers.Tests.Verify;

namespace Cherry.Analyzers.Tests;

/// <summary>CHERRY0007: JSON types the app's JsonSerializerContext leaves out, with the fix that adds them.</summary>
public sealed class JsonContextTests
{
    // System.Text.Json's generator does not run in these tests, so contexts are abstract to compile without it.
    private const string Context = """
        using System.Text.Json.Serialization;

        public sealed record Answer(int Value, Detail Detail);
        public sealed record Detail(string Text);
        public sealed record Order(string Item);

        [JsonSerializable(typeof(Answer))]
        internal abstract partial class AppJson : JsonSerializerContext
        {
            protected AppJson() : base(null) { }
        }
        """;

    [Fact]
    public Task Results_and_bodies_outside_every_context_are_reported() => AnalyzerAsync<JsonContextAnalyzer>(Context + """

        public class Api
        {
            [Exposed, JsonOut] public Order {|CHERRY0007:Last|}() => new("tea");
            [Exposed, JsonIn] public string Place([JsonBody] Order {|CHERRY0007:order|}) => order.Item;
        }

        [JsonOut]
        public class Shop
        {
            [Exposed] public Task<Order> {|CHERRY0007:Later|}() => Task.FromResult(new Order("cake"));
        }
        """);

    [Fact]
    public Task Listed_types_and_their_property_types_are_covered() => AnalyzerAsync<JsonContextAnalyzer>(Context + """

        [JsonOut]
        public class Api
        {
            [Exposed] public Answer Index() => new(42, new("x"));
            [Exposed] public ValueTask<Detail> Detail() => ValueTask.FromResult(new Detail("y"));
            [Exposed] public void Nothing() { }
            // The generated code asks for object's metadata as for any other result type, so object needs it too.
            [Exposed] public object {|CHERRY0007:Anything|}() => new Answer(1, new("z"));
        }

        public class Plain
        {
            [Exposed] public Order NotJson() => new("not serialized by Cherry");
        }
        """);

    /// <summary><c>List&lt;Order?&gt;</c> and <c>List&lt;Order&gt;</c> are one runtime type: the listed one's metadata serves both.</summary>
    [Fact]
    public Task Nullable_annotations_in_type_arguments_do_not_hide_a_listed_type() => AnalyzerAsync<JsonContextAnalyzer>("""
        using System.Text.Json.Serialization;

        public sealed record Order(string Item);

        [JsonSerializable(typeof(List<Order>))]
        internal abstract partial class AppJson : JsonSerializerContext
        {
            protected AppJson() : base(null) { }
        }

        public class Api
        {
            [Exposed, JsonOut] public List<Order?> Recent() => new();
            [Exposed] public string Place([JsonBody] List<Order?> orders) => "";
            [Exposed, JsonOut] public Dictionary<string, Order?> {|#0:Named|}() => new();
        }
        """, Diagnostic("CHERRY0007").WithLocation(0).WithArguments("System.Collections.Generic.Dictionary<string, Order>", "the [JsonOut] result", "Named",
            "add [JsonSerializable(typeof(System.Collections.Generic.Dictionary<string, Order>))] to AppJson"));

    [Fact]
    public Task Without_any_context_the_advice_is_to_declare_one() => AnalyzerAsync<JsonContextAnalyzer>("""
        public sealed record Order(string Item);

        public class Api
        {
            [Exposed, JsonOut] public Order {|#0:Last|}() => new("tea");
        }
        """, Diagnostic("CHERRY0007").WithLocation(0).WithArguments("Order", "the [JsonOut] result", "Last", "declare a JsonSerializerContext with [JsonSerializable(typeof(Order))]"));

    [Fact]
    public Task Fix_adds_the_type_to_the_context() => CodeFixAsync<JsonContextAnalyzer, AddJsonSerializableCodeFix>(
        [
            """
            public class Api
            {
                [Exposed, JsonOut] public Order {|CHERRY0007:Last|}() => new("tea");
            }
            """,
            Context,
        ],
        [
            """
            public class Api
            {
                [Exposed, JsonOut] public Order Last() => new("tea");
            }
            """,
            Context.Replace("[JsonSerializable(typeof(Answer))]\n", "[JsonSerializable(typeof(Answer))]\n[JsonSerializable(typeof(Order))]\n"),
        ]);
}
