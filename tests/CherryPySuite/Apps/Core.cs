using Cherry;
using Cherry.Http;
using Conformance;

namespace CherryPySuite.Apps;

/// <summary>
/// test_core: status lines, trailing slashes, redirects (HTTPRedirect, err_redirect, InternalRedirect from handlers,
/// tools and hooks), flatten, ranges, cookies, several headers of one name, <c>cherrypy.url</c> in its three forms and
/// the expose decorator's spellings (CoreRequestHandlingTest); and ErrorTests' <c>/stat</c>. Both test classes of the
/// module start the same host, so ErrorTests' root is merged into CoreRequestHandlingTest's (their one shared page,
/// <c>index</c>, answers the same). The Python's metaclass that exposes every function of a <c>Test</c> subclass and
/// mounts it at its lower-cased name is spelled out.
/// </summary>
public static class Core
{
    public static void Map(WebApplication app) => app.MapCherry<Root>("/");

    /// <summary>
    /// What <c>defct</c> sets: the Python handler calls <c>cherrypy.config.update</c> to turn on response_headers
    /// site-wide with a new Content-Type. Cherry's configuration is fixed at start-up, so the port keeps the value in
    /// the app and <see cref="DefaultContentTypeTool"/> (on at the root) applies it.
    /// </summary>
    private static volatile string? _defaultContentType;

    /// <summary>response_headers' hook point (on_start_resource), so that handlers and encode still change the type.</summary>
    public sealed class DefaultContentTypeTool : HookTool
    {
        public override string Name => "default_content_type";

        public override HookPoint Point => HookPoint.OnStartResource;

        public override ValueTask RunAsync(Request request)
        {
            if (_defaultContentType is { } type)
            {
                request.Response.ContentType = type;
            }
            return ValueTask.CompletedTask;
        }
    }

    public sealed class DefaultContentTypeAttribute : ToolAttribute
    {
        public override Tool CreateTool() => new DefaultContentTypeTool();
    }

    [DefaultContentType]
    public sealed class Root
    {
        public ExposeExamples ExposeDec { get; } = new();

        public UrlPages Url { get; } = new();

        public StatusPages Status { get; } = new();

        public RedirectPages Redirect { get; } = new();

        public InternalRedirectPages Internalredirect { get; } = new();

        public ImagePages Image { get; } = new();

        public FlattenPages Flatten { get; } = new();

        public RangePages Ranges { get; } = new();

        public CookiePages Cookies { get; } = new();

        public MultiHeaderPages Multiheader { get; } = new();

        [Exposed]
        public string Index() => "hello";

        [Exposed]
        public void Defct(string newct) => _defaultContentType = "text/" + newct;

        // with cherrypy.HTTPError.handle(OSError, 404): os.stat(path)
        [Exposed]
        public void Stat(string path)
        {
            try
            {
                File.GetAttributes(path);
            }
            catch (IOException ex)
            {
                throw new HttpError(404, null, ex.Message, ex);
            }
        }

        [Exposed]
        public string Baseurl(Request request, string path_info, string? relative = null) =>
            request.Url(path_info, form: string.IsNullOrEmpty(relative) ? UrlForm.Absolute : UrlForm.Relative);
    }

    /// <summary>cherrypy/test/_test_decorators.py's ExposeExamples: expose with no call, no arguments, a name, names, alias.</summary>
    public sealed class ExposeExamples
    {
        [Exposed]
        public string NoCall() => "Mr E. R. Bradshaw";

        [Exposed]
        public string CallEmpty() => "Mrs. B.J. Smegma";

        // expose('call_alias') keeps the method's own name too.
        [Exposed(Aliases = new[] { "call_alias" })]
        public string Nesbitt() => "Mr Nesbitt";

        [Exposed(Aliases = new[] { "alias1", "alias2" })]
        public string Andrews() => "Mr Ken Andrews";

        [Exposed(Aliases = new[] { "alias3" })]
        public string Watson() => "Mr. and Mrs. Watson";
    }

    [TrailingSlash(Missing = false, Extra = false)]
    public sealed class UrlPages
    {
        [Exposed]
        public string Index(Request request, string path_info, string? relative = null) => request.Url(path_info, form: Form(relative));

        [Exposed]
        public string Leaf(Request request, string path_info, string? relative = null) => request.Url(path_info, form: Form(relative));

        [Exposed]
        public string Qs(Request request, string qs) => request.Url(queryString: qs);

