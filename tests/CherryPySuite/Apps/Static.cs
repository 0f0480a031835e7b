using System.Text;
using Cherry;

namespace CherryPySuite.Apps;

/// <summary>
/// test_static: staticdir and staticfile over the test module's folder (its <c>static/</c> fixtures and
/// <c>style.css</c>, which the suite's overlay puts beside it), <c>serve_file</c> and <c>serve_fileobj</c> from handlers,
/// a 404 page served from a file, and a second app chosen by the Host header (CherryPy's VirtualHost). The Python's
/// <c>curdir</c> is <see cref="TestModule.Directory"/>.
/// </summary>
public static class Static
{
    public static void Map(WebApplication app)
    {
        var curdir = TestModule.Directory;
        // The rootApp of vhost = VirtualHost(rootApp, {'virt.net': testApp}): every other Host.
        app.MapCherry(new Root(curdir), "/", options => options
            .Set("/static", "tools.staticdir.on", "True")
            .Set("/static", "tools.staticdir.dir", "static")
            .Set("/static", "tools.staticdir.root", curdir)
            .Set("/style.css", "tools.staticfile.on", "True")
            .Set("/style.css", "tools.staticfile.filename", Path.Combine(curdir, "style.css"))
            .Set("/docroot", "tools.staticdir.on", "True")
            .Set("/docroot", "tools.staticdir.root", curdir)
            .Set("/docroot", "tools.staticdir.dir", "static")
            .Set("/docroot", "tools.staticdir.index", "index.html")
            .Set("/404test", "tools.staticdir.on", "True")
            .Set("/404test", "tools.staticdir.root", curdir)
            .Set("/404test", "tools.staticdir.dir", "static")
            // error_page_404 serves static/404.html as text/html: an error page template with no placeholders.
            .Set("/404test", "error_page.404", Path.Combine(curdir, "static", "404.html")));
        // '/static-long' (a Windows long path, \\?\curdir) is for test_static_longpath, which runs on Windows only;
        // '/error' (staticdir on with neither dir nor root) is left out: Cherry refuses to start with it
        // (docs/conformance.md, Documented deviations: a tool argument missing).

        // testApp: Static() with staticdir at /test, for Host: virt.net. ASP.NET Core's host matching prefers the
        // endpoint that requires a host, so both mounts at / are reached; CHERRY0014 does not know RequireHost.
#pragma warning disable CHERRY0014
        app.MapCherry<StaticPages>("/", options => options
            .Set("/test", "tools.staticdir.index", "index.html")
            .Set("/test", "tools.staticdir.on", "True")
            .Set("/test", "tools.staticdir.root", curdir)
            .Set("/test", "tools.staticdir.dir", "static")).RequireHost("virt.net");
#pragma warning restore CHERRY0014
    }

    public sealed class Root(string curdir)
    {
        public StaticPages Static { get; } = new();

        // response.stream is on: Cherry's serve_file always sends the file as it reads it (sendfile).
        [Exposed]
        public void Bigfile(Request request) => Cherry.Static.ServeFile(request, Path.Combine(curdir, "static", "bigfile.log"));

        /// <summary>
        /// The position of bigfile's file object. Cherry's serve_file hands the file to the server's sendfile and keeps
        /// no file object to ask, so this answers as the Python does for a closed file: nothing (test_file_stream is an
        /// expected failure upstream, #1475).
        /// </summary>
        [Exposed]
        public string Tell() => "";

        [Exposed]
        public void Fileobj(Request request) =>
            Cherry.Static.ServeFileObj(request, File.OpenRead(Path.Combine(curdir, "style.css")), "text/css");

        [Exposed]
        public void Bytesio(Request request) =>
            Cherry.Static.ServeFileObj(request, new MemoryStream("Fee\nfie\nfo\nfum"u8.ToArray()), "text/plain");

        [Exposed]
        public void ServeFileUtf8Filename(Request request) =>
            Cherry.Static.ServeFile(request, Path.Combine(curdir, "test_static.py"), disposition: "attachment", name: "has_utf-8_character_☃.html");

        [Exposed]
        public void ServeFileobjUtf8Filename(Request request) =>
            Cherry.Static.ServeFileObj(request, new MemoryStream(Encoding.UTF8.GetBytes("☃\nfie\nfo\nfum")), disposition: "attachment", name: "has_utf-8_character_☃.html");
    }

    public sealed class StaticPages
    {
        [Exposed]
        public string Index() => "You want the Baron? You can have the Baron!";

        [Exposed]
        public string Dynamic() => "This is a DYNAMIC page";
    }
}
