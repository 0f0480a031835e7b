using Cherry;
using Conformance;
using Keywords = System.Collections.Generic.IReadOnlyList<System.Collections.Generic.KeyValuePair<string, string>>;

namespace CherryPySuite.Apps;

/// <summary>
/// test_objectmapping: one Root mounted at four script names (each with its own <c>user</c>, the Python config's
/// custom key, here a constructor argument), an isolated app, a MethodDispatcher app ([Rest]) and the app
/// testKeywords mounts at run time (mounted here at start-up).
/// </summary>
public static class ObjectMapping
{
    public static readonly string[] ScriptNames = ["", "/foo", "/users/fred/blog", "/corp/blog"];

    public static void Map(WebApplication app)
    {
        foreach (var url in ScriptNames)
        {
            // conf = {'/': {'user': (url or '/').split('/')[-2]}}
            var user = (url.Length == 0 ? "/" : url).Split('/')[^2];
            app.MapCherry(new Root(user), url.Length == 0 ? "/" : url);
        }
        app.MapCherry<Isolated>("/isolated");
        app.MapCherry<AnotherApp>("/app");
        app.MapCherry<KeywordsRoot>("/keywords");
    }

    internal static string ListRepr(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(PyRepr.Str)) + "]";

    public sealed class Root(string user)
    {
        // Class attributes in the Python (Root.dir1 = Dir1(), ...): one instance shared by the four mounts.
        private static readonly Exposing SharedExposing = new();
        private static readonly Dir1 SharedDir1 = new();
        private static readonly DefNoIndex SharedDefNoIndex = new();
        private static readonly ByMethod SharedByMethod = new("another");
        private static readonly Collection SharedCollection = new();

        public Exposing Exposing => SharedExposing;

        public Exposing Exposingnew => SharedExposing;

        public Dir1 Dir1 => SharedDir1;

        public DefNoIndex Defnoindex => SharedDefNoIndex;

        public ByMethod Bymethod => SharedByMethod;

        public Collection Collection => SharedCollection;

        [Exposed]
        public string Index(string name = "world") => name;

        [Exposed]
        public string Foobar() => "bar";

        [Exposed]
        public string Default(Keywords kwargs, params string[] args) => "default:" + PyRepr.Tuple(args);

        [Exposed]
        public string Other() => "other";

        [Exposed]
        public string Extra(params string[] p) => PyRepr.Tuple(p);

        [Exposed]
        public string Redirect() => throw new HttpRedirect("dir1/", 302);

        public string NotExposed() => "not exposed";

        [Exposed]
        public string Confvalue() => user;

        [Exposed]
        public string RedirectViaUrl(Request request, string path) => throw new HttpRedirect(request.Url(path));

        [Exposed]
        public string TranslateHtml() => "OK";

        // setattr(Root, 'Von B\xfclow', mapped_func)
        [Exposed("Von B\u00fclow")]
        public string MappedFunc(string? ID = null) => "ID is " + (ID ?? "None");
    }

    public sealed class Exposing
    {
        // cherrypy.expose(base, '1'); cherrypy.expose(base, '2')
        [Exposed(Aliases = new[] { "1", "2" })]
        public string Base() => "expose works!";
    }

    public sealed class Dir1
    {
        public Dir2 Dir2 { get; } = new();

        [Exposed]
        public string Index() => "index for dir1";

        [Exposed("myMethod"), TrailingSlash(Extra = true)]
        public string MyMethod(Request request) => "myMethod from dir1, path_info is:" + PyRepr.Str(request.PathInfo);

        [Exposed]
        public string Default(params string[] args) => "default for dir1, param is:" + PyRepr.Tuple(args);
    }

    public sealed class Dir2
    {
        public Dir3 Dir3 { get; } = new();

        [Exposed]
        public string Index(Request request) => "index for dir2, path is:" + request.PathInfo;

        [Exposed]
        public string ScriptName(Request request) => request.ScriptName;

        [Exposed]
        public string CherrypyUrl(Request request) => request.Url("/extra");

        [Exposed]
        public string Posparam(params string[] vpath) => string.Join("/", vpath);
    }

    /// <summary>Nothing exposed: not part of the tree, so /dir1/dir2/dir3/... falls to Dir1.Default.</summary>
    public sealed class Dir3
    {
        public Dir4 Dir4 { get; } = new();

        public string Default() => "default for dir3, not exposed";
    }

    public sealed class Dir4
    {
        public string Index() => "index for dir4, not exposed";
    }

    public sealed class DefNoIndex
    {
        [Exposed]
        public string Default(params string[] args) => throw new HttpRedirect("contact");
    }

    /// <summary>CherryPy's MethodDispatcher: [Rest] dispatches on the HTTP method.</summary>
    [Rest]
    public sealed class ByMethod(params string[] things)
    {
        private readonly List<string> _things = [.. things];
        private readonly Lock _lock = new();

        public string Get()
        {
            lock (_lock)
            {
                return ListRepr(_things);
            }
        }

        public void Post(string thing)
        {
            lock (_lock)
            {
                _things.Add(thing);
            }
        }
    }

    /// <summary><c>Collection.default = ByMethod('a', 'bit')</c>: the node named Default takes every path below /collection.</summary>
    public sealed class Collection
    {
        private static readonly ByMethod SharedDefault = new("a", "bit");

        public ByMethod Default => SharedDefault;
    }

    public sealed class Isolated
    {
        [Exposed]
        public string Index() => "made it!";
    }

    [Rest]
    public sealed class AnotherApp
    {
        public string Get() => "milk";
    }

    /// <summary>testKeywords' app: <c>hello(self, *, name='world')</c>, whose name never comes from a path segment.</summary>
    public sealed class KeywordsRoot
    {
        [Exposed]
        public string Hello([KeywordOnly] string name = "world") => "Hello " + name + "!";
    }
}
