using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cherry;

/// <summary>One root mounted at a script name: its generated tree, completed chains and request entry point.</summary>
internal sealed class MountedApp(string scriptName, object root, DispatchTree tree, bool showTracebacks, int maxParameters, ILogger logger, TimeProvider time, IRequestObserver[] observers)
{
    public string ScriptName { get; } = scriptName;

    public object Root { get; } = root;

    public DispatchTree Tree { get; } = tree;

    public bool ShowTracebacks { get; } = showTracebacks;

    public int MaxParameters { get; } = maxParameters;

    /// <summary>How multipart bodies are read (<see cref="CherryOptions.Multipart"/>).</summary>
    public MultipartOptions Multipart { get; init; } = new();

    /// <summary>
    /// How deep a validated value's walk goes (<see cref="Infrastructure.ArgumentValidation"/>): <c>AddValidation()</c>'s
    /// <c>MaxDepth</c>, read once at start-up, else Microsoft.Extensions.Validation's default.
    /// </summary>
    public int ValidationMaxDepth { get; init; } = Infrastructure.ArgumentValidation.DefaultMaxDepth;

    public ILogger Logger { get; } = logger;

    /// <summary>The clock every tool reads (DI's <see cref="TimeProvider"/>, so tests can move it).</summary>
    public TimeProvider Time { get; } = time;

    /// <summary>What is told of each request's start and end (the GC page's count of requests in flight); an array, so the request path loops without an enumerator.</summary>
    public IRequestObserver[] Observers { get; } = observers;

    /// <summary>What start-up completed for each of the tree's handler entries and <see cref="NotFoundEntry"/> (by reference).</summary>
    public IReadOnlyDictionary<HandlerEntry, CompletedHandler> Completed
    {
        get;
        set
        {
            field = value;
            NotFound = value.GetValueOrDefault(NotFoundEntry);
        }
    } = new Dictionary<HandlerEntry, CompletedHandler>();

    /// <summary><see cref="NotFoundEntry"/>'s completed chain, which every request starts with: kept apart, so no request looks it up.</summary>
    public CompletedHandler? NotFound { get; private set; }

    private readonly HashSet<string> _staticSections = new(StringComparer.Ordinal);
    private readonly List<Action<Request>> _beforeDispatch = [];

    /// <summary>The tree paths where staticdir is on, deepest first (<see cref="StaticTraversal"/> reads them).</summary>
    public IReadOnlyList<string> StaticSections { get; private set; } = [];

    /// <summary>The checks the app's tools added for every request before dispatch (<see cref="Tool.JoinApp"/>).</summary>
    public Action<Request>[] BeforeDispatch { get; private set; } = [];

    /// <summary>A tree path staticdir serves.</summary>
    internal void AddStaticSection(string section) => _staticSections.Add(section);

    /// <summary>A check every request of the app gets before dispatch; the same check is added once.</summary>
    internal void AddBeforeDispatch(Action<Request> check)
    {
        if (!_beforeDispatch.Contains(check))
        {
            _beforeDispatch.Add(check);
        }
    }

    /// <summary>Fixes what the tools added, once start-up has completed every chain.</summary>
    internal void Seal()
    {
        StaticSections = _staticSections.OrderByDescending(s => s.Length).ToArray();
        BeforeDispatch = [.. _beforeDispatch];
    }

    /// <summary>Whether chains of only the default tools take their specialised path (<see cref="PlainChain"/>); off only in tests that compare the two.</summary>
    public bool PlanChains { get; init; } = true;

    /// <summary>The host-to-sub-tree prefixes (<see cref="CherryAppOptions.VirtualHost"/>), or null when the app has none.</summary>
    public VirtualHosts? VirtualHosts { get; init; }

    /// <summary>ASP.NET Core's endpoint policies of the tree's handlers, or null when none has any.</summary>
    public EndpointPolicies? Policies { get; set; }

    /// <summary>The tree's generated OpenAPI document (paths below the mount point), or null when none was generated.</summary>
    public string? OpenApiDocument { get; init; }

    /// <summary>The Host header the last request was accepted with (<see cref="HostHeader.IsValid"/> compares with it first).</summary>
    internal string? LastValidHost;

    /// <summary>
    /// A Host header as a request sent it that was accepted: the same text again needs neither the parse that
    /// <see cref="HttpRequest.Host"/> makes nor the check (every value stored here was valid).
    /// </summary>
    internal string? LastValidRawHost;

    /// <summary>Answers a path that matches no handler; its chain holds the application-wide tools.</summary>
    public HandlerEntry NotFoundEntry { get; } = new("/", invoke: null, dispatchError: 404);

    public Task HandleAsync(HttpContext context) => RequestRunner.RunAsync(context, this);

    /// <summary>The path below the mount point; decoded (UTF-8, else ISO-8859-1) except for <c>%2F</c>.</summary>
    public string PathInfo(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (!context.Request.PathBase.HasValue && path.Contains('%')
            && RequestTarget.Raw(context) is ['/', ..] target)
        {
            var query = target.IndexOf('?');
            path = RequestPath.Decode(path, query < 0 ? target : target[..query]);
        }
        return path.Length >= ScriptName.Length ? path[ScriptName.Length..] : "";
    }

    /// <summary>Takes the entry's chain, or the chain of the deepest config section the request's path lies in.</summary>
    private void Select(Request request, HandlerEntry entry)
    {
        request.Handler = entry;
        var completed = Completed[entry];
        var path = request.DispatchPath;
        foreach (var section in completed.Sections)
        {
            if (path.StartsWith(section.Section, StringComparison.Ordinal)
                && (path.Length == section.Section.Length || path[section.Section.Length] == '/'))
            {
                request.Chain = section.Chain;
                request.Settings = section.Settings;
                return;
            }
        }
        request.Chain = completed.Chain;
        request.Settings = completed.Settings;
    }

    public void Dispatch(Request request)
    {
        if (VirtualHosts is { } hosts)
        {
            request.DispatchPath = hosts.DispatchPath(request.HttpContext, request.PathInfo);
        }
        var walker = new PathWalker(request.DispatchPath);
        var match = new HandlerMatch { Method = request.Method, Request = request, VirtualPathStart = -1 };
        if (!Tree.Resolve(Root, ref walker, ref match) || match.Entry is null)
        {
            Select(request, NotFoundEntry);
            request.Target = Root;
            return;
        }
        Select(request, match.Entry);
        request.Target = match.Target!;
        request.IsIndex = match.IsIndex;
        request.VirtualPathStart = match.VirtualPathStart;
        if (match.PathParameters is { } popped)
        {
            foreach (var p in popped)
            {
                request.Parameters.Add(p.Name, p.Value, p.Source);
            }
        }
    }
}
