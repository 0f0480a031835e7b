using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Cherry;

/// <summary>
/// The request facade handed to tools and, on request, to handlers: CherryPy's <c>cherrypy.request</c>.
/// One instance per request (and per internal redirect); it owns the <see cref="Cherry.Response"/>.
/// </summary>
public sealed class Request
{
    // Slot 0 lives inline: most chains reserve one slot (the encode tool's), so most requests need no array.
    private object? _firstToolState;
    private object?[]? _toolState;
    private string[]? _virtualPath;

    // What few requests set lives apart, so that a plain request allocates less.
    private ColdState? _cold;

    private ColdState Cold => _cold ??= new ColdState();

    private sealed class ColdState
    {
        public Guid? UniqueId;
        public IReadOnlyList<string>? BodyCharsets;
        public SessionState? SessionState;
        public RequestProfile? Profile;
        public object?[]? RpcArguments;
        public JsonElement? Json;
        public string? Login;
        public bool? ShowTracebacks;
        public Func<Request, Exception, ValueTask>? ErrorResponse;
        public Exception? Error;
        public string? Base;
        public string? RemoteAddress;
        public bool Replaced;
    }

    internal Request(HttpContext httpContext, MountedApp app, string pathInfo, string queryString, Request? previous)
    {
        HttpContext = httpContext;
        App = app;
        PathInfo = pathInfo;
        DispatchPath = pathInfo;
        QueryString = queryString;
        Previous = previous;
        Method = previous is null ? httpContext.Request.Method : HttpMethods.Get;
        Response = new Response(httpContext.Response);
        ProcessRequestBody = previous is null && HttpMethodRules.HasBody(Method);
        Handler = app.NotFoundEntry;
        // Until dispatch picks the handler's, the app-wide chain; an app start-up has not completed (a unit test's) has none.
        var notFound = app.NotFound;
        Chain = notFound?.Chain ?? ToolChain.Empty;
        Settings = notFound?.Settings ?? EntrySettings.Empty;
        Parameters = new ParameterList(app.MaxParameters);
    }

    public HttpContext HttpContext { get; }

    internal MountedApp App { get; }

    /// <summary>
    /// A random (version 4) identifier of this request, made the first time it is read (CherryPy's
    /// <c>request.unique_id</c>): the same value for the whole request, a new one for the next.
    /// </summary>
    public Guid UniqueId => Cold.UniqueId ??= Guid.NewGuid();

    /// <summary>The HTTP method; GET for an internal redirect.</summary>
    public string Method { get; }

    /// <summary>The mount point of the application, without a trailing slash ("" at the root).</summary>
    public string ScriptName => App.ScriptName;

    /// <summary>The path below <see cref="ScriptName"/>, always starting with <c>/</c>.</summary>
    public string PathInfo { get; }

    /// <summary>The raw query string, without <c>?</c>.</summary>
    public string QueryString { get; }

    /// <summary>The request this one was internally redirected from.</summary>
    public Request? Previous { get; }

    public Response Response { get; }

    public IServiceProvider Services => HttpContext.RequestServices;

    public CancellationToken Aborted => HttpContext.RequestAborted;

    /// <summary>The handler that dispatch chose.</summary>
    internal HandlerEntry Handler { get; set; }

    /// <summary>The tools that run for this request: the handler's chain, or its config section's.</summary>
    public ToolChain Chain { get; internal set; }

    /// <summary>Settings (error pages, mismatch messages) for this request's handler and section.</summary>
    public EntrySettings Settings { get; internal set; }

    /// <summary>True when the handler is an index (or a default reached with a trailing slash).</summary>
    public bool IsIndex { get; internal set; }

    /// <summary>Query-string, body and popped path parameters in arrival order; tools may change them before the handler runs.</summary>
    public ParameterList Parameters { get; }

    /// <summary>Set by a tool that has served the response itself (CherryPy's HandlerTool), so the handler is skipped.</summary>
    public bool Handled { get; set; }

    /// <summary>
    /// False to leave the body unread (CherryPy's <c>request.process_request_body</c>). True at first for POST, PUT
    /// and PATCH, or for the methods <c>request.methods_with_bodies</c> lists where it is configured.
    /// </summary>
    public bool ProcessRequestBody { get; set; }

    /// <summary>
    /// The charsets a form body is decoded with, in order (CherryPy's <c>attempt_charsets</c>): the request's
    /// Content-Type charset, then UTF-8. The decode tool changes it. A multipart field tries its own charset and
    /// US-ASCII before these.
    /// </summary>
    public IReadOnlyList<string> BodyCharsets
    {
        get => Cold.BodyCharsets ??= DefaultBodyCharsets();
        set => Cold.BodyCharsets = value;
    }

