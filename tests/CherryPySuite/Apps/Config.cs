using System.Globalization;
using Cherry;
using Conformance;

namespace CherryPySuite.Apps;

/// <summary>
/// test_config: the application's own config keys read back per path (CherryPy's <c>request.config.get(key)</c>, here
/// <see cref="EntrySettings.Config"/>), from the app's INI file (the Python's <c>ioconf</c>), from per-path sections
/// (the Python's <c>@cherrypy.config</c> on classes and methods) and from the global config; a custom namespace
/// (<c>db</c>); <c>response.headers</c>; a staticfile handler whose file configuration overrides; the body charset.
/// </summary>
public static class Config
{
    public static void Configure(CherryOptions options)
    {
        // cherrypy.config.update({'luxuryyacht': ..., 'db.scheme': ...}); Root registers the 'db' namespace.
        options.ConfigNamespaces.Add("db");
        options.Config.Set("global", "luxuryyacht", "throatwobblermangrove").Set("global", "db.scheme", "sqlite///memory");
        // What CherryPy's defaults and its test_suite environment put in every request's config, which testConfig reads
        // back. log.screen is Cherry's key too (request config keeps every key); Cherry has no engine.autoreload or
        // environment settings: here they are the app's own keys.
        options.ConfigNamespaces.Add("engine");
        options.Config.Set("global", "tools.log_headers.on", "False")
            .Set("global", "tools.log_tracebacks.on", "True")
            .Set("global", "request.show_tracebacks", "True")
            .Set("global", "log.screen", "False")
            .Set("global", "environment", "test_suite")
            .Set("global", "engine.autoreload.on", "False");
    }

    public static void Map(WebApplication app)
    {
        app.MapCherry<Root>("/", options => options
            .AddIniFile(Path.Combine(Fixtures.Folder, "test_config.conf"))
            // @cherrypy.config(foo='this', bar='that') on Root, (foo='this2', baz='that2') on Foo, and on Foo.bar.
            .Set("/", "foo", "this").Set("/", "bar", "that")
            .Set("/foo", "foo", "this2").Set("/foo", "baz", "that2")
            .Set("/foo/bar", "foo", "this3").Set("/foo/bar", "bax", "this4")
            .Set("/foo/silly", "response.headers.X-silly", "sillyval")
            // request.body.attempt_charsets = ['utf-16']
            .Set("/plain", "tools.decode.on", "True").Set("/plain", "tools.decode.encoding", "utf-16"));
        app.MapCherry<Another>("/another");
    }

    private static string Get(Request request, string key) => request.Settings.Config.GetValueOrDefault(key, "None");

    /// <summary>Python's repr of a config value: Cherry keeps values as text, so booleans and integers are told by their form.</summary>
    private static string Repr(Request request, string key) =>
        !request.Settings.Config.TryGetValue(key, out var value) ? "None"
        : value.ToLowerInvariant() is "true" or "false" ? char.ToUpperInvariant(value[0]) + value[1..].ToLowerInvariant()
        : long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? value
        : PyRepr.Str(value);

    public sealed class Root
    {
        public Foo Foo { get; } = new();

        public Raw Raw { get; } = new();

        [Exposed(Aliases = new[] { "global_", "xyz" })]
        public string Index(Request request, string key) => Get(request, key);

        [Exposed]
        public string Repr(Request request, string key) => Config.Repr(request, key);

        /// <summary>The Python's db namespace handler keeps <c>db.scheme</c> on the root at start-up; here it is read from config.</summary>
        [Exposed]
        public string Dbscheme(Request request) => Get(request, "db.scheme");

        [Exposed]
        public string Plain(string x) => x;

        /// <summary><c>favicon_ico = tools.staticfile.handler(filename='../favicon.ico')</c>; the INI's filename overrides it.</summary>
        [Exposed("favicon.ico"), StaticFile("../favicon.ico")]
        public string FaviconIco() => throw new NotFound();
    }

    public sealed class Foo
    {
        [Exposed(Aliases = new[] { "nex" })]
        public string Index(Request request, string key) => Get(request, key);

        [Exposed]
        public string Silly() => "Hello world";

        [Exposed]
        public string Bar(Request request, string key) => Config.Repr(request, key);
    }

    public sealed class Another
    {
        [Exposed]
        public string Index(Request request, string key) => Get(request, key);
    }

    /// <summary>
    /// <c>raw.input.map = {'num': int}</c> and <c>raw.output = repr</c> (a custom namespace whose values are Python
    /// callables wrapping the handler): Cherry binds <c>num</c> as an int by its type, and the result is its text.
    /// </summary>
    public sealed class Raw
    {
        [Exposed]
        public string Incr(int num) => (num + 1).ToString(CultureInfo.InvariantCulture);
    }
}
