namespace Cherry.Generators.Tests;

/// <summary>Representative user code for the generator tests.</summary>
internal static class Sources
{
    public const string Program = """
        using Cherry;
        using Microsoft.AspNetCore.Builder;
        public static class Startup
        {
            public static void Map(WebApplication app) => app.MapCherry<Shop.Root>("/");
        }
        """;

    public const string Tree = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Cherry;

        namespace Shop;

        public sealed class Root
        {
            public Catalog Catalog { get; } = new();
            public Orders Orders { get; } = new();
            public Admin Admin { get; } = new();

            [Exposed] public string Index(string name = "world") => "Hello " + name;
            [Exposed] public string Default(params string[] path) => string.Join("/", path);
            [Exposed("translate.html")] public string Translate() => "t";
            [Exposed(Aliases = new[] { "about-us" })] public string About() => "about";
            [Exposed] public Task<string> Later(int delay, bool loud = false) => Task.FromResult("later");
            [Exposed] public byte[] Raw() => new byte[] { 1 };
            [Exposed] public void Nothing() { }
        }

        [PopArgs("year", "month")]
        public sealed class Catalog
        {
            [Exposed] public string Index(int? year = null, int? month = null) => "catalog";
            [Exposed] public string Search(string[] tag, IReadOnlyList<KeyValuePair<string, string>> rest) => "search";
            [Dispatch] public Item? Next(VirtualPath path) => path.Count > 0 ? new Item(path.Pop()) : null;
        }

        public sealed class Item(string id)
        {
            [Exposed] public string Index() => id;
        }

        [Rest]
        public sealed class Orders
        {
            public string Get(System.Guid? id = null) => "list";
            public string Post(Response response, string item) => "created";
            public string Delete(System.Guid id) => "deleted";
        }

        public enum Level { Low, High }

        [TrailingSlash(Extra = true)]
        public sealed class Admin
        {
            public Reports Reports { get; } = new();
            [Exposed, TrailingSlash(Missing = false)] public string Index(Request request, Level level = Level.Low, double ratio = 0.5) => "admin";
        }

        public sealed class Reports
        {
            [Exposed] public string Daily(System.DateTimeOffset day) => "daily";
        }
        """;

    /// <summary>A JSON handler and its context (the STJ generator does not run in these tests, so it is not compiled).</summary>
    public const string JsonContext = """
        using System.Text.Json.Serialization;
        using Cherry;
        namespace Shop;
        public sealed class Api
        {
            [Exposed, JsonOut] public int Count() => 1;
        }
        [JsonSerializable(typeof(int))]
        internal partial class ShopJson : JsonSerializerContext;
        """;

    /// <summary>A second start-up file that serves the OpenAPI document.</summary>
    public const string OpenApi = """
        using Cherry;
        using Microsoft.AspNetCore.Builder;
        public static class Documentation
        {
            public static void Map(WebApplication app) => app.MapCherryOpenApi("/openapi.json");
        }
        """;
}