    private string[] DefaultBodyCharsets()
    {
        var declared = HttpContext.Request.ContentType is { } type ? HeaderElement.Parse(type).Parameter("charset") : null;
        return declared is null || declared.Equals("utf-8", StringComparison.OrdinalIgnoreCase) ? ["utf-8"] : [declared, "utf-8"];
    }

    internal SessionState? SessionState { get => _cold?.SessionState; set => Cold.SessionState = value; }

    /// <summary>
    /// Whether an internal redirect replaced this request with another: its on_end_request hooks still run, but what
    /// happens once per HTTP exchange (the access log line) is the last request's to do.
    /// </summary>
    internal bool IsReplaced { get => _cold?.Replaced ?? false; set => Cold.Replaced = value; }

    /// <summary>Set while the profiler tool profiles this request; the chain and the runner record into it.</summary>
    internal RequestProfile? Profile { get => _cold?.Profile; set => Cold.Profile = value; }

    /// <summary>The client's session, when the sessions tool is on for this path (CherryPy's <c>cherrypy.session</c>).</summary>
    public Session? Session => SessionState?.Session;

    /// <summary>The session, or a clear error naming the missing tool.</summary>
    public Session RequiredSession => Session
        ?? throw new InvalidOperationException($"The handler for {ScriptName + PathInfo} takes a Session, but the sessions tool is not on for this path.");

    /// <summary>The arguments of an XML-RPC call, once read.</summary>
    public object?[]? RpcArguments { get => _cold?.RpcArguments; set => Cold.RpcArguments = value; }

    /// <summary>The parsed JSON body, set by <see cref="JsonInTool"/>.</summary>
    public JsonElement? Json { get => _cold?.Json; set => Cold.Json = value; }

    /// <summary>The authenticated user name, set by authentication tools.</summary>
    public string? Login { get => _cold?.Login; set => Cold.Login = value; }

    /// <summary>
    /// Whether this request's error pages show the stack trace (CherryPy's <c>request.show_tracebacks</c>): the
    /// path's <c>request.show_tracebacks</c> setting, else the application's (<see cref="CherryOptions.ShowTracebacks"/>);
    /// a tool or handler may change it for the request before the error page is rendered.
    /// </summary>
    public bool ShowTracebacks
    {
        get => _cold?.ShowTracebacks ?? Settings.ShowTracebacks ?? App.ShowTracebacks;
        set => Cold.ShowTracebacks = value;
    }

    /// <summary>Replaces the default error response (CherryPy's <c>request.error_response</c>; err_redirect and xmlrpc set it).</summary>
    public Func<Request, Exception, ValueTask>? ErrorResponse { get => _cold?.ErrorResponse; set => Cold.ErrorResponse = value; }

    /// <summary>True while an error page or redirect replaces the handler's response (CherryPy's "before_finalize (HTTPError)" stage).</summary>
    public bool IsErrorResponse { get; internal set; }

    /// <summary>The unhandled exception being answered, while the error hooks run.</summary>
    public Exception? Error { get => _cold?.Error; internal set => Cold.Error = value; }

    /// <summary>The tree node whose method handles this request; a dispatcher (XML-RPC's dotted names) may move it.</summary>
    public object Target { get; set; } = null!;

    internal int FinalStatus { get; set; }

    internal string FinalReason { get; set; } = "";

    internal int VirtualPathStart { get; set; } = -1;

    /// <summary>
    /// The path dispatch walked and config sections match: <see cref="PathInfo"/>, behind the sub-tree prefix a virtual
    /// host chose (<c>/mydom2/static</c> for <c>/static</c> on <c>www.mydom2.com</c>).
    /// </summary>
    internal string DispatchPath { get; set; } = null!;

    /// <summary>The path segments left over after dispatch, which become positional arguments (<c>%2F</c> decoded to <c>/</c>).</summary>
    public IReadOnlyList<string> VirtualPath => _virtualPath ??= PathWalker.Remaining(DispatchPath, VirtualPathStart);

    /// <summary>Per-request state of a tool, in the slot it reserved at start-up.</summary>
    public object? GetToolState(ToolStateSlot slot) => slot.Index == 0 ? _firstToolState : _toolState?[slot.Index];

    public void SetToolState(ToolStateSlot slot, object? value)
    {
        if (slot.Index == 0)
        {
            _firstToolState = value;
            return;
        }
        _toolState ??= new object?[Chain.SlotCount];
        _toolState[slot.Index] = value;
    }

    /// <summary>
    /// The request headers. Reading them through this property (or <see cref="HttpContext"/>) is what the autovary
    /// tool watches.
    /// </summary>
    public IHeaderDictionary Headers => HttpContext.Request.Headers;

