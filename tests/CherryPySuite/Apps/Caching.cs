using Cherry;

namespace CherryPySuite.Apps;

/// <summary>
/// test_caching: the caching tool on a counting root, with Vary from response_headers, under gzip site-wide; the
/// expires tool with static files (<c>/expires</c>); caching and gzip over static files. The static files are the
/// <c>static</c> folder next to the test module (<see cref="TestModule.Directory"/>), which Debian does not ship:
/// run.sh's overlay supplies it.
/// </summary>
public static class Caching
{
    private static string TestDir => TestModule.Directory;

    private static readonly byte[] GifBytes =
    [
        .. "GIF89a"u8, 0x01, 0x00, 0x01, 0x00, 0x82, 0x00, 0x01, 0x99, (byte)'"', 0x1e, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, (byte)',', 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x02, 0x03, 0x02, 0x08, (byte)'\t', 0x00, (byte)';',
    ];

    public static void Map(WebApplication app)
    {
        // cherrypy.config.update({'tools.gzip.on': True}): site-wide, here on each mount's root.
        static void Gzip(CherryAppOptions options) => options.Set("/", "tools.gzip.on", "True");
        app.MapCherry<Root>("/", Gzip);
        app.MapCherry<UnCached>("/expires", options =>
        {
            Gzip(options);
            options.Set("/", "tools.staticdir.on", "True").Set("/", "tools.staticdir.dir", "static").Set("/", "tools.staticdir.root", TestDir);
        });
        app.MapCherry<VaryHeaderCachingServer>("/varying_headers", Gzip);
        app.MapCherry<GzipStaticCache>("/gzip_static_cache", options =>
        {
            Gzip(options);
            options.Set("/", "tools.gzip.mime_types", "text/*, image/*")
                .Set("/", "tools.staticdir.on", "True").Set("/", "tools.staticdir.dir", "static").Set("/", "tools.staticdir.root", TestDir);
        });
    }

    [Caching]
    public sealed class Root
    {
        private readonly Lock _longLock = new();
        private int _counter;
        private int _controlCounter;

        [Exposed]
        public string Index() => $"visit #{Interlocked.Increment(ref _counter)}";

        [Exposed]
        public string Control() => $"visit #{Interlocked.Increment(ref _controlCounter)}";

        [Exposed]
        public byte[] AGif(Request request)
        {
            request.Response.Headers.LastModified = DateTimeOffset.UtcNow.ToString("R");
            return GifBytes;
        }

        [Exposed]
        public string LongProcess(string seconds = "1")
        {
            lock (_longLock)
            {
                Thread.Sleep(TimeSpan.FromSeconds(double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture)));
            }
            return "success!";
        }

        // clear_cache reaches into cherrypy._cache.store; only disabled_test_antistampede (not collected) calls it.
    }

    [Caching, ResponseHeaders("Vary", "Our-Varying-Header")]
    public sealed class VaryHeaderCachingServer
    {
        private int _counter;

        [Exposed]
        public string Index() => $"visit #{Interlocked.Increment(ref _counter)}";
    }

    [Expires(Secs = 60)]
    public sealed class UnCached
    {
        // The Python handler also sets tools.expires.force and secs 0 on the whole class at run time
        // (self._cp_config[...] = ...); Cherry's configuration is fixed at start-up (docs/cherrypy-suite.md).
        [Exposed, Expires(Secs = 0)]
        public string Force(Request request)
        {
            request.Response.Headers.ETag = "bibbitybobbityboo";
            return "being forceful";
        }

        [Exposed]
        public string Dynamic(Request request)
        {
            request.Response.Headers.ETag = "bibbitybobbityboo";
            request.Response.Headers.CacheControl = "private";
            return "D-d-d-dynamic!";
        }

        [Exposed]
        public string Cacheable(Request request)
        {
            request.Response.Headers.ETag = "bibbitybobbityboo";
            return "Hi, I'm cacheable.";
        }

        [Exposed, Expires(Secs = 86400)]
        public string Specific(Request request)
        {
            request.Response.Headers.ETag = "need_this_to_make_me_cacheable";
            return "I am being specific";
        }

        // tools.expires.secs = Foo() (an object of no number type): CherryPy's 500 TypeError at request time. An
        // attribute's Secs is an int, and configuration takes literals only, so the port has no way to say it.
        [Exposed, Expires(Secs = 60)]
        public string Wrongtype(Request request)
        {
            request.Response.Headers.ETag = "need_this_to_make_me_cacheable";
            return "Woops";
        }
    }

    /// <summary>
    /// An object with no handlers in the Python (staticdir serves, anything else is a 404). Cherry refuses to mount a
    /// tree with nothing exposed (CHERRY0015), so the port's Default answers the 404 CherryPy would.
    /// </summary>
    [Caching]
    public sealed class GzipStaticCache
    {
        [Exposed]
        public string Default(params string[] args) => throw new NotFound();
    }
}
