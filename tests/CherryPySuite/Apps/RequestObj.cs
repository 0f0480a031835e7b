using Cherry;
using Cherry.Http;
using Conformance;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Keywords = System.Collections.Generic.IReadOnlyList<System.Collections.Generic.KeyValuePair<string, string>>;

namespace CherryPySuite.Apps;

/// <summary>
/// test_request_obj: the request object (scheme, unique id, path_info, headers and their elements, methods and
/// bodies), argument mismatches, error pages and custom error pages. The Python's metaclass that exposes every
/// function of a <c>Test</c> subclass and mounts it at its lower-cased name is spelled out: a property per class and
/// <c>[Exposed]</c> on each method.
/// </summary>
public static class RequestObj
{
    public static void Map(WebApplication app)
    {
        app.MapCherry<Root>("/", options => options
            // os.path.join(localDir, 'static/index.html'): the fixture run.sh's overlay puts beside the test module.
            .Set("/error/custom", "error_page.404", Path.Combine(TestModule.Directory, "static", "index.html"))
            .ErrorPage("/error/custom", 401, CallableErrorPage)
            .ErrorPage("/error/custom_default", null, CallableErrorPage)
            .Set("/error/page_streamed", "response.stream", "True")
            .Set("/error/cause_err_in_finalize", "request.show_tracebacks", "False")
            .Set("/method", "request.methods_with_bodies", "POST, PUT, PROPFIND, PATCH")
            // On Params.default in the Python; the other pages of /params take ASCII only.
            .Set("/params", "request.query_string_encoding", "latin1"));
    }

    /// <summary>
    /// An absolute-form target's authority replaces the Host header (RFC 9112 section 3.2.2), as cheroot takes it;
    /// Kestrel otherwise refuses a request whose two disagree (testAbsoluteURIPathInfo).
    /// </summary>
    public static void Kestrel(KestrelServerOptions kestrel) => kestrel.AllowHostHeaderOverride = true;

    private static string CallableErrorPage(ErrorPageContext page) => $"Error {page.Status} - Well, I'm very sorry but you haven't paid!";

    private static readonly string[] DefinedHttpMethods = ["OPTIONS", "GET", "HEAD", "POST", "PUT", "DELETE", "TRACE", "PROPFIND", "PATCH"];

    public sealed class Root
    {
        public PathInfoPages Pathinfo { get; } = new();

        public ParamsPages Params { get; } = new();

        public ParamErrors Paramerrors { get; } = new();

        public ErrorPages Error { get; } = new();

        public ExpectPages Expect { get; } = new();

        public HeaderPages Headers { get; } = new();

        public HeaderElementPages Headerelements { get; } = new();

        public MethodPages Method { get; } = new();

        public Divorce Divorce { get; } = new();

        public ThreadLocal Threadlocal { get; } = new();

        [Exposed]
        public string Index() => "hello";

        [Exposed]
        public string Scheme(Request request) => request.HttpContext.Request.Scheme;

        // CONNECT created.example.com:3128: the authority-form target is the path /created.example.com:3128, whose
        // punctuation matches _.
        [Exposed]
        public void CreatedExampleCom3128(Response response) => response.StatusCode = 204;

        [Exposed]
        public string BodyExampleCom3128(Request request) => request.Method + "ed to " + request.PathInfo;

        [Exposed]
        public IEnumerable<string> RequestUuid4(Request request) => [request.UniqueId.ToString(), " ", request.UniqueId.ToString()];
    }

    public sealed class PathInfoPages
    {
        [Exposed]
        public string Default(Request request, params string[] args) => request.PathInfo;
    }

    public sealed class ParamsPages
    {
        [Exposed]
        public string Index(Microsoft.Extensions.Primitives.StringValues thing) => PyRepr.Value(thing.ToArray()!);

        [Exposed]
        public string Ismap(string x, string y) => $"Coordinates: {x}, {y}";

        [Exposed]
        public string Default(Keywords kwargs, params string[] args) => $"args: {PyRepr.Tuple(args)} kwargs: {PyRepr.SortedItems(kwargs)}";
    }

    public sealed class ParamErrors
    {
        [Exposed]
        public string OnePositional(string param1) => "data";

        [Exposed]
        public string OnePositionalArgs(string param1, params string[] args) => "data";

        [Exposed]
        public string OnePositionalArgsKwargs(string param1, Keywords kwargs, params string[] args) => "data";

        [Exposed]
        public string OnePositionalKwargs(string param1, Keywords kwargs) => "data";

        [Exposed]
        public string NoPositional() => "data";

        [Exposed]
        public string NoPositionalArgs(params string[] args) => "data";

        [Exposed]
        public string NoPositionalArgsKwargs(Keywords kwargs, params string[] args) => "data";

        [Exposed]
        public string NoPositionalKwargs(Keywords kwargs) => "data";

        // ParamErrorsCallable, an exposed object with __call__(self): a handler of no arguments at the same URL.
        [Exposed]
        public string CallableObject() => "data";