    /// <summary>
    /// A request header as CherryPy's <c>request.headers[name]</c> holds it: repeated fields joined with <c>", "</c>
    /// and RFC 2047 words decoded (<c>=?utf-8?q?f=C3=BCr?=</c> is <c>für</c>); null when the client sent none.
    /// </summary>
    public string? Header(string name) =>
        Headers.TryGetValue(name, out var values) && values.Count > 0 ? Rfc2047.Decode(string.Join(", ", values.ToArray())) : null;

    /// <summary>
    /// Scheme and host the client used (<c>http://example.com:8080</c>), CherryPy's <c>request.base</c>; the proxy
    /// tool rewrites it from forwarding headers, and <see cref="Url"/> and redirects follow it.
    /// </summary>
    public string Base
    {
        get => Cold.Base ??= HttpContext.Request.Scheme + "://" + HostHeader.Authority(HttpContext);
        set => Cold.Base = value;
    }

    /// <summary>
    /// The scheme the client used (<c>http</c> or <c>https</c>), CherryPy's <c>request.scheme</c>: <see cref="Base"/>'s,
    /// so behind a TLS proxy the proxy tool's, not the connection's. What decides anything that depends on HTTPS (the
    /// session cookie's Secure).
    /// </summary>
    public string Scheme => Base[..Base.IndexOf(':')];

    /// <summary>The client's address, CherryPy's <c>request.remote.ip</c>; the proxy tool sets it from X-Forwarded-For.</summary>
    public string RemoteAddress
    {
        get => Cold.RemoteAddress ??= HttpContext.Connection.RemoteIpAddress?.ToString() ?? "";
        set => Cold.RemoteAddress = value;
    }

    /// <summary>True when the response came from the cache (gzip and the handler are skipped then).</summary>
    public bool Cached { get; set; }

    /// <summary>
    /// True once a tool has declared the response final (<see cref="Complete"/>): the remaining hooks up to
    /// finalize, and the handler, are skipped; failsafe hooks and the end-of-request hooks still run.
    /// </summary>
    public bool IsComplete { get; private set; }

    /// <summary>Declares the response final, as a cache hit does.</summary>
    public void Complete()
    {
        IsComplete = true;
        Handled = true;
    }

    /// <summary>
    /// A URL for <paramref name="path"/> (CherryPy's <c>cherrypy.url</c>): a relative path resolves against the
    /// current <see cref="PathInfo"/>, an absolute one against the mount point. <paramref name="form"/> chooses an
    /// absolute URL (the default), one from the server root (<c>/a/b</c>), or one relative to the current URL
    /// (<c>../b</c>). Outside a request, <see cref="CherryUrls"/> builds URLs from the server's address.
    /// </summary>
    public string Url(string path = "", string? queryString = null, UrlForm form = UrlForm.Absolute)
    {
        var local = path.StartsWith('/') ? path : UrlPath.Join(RelativeBase(), path);
        var url = CherryUrls.Build(Base + HttpContext.Request.PathBase.Value, local.Length == 0 ? PathInfo : local, queryString, ScriptName);
        return form switch
        {
            // Everything after scheme://authority.
            UrlForm.ServerRelative => "/" + (url.Split('/', 4) is { Length: 4 } parts ? parts[3] : ""),
            UrlForm.Relative => RelativeTo(Url(), url),
            _ => url,
        };
    }

    /// <summary>CherryPy's relative form: drop the directories both URLs share, climb out of the rest of the current one.</summary>
    private static string RelativeTo(string current, string target)
    {
        var from = current.Split('/')[..^1];
        var to = target.Split('/');
        var shared = 0;
        while (shared < from.Length && shared < to.Length && from[shared] == to[shared])
        {
            shared++;
        }
        return string.Join('/', Enumerable.Repeat("..", from.Length - shared).Concat(to[shared..]));
    }

    /// <summary>
    /// What a relative URL resolves against, as CherryPy's <c>url()</c> does: an index handler's path as a directory
    /// (<c>/a</c> → <c>/a/</c>), any other handler's as a file (<c>/a/</c> → <c>/a</c>), so <c>./</c> from the
    /// handler at <c>/redirect/</c> is <c>/</c>.
    /// </summary>
    private string RelativeBase()
    {
        var pathInfo = PathInfo;
        // With no handler (a 404, a static file) CherryPy leaves the path as it is.
        if (Handler is not { Invoke: not null })
        {
            return pathInfo;
        }
        if (IsIndex)
        {
            return pathInfo.EndsWith('/') ? pathInfo : pathInfo + "/";
        }
        return pathInfo.Length > 1 && pathInfo.EndsWith('/') ? pathInfo[..^1] : pathInfo;
    }

    /// <summary>The request URL as the client sent it, for redirects that keep it.</summary>
    internal string BaseUrl => string.Concat(Base, HttpContext.Request.PathBase.Value, ScriptName, PathInfo);
}
