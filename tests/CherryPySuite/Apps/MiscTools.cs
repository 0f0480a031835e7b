using Cherry;

namespace CherryPySuite.Apps;

/// <summary>
/// test_misc_tools: response_headers by attribute and by configuration, referer from configuration, accept on a
/// class (no media: on, but nothing checked) and on a handler, <c>AcceptTool.Select</c> in a handler, autovary.
/// </summary>
public static class MiscTools
{
    public static void Map(WebApplication app) => app.MapCherry<Root>("/", options => options
        .Set("/referer", "tools.referer.on", "True")
        .Set("/referer", "tools.referer.pattern", @"http://[^/]*example\.com")
        .Set("/referer/reject", "tools.referer.accept", "False")
        .Set("/referer/reject", "tools.referer.accept_missing", "True")
        .Set("/autovary", "tools.autovary.on", "True"));

    public sealed class Root
    {
        public RefererPages Referer { get; } = new();

        public AcceptPages Accept { get; } = new();

        public AutoVaryPages Autovary { get; } = new();

        // tools.response_headers(headers=h)(index), on a generator.
        [Exposed, ResponseHeaders("Content-Language", "en-GB", "Content-Type", "text/plain")]
        public IEnumerable<string> Index()
        {
            yield return "Hello, world";
        }

        // _cp_config: tools.response_headers.on with its headers list, and tools.log_hooks.on (Cherry's log_hooks is
        // configuration only, and logs at Debug: nothing the test reads).
        [Exposed, ResponseHeaders("Content-Language", "fr", "Content-Type", "text/plain")]
        public string Other() => "salut";
    }

    public sealed class RefererPages
    {
        [Exposed]
        public string Accept() => "Accepted!";

        // reject = accept
        [Exposed]
        public string Reject() => Accept();
    }

    // @cherrypy.config(**{'tools.accept.on': True}): on, with no media, for the whole class.
    [Accept]
    public sealed class AcceptPages
    {
        [Exposed]
        public string Index() => "<a href=\"feed\">Atom feed</a>";

        [Exposed, Accept("application/atom+xml")]
        public string Feed() => """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
                <title>Unknown Blog</title>
            </feed>
            """;

        [Exposed]
        public string Select(Request request) =>
            AcceptTool.Select(request, "text/html", "text/plain") == "text/html" ? "<h2>Page Title</h2>" : "PAGE TITLE";
    }

    public sealed class AutoVaryPages
    {
        [Exposed]
        public string Index(Request request)
        {
            var headers = request.Headers;
            _ = headers["Accept-Encoding"];
            _ = headers["Host"];
            _ = headers.ContainsKey("If-Modified-Since");
            _ = headers.ContainsKey("Range");
            AcceptTool.Select(request, "text/html", "text/plain");
            return "Hello, world!";
        }
    }
}
