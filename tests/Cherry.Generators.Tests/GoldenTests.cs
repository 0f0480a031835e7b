using Cherry.Generators.Emitting;
using Microsoft.CodeAnalysis;

namespace Cherry.Generators.Tests;

/// <summary>
/// One small golden file per feature of the generated code (Golden/*.verified.cs). Each generated tree must also
/// compile against the real runtime; the same behaviour is tested over HTTP through compiled apps in the integration tests.
/// </summary>
public sealed class GoldenTests
{
    [Fact]
    public void Plain_tree() => Verify("PlainTree", """
        using Cherry;
        namespace Site;
        public sealed class Root
        {
            public Blog Blog { get; } = new();
            [Exposed] public string Index(string name = "world") => "Hello " + name;
            [Exposed(Aliases = new[] { "about-us" })] public string About() => "about";
            [Exposed("feed.xml")] public string Feed(int count, bool full = false, string[]? tag = null) => "feed";
            [Exposed] public string Default(params string[] path) => string.Join("/", path);
            [Exposed] public string Greet([KeywordOnly] string name = "world", string? title = null) => title + name;
        }
        public sealed class Blog
        {
            [Exposed] public string Index() => "posts";
            [Exposed] public string Search(string q, System.Collections.Generic.IReadOnlyList<System.Collections.Generic.KeyValuePair<string, string>> rest) => q;
        }
        """);

    [Fact]
    public void Uploads() => Verify("Uploads", """
        using System.Threading.Tasks;
        using Cherry;
        namespace Site;
        public sealed class Root
        {
            [Exposed] public string Upload(Part file, string title, Part? thumbnail = null) => file.FileName + title;
            [Exposed] public string Many(Part[] files, params string[] path) => files.Length.ToString();
            [Exposed] public string Parts(string[] parts) => string.Join("|", parts);
        }
        """);

    /// <summary>
    /// StringValues parameters, as untyped as Python's: a segment fills one, names gather into it (a second value makes a
    /// list), a segment and a name together are "multiple values"; [KeywordOnly] keeps one off the path.
    /// </summary>
    [Fact]
    public void Untyped_arguments() => Verify("UntypedArguments", """
        using Cherry;
        using Microsoft.Extensions.Primitives;
        namespace Site;
        public sealed class Root
        {
            [Exposed] public string Index(StringValues thing, StringValues other = default) => thing.ToString() + other;
            [Exposed] public string Tags([KeywordOnly] StringValues tag = default) => tag.ToString();
        }
        """);

    [Fact]
    public void Dynamic_nodes() => Verify("DynamicNodes", """
        using Cherry;
        namespace Site;
        public sealed class Root
        {
            public Days Days { get; } = new();
            public Months Months { get; } = new();
            public Users Users { get; } = new();
            public Collection Collection { get; } = new();
        }
        public sealed class Collection
        {
            public Users Default { get; } = new();
        }
        [PopArgs("year", "month", Handler = nameof(Day))]
        public sealed class Days
        {
            public DayHandler Day { get; } = new();
            [Exposed] public string Index() => "days";
        }
        public sealed class DayHandler
        {
            [Exposed] public string Index(int year, int? month = null) => "day";
        }
        [PopArgs("month", Handler = nameof(Make))]
        public sealed class Months
        {
            public MonthHandler Make(string month) => new(month);
        }
        public sealed class MonthHandler(string month)
        {
            [Exposed] public string Index() => month;
        }
        [Rest]
        public sealed class Users
        {
            public string Get() => "all";
            [Dispatch] public User? Find(VirtualPath path, Request request) => int.TryParse(path[0], out var id) ? new User(id, request.Method) : null;
        }
        [Rest]
        public sealed class User(int id, string method)
        {
            public string Get() => id + method;
        }
        """);

    [Fact]
    public void Rest_resource() => Verify("RestResource", """
        using Cherry;
        namespace Site;
        public sealed class Root
        {
            public Orders Orders { get; } = new();
        }
        [Rest]
        public sealed class Orders
        {
            public string Get(System.Guid? id = null) => "list";
            public string Post(Response response, string item) => "created";
            public void Delete(System.Guid id) { }
        }
        """);

