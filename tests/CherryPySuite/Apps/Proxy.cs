using Cherry;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CherryPySuite.Apps;

/// <summary>
/// test_proxy: the proxy tool on site-wide with base www.mydomain.test (here on each mount's root), the same Root
/// at '' and '/path/to/myapp', and handlers with their own proxy settings.
/// </summary>
public static class Proxy
{
    public static readonly string[] ScriptNames = ["", "/path/to/myapp"];

    public static void Map(WebApplication app)
    {
        // cherrypy.url(..., script_name=sn) outside a request is built on cherrypy.server.base(); Cherry has no URL
        // builder outside a request, so the port takes the base from the address the server listens on.
        var server = app.Services.GetRequiredService<IServer>();
        string ServerBase() => server.Features.Get<IServerAddressesFeature>()!.Addresses.First();
        foreach (var sn in ScriptNames)
        {
            app.MapCherry(new Root(sn, ServerBase), sn.Length == 0 ? "/" : sn, options => options
                // cherrypy.config.update({'tools.proxy.on': True, 'tools.proxy.base': 'www.mydomain.test'})
                .Set("/", "tools.proxy.on", "True")
                .Set("/", "tools.proxy.base", "www.mydomain.test")
                // base_no_base's @cherrypy.config(**{'tools.proxy.base': None})
                .Set("/base_no_base", "tools.proxy.base", null));
        }
    }

    public sealed class Root(string sn, Func<string> serverBase)
    {
        private string? _thisNewPage;

        [Exposed]
        public string Pageurl() => _thisNewPage ??= serverBase() + sn + "/this/new/page";

        [Exposed]
        public string Index() => throw new HttpRedirect("dummy");

        [Exposed]
        public string Remoteip(Request request) => request.RemoteAddress;

        [Exposed, Proxy(Local = "X-Host"), TrailingSlash(Extra = true)]
        public string Xhost() => throw new HttpRedirect("blah");

        [Exposed("base")]
        public string BaseUrl(Request request) => request.Base;

        [Exposed, Proxy(Scheme = "X-Forwarded-Ssl")]
        public string Ssl(Request request) => request.Base;

        [Exposed]
        public string Newurl(Request request) => $"Browse to <a href='{request.Url("/this/new/page")}'>this page</a>.";

        // tools.proxy.base None (configured in Map): the Host header's authority.
        [Exposed]
        public string BaseNoBase(Request request) => request.Base;
    }
}