        [Exposed]
        public string RaiseTypeError(Keywords kwargs) => throw new ArgumentException("Client Error");

        // '%d' % 'a': a type error inside a handler whose arguments matched.
        [Exposed]
        public string RaiseTypeErrorWithDefaultParam(string x, string? y = null) => throw new FormatException("%d format: a number is required, not str");

        [Exposed]
        public string RaiseTypeErrorDecorated(Keywords kwargs, params string[] args) => throw new ArgumentException("Client Error");
    }

    // tools.log_tracebacks.on is on by default in Cherry, as in CherryPy.
    public sealed class ErrorPages
    {
        [Exposed]
        public string ReasonPhrase() => throw new HttpError(410, "Gone fishin'", null);

        [Exposed]
        public string Custom(int err = 404) => throw new HttpError(err, "No, <b>really</b>, not found!");

        [Exposed]
        public string CustomDefault() => throw new InvalidCastException("unsupported operand type(s) for +: 'int' and 'str'");

        [Exposed]
        public string Noexist() => throw new HttpError(404, "No, <b>really</b>, not found!");

        [Exposed]
        public string PageMethod() => throw new InvalidOperationException();

        [Exposed]
        public IEnumerable<string> PageYield()
        {
            yield return "howdy";
            throw new InvalidOperationException();
        }

        [Exposed]
        public IEnumerable<string> PageStreamed()
        {
            yield return "word up";
            throw new InvalidOperationException();
        }

        [Exposed]
        public void CauseErrInFinalize(Response response) => response.Status = "ZOO OK";

        [Exposed]
        public string Rethrow() => throw new InvalidOperationException();
    }

    public sealed class ExpectPages
    {
        [Exposed]
        public string ExpectationFailed(Request request)
        {
            var expect = HeaderElements.Parse("Expect", request.Header("Expect"));
            if (expect.Count > 0 && expect[0].Value != "100-continue")
            {
                throw new HttpError(400);
            }
            throw new HttpError(417, "Expectation Failed");
        }
    }

    public sealed class HeaderPages
    {
        /// <summary>The value of the named request header; CherryPy's KeyError (a 500) when it is absent.</summary>
        [Exposed]
        public string Default(Request request, string headername) => request.Header(headername) ?? throw new KeyNotFoundException(headername);

        [Exposed]
        public string Doubledheaders(Request request)
        {
            var headers = request.Response.Headers;
            headers["content-type"] = "text/html";
            headers["content-length"] = "18";
            headers["server"] = "CherryPy headertest";
            var local = request.HttpContext.Connection;
            headers["location"] = $"{local.LocalIpAddress}://{local.LocalPort}:{request.HttpContext.Request.Scheme}/headers/";
            headers["Expires"] = "Thu, 01 Dec 2194 16:00:00 GMT";
            return "double header test";
        }

        [Exposed]
        public string Ifmatch(Request request)
        {
            var value = request.Header("If-Match")!;
            request.Response.Headers.ETag = value;
            return value;
        }
    }

    public sealed class HeaderElementPages
    {
        [Exposed]
        public string GetElements(Request request, string headername) =>
            string.Join("\n", HeaderElements.Parse(headername, request.Header(headername)));
    }

    public sealed class MethodPages
    {
        [Exposed]
        public string Index(Request request)
        {
            var method = request.Method;
            if (DefinedHttpMethods.Contains(method) || method == "CONNECT")
            {
                return method;
            }
            throw new HttpError(method == "LINK" ? 405 : 501);
        }

        [Exposed]
        public string Parameterized(string data) => data;

        // CherryPy hands back request.body, the unread body, which it pipes out.
        [Exposed]
        public async Task<byte[]> RequestBody(Request request)
        {
            using var body = new MemoryStream();
            await request.HttpContext.Request.Body.CopyToAsync(body, request.Aborted);
            return body.ToArray();
        }

        [Exposed]
        public string Reachable() => "success";
    }

    public sealed class Divorce
    {
        private readonly Dictionary<string, string> _documents = [];

        [Exposed]
        public IEnumerable<string> Index()
        {
            yield return "<h1>Choose your document</h1>\n";
            yield return "<ul>\n";
            foreach (var (id, contents) in _documents)
            {
                yield return $"    <li><a href='/divorce/get?ID={id}'>{id}</a>: {contents}</li>\n";
            }
            yield return "</ul>";
        }

        [Exposed]
        public string Get(string ID) => $"Divorce document {ID}: {_documents.GetValueOrDefault(ID, "empty")}";
    }

    /// <summary>Nothing set on one request is seen by the next: per-request items, not thread-locals.</summary>
    public sealed class ThreadLocal
    {
        [Exposed]
        public string Index(Request request)
        {
            var existing = request.HttpContext.Items.TryGetValue("asdf", out var value) ? PyRepr.Str((string?)value) : "None";
            request.HttpContext.Items["asdf"] = "rassfrassin";
            return existing;
        }
    }
}