    [Fact]
    public void Xml_rpc() => Verify("XmlRpc", """
        using System.Threading.Tasks;
        using Cherry;
        namespace Site;
        public sealed class Root
        {
            public Api Rpc { get; } = new();
        }
        [XmlRpc(AllowNone = true)]
        public sealed class Api
        {
            public Math Math { get; } = new();
            [Exposed] public string Hello(string name = "world") => "Hello " + name;
            [Exposed] public Task<bool> Ping() => Task.FromResult(true);
        }
        [XmlRpc]
        public sealed class Math
        {
            [Exposed] public int Add(int a, int b) => a + b;
        }
        """);

    [Fact]
    public void Pop_args_and_dispatch() => Verify("PopArgsAndDispatch", """
        using Cherry;
        namespace Site;
        public sealed class Root
        {
            public Archive Archive { get; } = new();
            [Dispatch] public Page? Find(VirtualPath path) => path.Count > 0 ? new Page(path.Pop()) : null;
        }
        [PopArgs("year", "month")]
        public sealed class Archive
        {
            [Exposed] public string Index(int? year = null, int? month = null) => "archive";
        }
        public sealed class Page(string slug)
        {
            [Exposed] public string Index() => slug;
        }
        """);

    /// <summary>
    /// Attribute tools, outermost class first and the method's last. Config tools are not in generated code: they bind at
    /// start-up to the entry's path, which is what a config section matches.
    /// </summary>
    [Fact]
    public void Tools_from_attributes() => Verify("Tools", """
        using Cherry;
        namespace Site;
        [Gzip]
        public sealed class Root
        {
            public Admin Admin { get; } = new();
            [Exposed] public string Index() => "home";
        }
        [AuthBasic(Realm = "admin"), Sessions(Timeout = 1.5, Locking = SessionLocking.Explicit, Domain = null)]
        public sealed class Admin
        {
            [Exposed, Caching(Delay = 60), ResponseHeaders("X-Frame-Options", "DENY")] public string Index(Session session) => "admin";
            [Exposed, Gzip(MimeTypes = new[] { "text/*", "application/\"x\"" }, Brotli = false)] public string Report(Session session) => "report";
        }
        """);