        // relative='server', or bool(relative).
        private static UrlForm Form(string? relative) =>
            relative == "server" ? UrlForm.ServerRelative : string.IsNullOrEmpty(relative) ? UrlForm.Absolute : UrlForm.Relative;
    }

    /// <summary>tools.log_status: on_end_resource, records the response status.</summary>
    public sealed class LogStatusTool : HookTool
    {
        public static readonly List<string> Statuses = [];

        public override string Name => "log_status";

        public override HookPoint Point => HookPoint.OnEndResource;

        public override ValueTask RunAsync(Request request)
        {
            lock (Statuses)
            {
                Statuses.Add(request.Response.Status ?? "");
            }
            return ValueTask.CompletedTask;
        }
    }

    public sealed class LogStatusAttribute : ToolAttribute
    {
        public override Tool CreateTool() => new LogStatusTool();
    }

    public sealed class StatusPages
    {
        [Exposed]
        public string Index() => "normal";

        [Exposed]
        public void Blank(Response response) => response.Status = "";

        [Exposed]
        public string Illegal(Response response)
        {
            response.StatusCode = 781;
            return "oops";
        }

        [Exposed]
        public string Unknown(Response response)
        {
            response.Status = "431 My custom error";
            return "funky";
        }

        [Exposed]
        public string Bad(Response response)
        {
            response.Status = "error";
            return "bad news";
        }

        [Exposed, LogStatus]
        public string OnEndResourceStage()
        {
            lock (LogStatusTool.Statuses)
            {
                return "[" + string.Join(", ", LogStatusTool.Statuses.Select(PyRepr.Str)) + "]";
            }
        }
    }

    public sealed class RedirectPages
    {
        public RedirectError Error { get; } = new();

        [Exposed]
        public string Index() => "child";

        [Exposed]
        public string Custom(string url, int code) => throw new HttpRedirect(url, code);

        [Exposed, TrailingSlash(Extra = true)]
        public string ByCode(int code) => throw new HttpRedirect("somewhere%20else", code);

        [Exposed]
        public string Nomodify() => throw new HttpRedirect("", 304);

        [Exposed]
        public string Proxy() => throw new HttpRedirect("proxy", 305);

        // str(cherrypy.HTTPRedirect('/')): Python's repr of the exception's arguments, the URL made absolute and the
        // status CherryPy picks for the protocol (302 for HTTP/1.0, else 303).
        [Exposed]
        public string Stringify(Request request) =>
            $"(['{request.Url("/")}'], {(request.HttpContext.Request.Protocol == "HTTP/1.0" ? 302 : 303)})";

        [Exposed]
        public string Fragment(string frag) => throw new HttpRedirect("/some/url#" + frag);

        [Exposed]
        public string UrlWithQuote() => throw new HttpRedirect("/some\"url/that'we/want");

        [Exposed]
        public string UrlWithXss() => throw new HttpRedirect("/some<script>alert(1);</script>url/that'we/want");

        [Exposed]
        public string UrlWithUnicode() => throw new HttpRedirect("тест");
    }

    [ErrRedirect("/errpage", Internal = false)]
    public sealed class RedirectError
    {
        // raise NameError('redirect_test')
        [Exposed]
        public string Index() => throw new InvalidOperationException("redirect_test");
    }

    /// <summary>A hook that answers with another page (<c>raise cherrypy.InternalRedirect(...)</c>) at its point.</summary>
    public sealed class RedirectHookTool(HookPoint point, string name, string target, bool unlessLoggedIn = false) : HookTool
    {
        public override string Name => name;

        public override HookPoint Point => point;

        public override ValueTask RunAsync(Request request) =>
            unlessLoggedIn && request.Login is not null ? ValueTask.CompletedTask : throw new InternalRedirect(target);
    }

    /// <summary>hooks.before_error_response = redir_custom.</summary>
    public sealed class RedirCustomOnErrorAttribute : ToolAttribute
    {
        public override Tool CreateTool() => new RedirectHookTool(HookPoint.BeforeErrorResponse, "redir_custom_on_error", "/internalredirect/custom_err");
    }

    /// <summary>hooks.before_request_body = redir_custom.</summary>
    public sealed class RedirCustomBeforeBodyAttribute : ToolAttribute
    {
        public override Tool CreateTool() => new RedirectHookTool(HookPoint.BeforeRequestBody, "redir_custom_before_body", "/internalredirect/custom_err");
    }

