using System.Text.RegularExpressions;

namespace Cherry;

/// <summary>
/// CherryPy's <c>staticdir</c> (a handler tool, before_handler 50): serves files below <see cref="Dir"/> for URLs
/// below the section where it is configured. Only GET and HEAD are served; a miss, another method or a path
/// <see cref="Match"/> rejects falls through to the dynamic handlers. No file outside the directory is ever served:
/// <c>..</c> and encoded slashes are resolved before a containment check on whole path segments (CherryPy's check
/// is a string prefix, so <c>/static</c> leaked <c>/static-secret</c>), symlinks are followed to their target and
/// checked again, and a NUL byte is a 400.
/// </summary>
public sealed class StaticDirTool : HookTool
{
    public const string ToolName = "staticdir";

    private Regex? _match;
    private string? _realDir;

    public override string Name => ToolName;

    public override HookPoint Point => HookPoint.BeforeHandler;

    /// <summary>The directory; relative to <see cref="Root"/> unless absolute (<c>~</c> is the home directory).</summary>
    public string Dir { get; set; } = "";

    public string? Root { get; set; }

    /// <summary>A regular expression the path must match (searched, as Python's <c>re.search</c>).</summary>
    public string? Match
    {
        get => _match?.ToString();
        set => _match = string.IsNullOrEmpty(value) ? null : ClientPattern.Create(value);
    }

    /// <summary>Extension (without dot) to Content-Type overrides.</summary>
    public IReadOnlyDictionary<string, string>? ContentTypes { get; set; }

    /// <summary>The file served for a directory URL, e.g. <c>index.html</c>.</summary>
    public string? Index { get; set; }

    /// <summary>The URL path the directory is mounted at; by default the section or tree position being configured.</summary>
    public string? Section { get; set; }

    public override void Configure(ToolArguments arguments)
    {
        Dir = arguments.GetString("dir", Dir);
        Root = arguments.GetString("root", Root);
        Index = arguments.GetString("index", Index);
        Match = arguments.GetString("match", Match);
        if (arguments.TryGetList("content_types", out var pairs))
        {
            ContentTypes = StaticPaths.PairsToMap(pairs, arguments, "content_types");
        }
        Section ??= arguments.SectionOf("dir") ?? arguments.Path;
        if (Dir.Length == 0)
        {
            throw arguments.Malformed("dir", "staticdir needs a directory (tools.staticdir.dir).");
        }
        Dir = Path.TrimEndingDirectorySeparator(StaticPaths.Resolve(Dir, Root, arguments.ContentRoot));
    }

    /// <summary>A directory that is not there is a typo or a missing deployment step: said at start-up, not as 404s.</summary>
    public override void Resolve(IServiceProvider services, ToolArguments arguments)
    {
        if (!System.IO.Directory.Exists(Dir))
        {
            throw arguments.Malformed("dir", $"the directory '{Dir}' does not exist; create it or correct the path.");
        }
    }

    public override ValueTask RunAsync(Request request)
    {
        if (request.Method is not ("GET" or "HEAD") || (_match is not null && !ClientPattern.IsMatch(_match, request.PathInfo)))
        {
            return ValueTask.CompletedTask;
        }
        var section = Section ?? "/";
        var path = request.PathInfo;
        var remainder = section == "/" ? path : path.Length >= section.Length ? path[section.Length..] : "";
        var realDir = _realDir ??= StaticPaths.RealDirectory(Dir);
        var target = StaticPaths.Inside(Dir, realDir, remainder);
        if (target is null)
        {
            return ValueTask.CompletedTask;
        }
        if (Directory.Exists(target))
        {
            if (Index is null || !File.Exists(Path.Combine(target, Index)))
            {
                return ValueTask.CompletedTask;
            }
            if (!path.EndsWith('/'))
            {
                // Every directory URL gets its slash, so relative links in the index resolve (CherryPy did it for the root only).
                throw new HttpRedirect(request.Url(path + "/", request.QueryString), 301);
            }
            target = StaticPaths.Inside(Dir, realDir, remainder.TrimEnd('/') + "/" + Index);
            if (target is null)
            {
                return ValueTask.CompletedTask;
            }
        }
        if (File.Exists(target))
        {
            Static.ServeFile(request, target, contentTypes: ContentTypes);
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>Turns on <see cref="StaticDirTool"/>: <c>[StaticDir("/srv/www", Index = "index.html")]</c>.</summary>
public sealed class StaticDirAttribute(string dir) : ToolAttribute
{
    public string Dir { get; } = dir;

    public string? Root { get; set; }

    /// <summary>A regular expression the path must match.</summary>
    public string? PathPattern { get; set; }

    public string? Index { get; set; }

    /// <summary>Extension and type pairs: <c>new[] { "txt", "text/x-digits" }</c>.</summary>
    public string[]? ContentTypes { get; set; }

    public override Tool CreateTool() => new StaticDirTool
    {
        Dir = Dir,
        Root = Root,
        Match = PathPattern,
        Index = Index,
        ContentTypes = ContentTypes is null ? null : StaticPaths.PairsToMap(ContentTypes, null, "ContentTypes"),
    };
}