    /// <summary>
    /// [Config] keys on each entry, root first, each at the tree path it applies from: a class's at its position (base
    /// class first), a method's at its handler's path; values as plain text (True, invariant numbers, enum names, lists).
    /// </summary>
    [Fact]
    public void Config_from_attributes()
    {
        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Mount("Site.Root"), """
        using Cherry;
        namespace Site;
        public enum Mode { Fast, Safe }
        [Config("tools.gzip.on", true)]
        public sealed class Root
        {
            public Reports Reports { get; } = new();
            [Exposed] public string Index() => "home";
        }
        public abstract class Cached
        {
        }
        [Config("tools.caching.on", true), Config("tools.caching.delay", 3600)]
        public class CachedBase : Cached
        {
        }
        [Config("db.ratio", 0.5), Config("db.mode", Mode.Safe)]
        public sealed class Reports : CachedBase
        {
            [Exposed] public string Index() => "reports";
            [Exposed, Config("tools.gzip.on", false), Config("tools.encode.text_only", false), Config("db.hosts", new[] { "a", "b" }), Config("colour", null)]
            public string Raw() => "raw";
        }
        """);
        Assert.Null(result.Results.Single().Exception);
        Assert.Empty(GeneratorHarness.Errors(output));
        // The tools the keys name are rooted too (the ToolRoots golden file shows that file).
        GoldenFiles.Verify("Config", Assert.Single(result.GeneratedTrees, t => !t.FilePath.EndsWith("Cherry.ToolRoots.g.cs", StringComparison.Ordinal)).GetText().ToString());
    }

    /// <summary>
    /// A typed namespace's binder: the options class's settable properties of the supported types (base class first, an
    /// override once), set by name with no reflection; an enum by its member's name. Other properties are no keys.
    /// </summary>
    [Fact]
    public void Config_namespace_binder()
    {
        var (result, output) = GeneratorHarness.Run("""
            using Cherry;
            using Microsoft.Extensions.DependencyInjection;
            namespace Site;
            public enum Mode { Fast, Safe }
            public class BaseOptions
            {
                public virtual int Pool { get; set; }
            }
            public sealed class DbOptions : BaseOptions
            {
                public string? ConnectionString { get; set; }
                public override int Pool { get; set; }
                public long MaxBytes { get; set; }
                public double Ratio { get; set; }
                public bool Trace { get; set; }
                public Mode Mode { get; set; }
                public string[] Hosts { get; set; } = [];
                public object? Other { get; set; }
                public int Fixed { get; init; }
                public static int Shared { get; set; }
            }
            public static class Startup
            {
                public static void Add(IServiceCollection services) => services.AddCherry(o => o.ConfigNamespace<DbOptions>("db").ConfigNamespace<DbOptions>("db2"));
            }
            """);
        Assert.Null(result.Results.Single().Exception);
        Assert.Empty(GeneratorHarness.Errors(output));
        GoldenFiles.Verify("ConfigBinders", Assert.Single(result.GeneratedTrees).GetText().ToString());
    }

    [Fact]
    public void Json_in_and_out() => Verify("Json", """
        using System.Text.Json.Serialization;
        using System.Threading.Tasks;
        using Cherry;
        namespace Site;
        public sealed record Order(string Item, int Count);
        public sealed record Receipt(int Number);
        [JsonOut]
        public sealed class Root
        {
            [Exposed] public Receipt Place([JsonBody] Order order) => new(order.Count);
            [Exposed] public Task<Order[]> Recent() => Task.FromResult(new Order[0]);
            [Exposed, JsonIn(Force = false)] public int Count([JsonBody] Order order) => order.Count;
        }
        [JsonSerializable(typeof(Order)), JsonSerializable(typeof(Receipt)), JsonSerializable(typeof(Order[])), JsonSerializable(typeof(int))]
        internal abstract partial class SiteJson : JsonSerializerContext
        {
            protected SiteJson() : base(null) { }
            public static SiteJson Default { get; } = null!;
        }
        """);

    [Fact]
    public void Streams_and_other_results() => Verify("Results", """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Cherry;
        namespace Site;
        public sealed class Root
        {
            [Exposed] public IEnumerable<string> Lines() { yield return "a"; }
            [Exposed] public async IAsyncEnumerable<byte[]> Chunks([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken aborted = default) { await Task.Yield(); yield return new byte[] { 1 }; }
            [Exposed] public IEnumerable<object> Mixed() { yield return "a"; yield return new byte[] { 1 }; }
            [Exposed] public byte[] Raw() => new byte[] { 1 };
            [Exposed] public ValueTask<string> Later(CancellationToken aborted) => new("later");
            [Exposed] public Task Work() => Task.CompletedTask;
            [Exposed] public void Nothing(Request request) { }
        }
        """);

    /// <summary>Each mounted root gets its own tree, whichever way it is mounted; a class mounted twice gets one.</summary>
    [Fact]
    public void Mounts()
    {
        const string program = """
            using Cherry;
            using Microsoft.AspNetCore.Builder;
            public static class Startup
            {
                public static void Map(WebApplication app)
                {
                    app.MapCherry<Site.Root>("/");
                    app.MapCherry(new Site.Wiki(), "/wiki");
                    app.MapCherry<Site.Root>("/mirror");
                }
            }
            """;
        const string tree = """
            using Cherry;
            namespace Site;
            public sealed class Root { [Exposed] public string Index() => "home"; }
            public sealed class Wiki { [Exposed] public string Page(string title) => title; }
            """;
        var (result, output) = GeneratorHarness.Run(program, tree);
        Assert.Empty(GeneratorHarness.Errors(output));
        Assert.Null(result.Results.Single().Exception);
        var generated = result.GeneratedTrees.OrderBy(t => t.FilePath, StringComparer.Ordinal)
            .Select(t => "// " + Path.GetFileName(t.FilePath) + "\n" + t.GetText());
        GoldenFiles.Verify("Mounts", string.Join("\n", generated));
    }

    /// <summary>
    /// The OpenAPI document, generated only for an app that calls MapCherryOpenApi: path, query and form parameters with
    /// types and defaults, REST verbs, a JSON body and result by reference to their schemas (naming policy, nullable,
    /// enums, lists, maps, a recursive type, required constructor parameters), an upload, an XML-RPC endpoint, basic auth
    /// and summaries from doc comments;
    /// a parsable type with no JSON Schema form is a parameter without a schema.
    /// </summary>
    [Fact]
    public void Open_api()
    {
        const string tree = """
            using System;
            using System.Collections.Generic;
            using System.Text.Json.Serialization;
            using Cherry;
            namespace Site;
            public enum Sort { Name, Date }
            public sealed class Root
            {
                public Pages Pages { get; } = new();
                public Admin Admin { get; } = new();
                public Rpc Rpc { get; } = new();
                /// <summary>Lists the pages, sorted by <paramref name="sort"/>.</summary>
                [Exposed] public string Index(Sort sort = Sort.Date, int? limit = null) => "pages";
                /// <summary>One page, by <see cref="Slug"/>.</summary>
                [Exposed] public string Page(Slug slug, bool raw = false) => slug.Value;
                [Exposed] public string Default(params string[] path) => string.Join("/", path);
                [Exposed] public string Upload(Part file, string? title = null) => file.FileName;
                [Exposed, Allow("POST", "PUT")] public string Submit(string text) => text;
                [Exposed, Redirect("/", Internal = false)] public string Old() => "never";
            }
            [Rest, JsonOut]
            public sealed class Pages
            {
                public List<PageDto> Get() => new();
                /// <summary>Creates or replaces a page.</summary>
                public PageDto Put(string name, [JsonBody] PageDto page) => page;
                [Microsoft.AspNetCore.Mvc.ProducesResponseType(204), Microsoft.AspNetCore.Mvc.ProducesResponseType(404)]
                public void Delete(string name) { }
                [Microsoft.AspNetCore.Mvc.ProducesResponseType(201), Microsoft.AspNetCore.Mvc.ProducesResponseType(typeof(void), 409)]
                public PageDto Post([JsonBody] Move move) => new() { Name = move.To };
            }
            [AuthBasic(Realm = "admin")]
            public sealed class Admin
            {
                [Exposed] public string Index() => "admin";
            }
            [XmlRpc]
            public sealed class Rpc
            {
                [Exposed] public int Add(int a, int b) => a + b;
            }
            public sealed class PageDto
            {
                public required string Name { get; init; }
                [JsonPropertyName("body")] public string? Text { get; init; }
                public Sort Sort { get; init; }
                public DateTimeOffset Modified { get; init; }
                public PageDto? Parent { get; init; }
                public List<string> Tags { get; init; } = new();
                public Dictionary<string, int> Counts { get; init; } = new();
                [JsonIgnore] public int Secret { get; init; }
            }
            public readonly record struct Slug(string Value) : ISpanParsable<Slug>
            {
                public static Slug Parse(string s, IFormatProvider? provider) => new(s);
                public static bool TryParse(string? s, IFormatProvider? provider, out Slug result) { result = new(s ?? ""); return true; }
                public static Slug Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => new(s.ToString());
                public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Slug result) { result = new(s.ToString()); return true; }
            }
            public sealed record Move(string To, int Position = 0);
            [JsonSerializable(typeof(List<PageDto>)), JsonSerializable(typeof(Move))]
            [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, RespectRequiredConstructorParameters = true)]
            internal abstract partial class SiteJson : JsonSerializerContext
            {
                protected SiteJson() : base(null) { }
                public static SiteJson Default { get; } = null!;
            }
            """;
        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Mount("Site.Root"), Sources.OpenApi, tree);
        Assert.Null(result.Results.Single().Exception);
        Assert.Empty(GeneratorHarness.Errors(output));
        var document = Assert.Single(result.GeneratedTrees, t => t.FilePath.EndsWith("_OpenApi.g.cs", StringComparison.Ordinal));
        GoldenFiles.Verify("OpenApi", document.GetText().ToString());
    }

    [Fact]
    public void Dependency_injection() => Verify("DependencyInjection", """
        using Cherry;
        using Microsoft.AspNetCore.Mvc;
        namespace Site;
        public interface IClock { string Now(); }
        public interface IOrders { int Count(); }
        public sealed class Root(IClock clock, Shop shop)
        {
            public Shop Shop { get; } = shop;
            [Exposed] public string Index() => clock.Now();
        }
        public sealed class Shop(IOrders orders)
        {
            [Exposed] public string Index([FromServices] IClock clock, int page = 1) => clock.Now() + orders.Count() + page;
        }
        """);

    [Fact]
    public void Tool_roots()
    {
        var (result, output) = GeneratorHarness.Run(
            [("/app/site.conf", "[/]\ntools.gzip.on = True\n[/static]\ntools.staticdir.dir = 'static'\n")],
            GeneratorHarness.Mount("Site.Root"), """
            using Cherry;
            namespace Site;
            public sealed class Root
            {
                [Exposed] public string Index() => "home";
                public static CherryConfig Config() => new CherryConfig().Set("/", "tools.sessions.on", "True");
            }
            """);
        Assert.Null(result.Results.Single().Exception);
        Assert.Empty(GeneratorHarness.Errors(output));
        GoldenFiles.Verify("ToolRoots", result.GeneratedTrees.Single(t => t.FilePath.EndsWith("Cherry.ToolRoots.g.cs", StringComparison.Ordinal)).GetText().ToString());
    }

    /// <summary>
    /// A user's [ToolDeclaration] class: the tool its CreateTool makes, a DeclaredArgument per settable property with the
    /// facts of its DataAnnotations rules (key by the segment rule, None for a string? one), the bound copy, and the
    /// module initialiser that registers the tool by name. Properties that cannot be named arguments (get-only) are none.
    /// </summary>
    [Fact]
    public void Declared_tool()
    {
        var (result, output) = GeneratorHarness.Run("""
            using System.ComponentModel.DataAnnotations;
            using System.Threading.Tasks;
            using Cherry;
            namespace Site;
            [ToolDeclaration("powered_by", HookPoint.BeforeFinalize, Priority = 60)]
            public sealed partial class PoweredByAttribute(string by = "Cherry") : ToolAttribute
            {
                public string By { get; set; } = by;
                [Range(1, 5)] public int Times { get; set; } = 1;
                [AllowedValues("plain", "loud"), Required] public string Style { get; set; } = "plain";
                [RegularExpression("[a-z]+")] public string? Suffix { get; set; }
                public string[] TrustedProxies { get; set; } = [];
                public double Ratio { get; set; }
                public bool Loud { get; set; }
                public string Computed => By + Style;
                public ValueTask RunAsync(Request request) => default;
            }
            """);
        Assert.Null(result.Results.Single().Exception);
        Assert.Empty(GeneratorHarness.Errors(output));
        GoldenFiles.Verify("DeclaredTool", Assert.Single(result.GeneratedTrees).GetText().ToString());
    }

    /// <summary>
    /// A built-in tool from its one declaration in Shared/ToolCatalog.cs (referer: a positional argument, defaults of each
    /// kind, a rule): its options record with documented defaults and binding, its attribute, and its tool's name and hook.
    /// </summary>
    [Fact]
    public void Built_in_tool()
    {
        GoldenFiles.Verify("BuiltInTool", BuiltInToolEmitter.Emit(Cherry.Shared.ToolCatalog.Referer.Tool));
    }

    /// <summary>
    /// Compiling Cherry.Runtime, the generator writes every declared tool and the default-on list, and nothing an app
    /// gets: a "tools.gzip.on" string there roots no tool, so native AOT still trims the built-ins an app never names.
    /// </summary>
    [Fact]
    public void Compiling_the_runtime_gives_the_built_in_tools_and_nothing_an_app_gets()
    {
        var compilation = GeneratorHarness.Compile("""
            namespace Cherry;
            internal static class Keys { public const string Gzip = "tools.gzip.on"; }
            """).WithAssemblyName(BuiltInToolEmitter.RuntimeAssembly);
        var result = GeneratorHarness.CreateDriver(("app.conf", "[/]\ntools.caching.on = True\n")).RunGenerators(compilation).GetRunResult();

        var expected = Cherry.Shared.ToolCatalog.All.Select(BuiltInToolEmitter.HintName).Append(BuiltInToolEmitter.DefaultOnHintName).Order();
        Assert.Equal(expected, result.GeneratedTrees.Select(t => Path.GetFileName(t.FilePath)).Order());
        var defaults = result.GeneratedTrees.Single(t => t.FilePath.EndsWith(BuiltInToolEmitter.DefaultOnHintName, StringComparison.Ordinal)).ToString();
        Assert.Contains("[static () => new TrailingSlashTool(), static () => new EncodeTool(), static () => new LogTracebacksTool()]", defaults);
    }

    /// <summary>
    /// ASP.NET Core's endpoint metadata on node classes and handlers, re-created per entry with the classes' first and the
    /// handler's last, each with where it is written; an attribute of another kind is not metadata.
    /// </summary>
    [Fact]
    public void Endpoint_policies() => Verify("EndpointPolicies", """
        using Cherry;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.RateLimiting;
        namespace Site;
        [Authorize(Policy = "members")]
        public sealed class Root
        {
            public Admin Admin { get; } = new();
            [Exposed, AllowAnonymous] public string Index() => "public";
            [Exposed, EnableRateLimiting("fixed"), System.Obsolete] public string Search(string q) => q;
        }
        [Authorize(Roles = "admin", AuthenticationSchemes = "Bearer")]
        public sealed class Admin
        {
            [Exposed, DisableRateLimiting] public string Index() => "admin";
        }
        """);

    [Fact]
    public void Validation() => Verify("Validation", """
        using System.Collections.Generic;
        using System.ComponentModel.DataAnnotations;
        using System.Text.Json.Serialization;
        using Cherry;
        namespace Site;
        public sealed record Line([Required, StringLength(8, MinimumLength = 2)] string Sku, [Range(1, 99)] int Quantity);
        public sealed class Order : IValidatableObject
        {
            [Required, Display(Name = "Customer name")] public string? Customer { get; set; }
            [JsonPropertyName("ship_to")] public Address? ShipTo { get; set; }
            public Address? BillTo { get; set; }
            [MinLength(1)] public List<Line> Lines { get; set; } = new();
            public IEnumerable<ValidationResult> Validate(ValidationContext context) { yield break; }
        }
        public struct Address { [Required] public string Street { get; set; } }
        [JsonOut]
        public sealed class Root
        {
            [Exposed] public int Place([JsonBody] Order order) => order.Lines.Count;
            [Exposed] public int Bulk([JsonBody] Line[] lines) => lines.Length;
            [Exposed] public string Search([Required, StringLength(20)] string q, [Range(1, 50)] int page = 1) => q;
        }
        [JsonSerializable(typeof(Order)), JsonSerializable(typeof(Line[])), JsonSerializable(typeof(int))]
        internal abstract partial class SiteJson : JsonSerializerContext
        {
            protected SiteJson() : base(null) { }
            public static SiteJson Default { get; } = null!;
        }
        """);

    private static void Verify(string name, string tree)
    {
        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Mount("Site.Root"), tree);
        Assert.Null(result.Results.Single().Exception);
        Assert.Empty(GeneratorHarness.Errors(output));
        GoldenFiles.Verify(name, Assert.Single(result.GeneratedTrees).GetText().ToString());
    }
}