    /// <summary>tools.login_redir: before_handler, to the login page unless someone is logged in.</summary>
    public sealed class LoginRedirAttribute : ToolAttribute
    {
        public override Tool CreateTool() => new RedirectHookTool(HookPoint.BeforeHandler, "login_redir", "/internalredirect/login", unlessLoggedIn: true);
    }

    public sealed class InternalRedirectPages
    {
        [Exposed]
        public string Index() => throw new InternalRedirect("/");

        [Exposed, RedirCustomOnError]
        public string Choke() => throw new DivideByZeroException();

        [Exposed]
        public string Relative(string a, string b) => throw new InternalRedirect("cousin?t=6");

        // assert cherrypy.request.prev.closed: the previous request is over once this one runs.
        [Exposed]
        public string Cousin(Request request, string t) => request.Previous!.QueryString;

        [Exposed]
        public string Petshop(string user_id) => user_id switch
        {
            // Trade it for a slug, or a fish, when redirecting; anything else passes through.
            "parrot" => throw new InternalRedirect("/image/getImagesByUser?user_id=slug"),
            "terrier" => throw new InternalRedirect("/image/getImagesByUser?user_id=fish"),
            _ => throw new InternalRedirect("/image/getImagesByUser?user_id=" + user_id),
        };

        [Exposed, LoginRedir]
        public string Secure() => "Welcome!";

        [Exposed]
        public string Login() => "Please log in";

        [Exposed]
        public string CustomErr() => "Something went horribly wrong.";

        [Exposed, RedirCustomBeforeBody]
        public string EarlyIr(string arg) => "whatever";
    }

    public sealed class ImagePages
    {
        [Exposed("getImagesByUser")]
        public string GetImagesByUser(string user_id) => "0 images for " + user_id;
    }

    public sealed class FlattenPages
    {
        [Exposed]
        public string AsString() => "content";

        [Exposed]
        public IEnumerable<string> AsList() => ["con", "tent"];

        [Exposed]
        public IEnumerable<byte[]> AsYield()
        {
            yield return "content"u8.ToArray();
        }

        [Exposed, Flatten]
        public IEnumerable<object> AsDblyield()
        {
            yield return AsYield();
        }

        [Exposed]
        public IEnumerable<byte[]> AsRefyield()
        {
            foreach (var chunk in AsYield())
            {
                yield return chunk;
            }
        }
    }

    public sealed class RangePages
    {
        // repr(httputil.get_ranges('bytes=%s' % bytes, 8)): a list of (start, stop) tuples.
        [Exposed]
        public string GetRanges(string bytes) =>
            ByteRanges.Parse("bytes=" + bytes, 8) is { } ranges
                ? "[" + string.Join(", ", ranges.Select(r => $"({r.Start}, {r.Stop})")) + "]"
                : "None";

        // static/index.html beside the test module (run.sh's overlay puts CherryPy's fixture there).
        [Exposed]
        public void SliceFile(Request request) => Cherry.Static.ServeFile(request, Path.Combine(TestModule.Directory, "static", "index.html"));
    }

    public sealed class CookiePages
    {
        // response.cookie[name] = request.cookie[name].value: the cookie sent back with no attributes.
        [Exposed]
        public void Single(Request request, string name) =>
            request.Response.Cookies.Append(name, request.HttpContext.Request.Cookies[name] ?? throw new KeyNotFoundException(name), new CookieOptions { Path = null });

        [Exposed]
        public void Multiple(Request request, string[] names)
        {
            foreach (var name in names)
            {
                Single(request, name);
            }
        }
    }

    /// <summary>tools.append_headers: on_end_resource, adds header lines after those already there.</summary>
    public sealed class AppendHeadersTool(params string[] headers) : HookTool
    {
        public override string Name => "append_headers";

        public override HookPoint Point => HookPoint.OnEndResource;

        public override ValueTask RunAsync(Request request)
        {
            for (var i = 0; i + 1 < headers.Length; i += 2)
            {
                request.Response.Headers.Append(headers[i], headers[i + 1]);
            }
            return ValueTask.CompletedTask;
        }
    }

    public sealed class AppendHeadersAttribute(params string[] headers) : ToolAttribute
    {
        public override Tool CreateTool() => new AppendHeadersTool(headers);
    }

    public sealed class MultiHeaderPages
    {
        [Exposed, AppendHeaders("WWW-Authenticate", "Negotiate", "WWW-Authenticate", "Basic realm=\"foo\"")]
        public void HeaderList()
        {
        }

        [Exposed]
        public void Commas(Response response) => response.Headers.WWWAuthenticate = "Negotiate,Basic realm=\"foo\"";
    }
}
