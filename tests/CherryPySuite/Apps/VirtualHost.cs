using Cherry;

namespace CherryPySuite.Apps;

/// <summary>
/// test_virtualhost: one root whose sub-trees <c>/mydom2</c>, <c>/mydom3</c> and the page <c>/dom4</c> answer for
/// their own host names (CherryPy's <c>request.dispatch = VirtualHost(**hostmap)</c>, here
/// <see cref="CherryAppOptions.VirtualHost"/>), with static files both from a handler and from a config section. The
/// files the Python serves from the test folder (<c>style.css</c>, <c>static/</c>), which Debian does not ship, are the
/// host's <c>Fixtures</c> folder.
/// </summary>
public static class VirtualHost
{
    public static void Map(WebApplication app) =>
        app.MapCherry<Root>("/", options =>
        {
            // VirtualHost's use_x_forwarded_host is True by default in CherryPy; Cherry's is off unless asked for.
            options.UseXForwardedHost = true;
            options.VirtualHost("www.mydom2.com", "/mydom2")
                .VirtualHost("www.mydom3.com", "/mydom3")
                .VirtualHost("www.mydom4.com", "/dom4");
            // Static in config: the section names the tree path, virtual host prefix included.
            options.Set("/mydom2/static2", "tools.staticdir.on", "True")
                .Set("/mydom2/static2", "tools.staticdir.root", Fixtures.Folder)
                .Set("/mydom2/static2", "tools.staticdir.dir", "static")
                .Set("/mydom2/static2", "tools.staticdir.index", "index.html");
        });

    public sealed class Root
    {
        public VHost Mydom2 { get; } = new("Domain 2");

        public VHost Mydom3 { get; } = new("Domain 3");

        [Exposed]
        public string Index() => "Hello, world";

        [Exposed]
        public string Dom4() => "Under construction";

        [Exposed]
        public string Method(string value) => "You sent " + value;
    }

    public sealed class VHost(string sitename)
    {
        [Exposed]
        public string Index() => "Welcome to " + sitename;

        [Exposed]
        public string Vmethod(string value) => "You sent " + value;

        [Exposed]
        public string Url(Request request) => request.Url("nextpage");

        /// <summary>
        /// <c>static = tools.staticdir.handler(section='/static', dir=curdir)</c>: CherryPy's handler form of staticdir
        /// serves the file as the page handler, so the encode tool still adds the charset to a text file (the config form
        /// answers before the handler, and adds none). Here the handler serves the file itself.
        /// </summary>
        [Exposed]
        public void Static(Request request, params string[] path)
        {
            var file = Path.GetFullPath(Path.Combine([Fixtures.Folder, .. path]));
            if (!file.StartsWith(Fixtures.Folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(file))
            {
                throw new NotFound();
            }
            Cherry.Static.ServeFile(request, file);
        }
    }
}
