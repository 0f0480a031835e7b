using System.Text.RegularExpressions;

namespace Cherry;

/// <summary>
/// CherryPy's <c>staticdir</c> (a handler tool, before_handler 50): serves files below <see cref="StaticDirOptions.Dir"/> for URLs
/// below the section where it is configured. Only GET and HEAD are served; a miss, another method or a path
/// <see cref="StaticDirOptions.PathPattern"/> rejects falls through to the dynamic handlers. No file outside the directory is ever served:
/// <c>..</c> and encoded slashes are resolved before a containment check on whole path segments (CherryPy's check
/// is a string prefix, so <c>/static</c> leaked <c>/static-secret</c>), symlinks are followed to their target and
/// checked again, and a NUL byte is a 400. A request-target whose dot segments climb out of the section is a 403, as in
/// CherryPy, although Kestrel has removed them from the path (<see cref="StaticTraversal"/>).
/// </summary>
public sealed partial class StaticDirTool : HookTool
{
    private Regex? _match;
    private IReadOnlyDictionary<string, string>? _contentTypes;
    private string _dir = "";
    private string? _realDir;

    /// <summary>The URL path the directory is mounted at; by default the section or tree position being configured.</summary>
    public string? Section { get; set; }

    partial void Configured(ToolArguments arguments)
    {
        _match = string.IsNullOrEmpty(Options.PathPattern) ? null : ClientPattern.Create(Options.PathPattern);
        _contentTypes = Options.ContentTypes is { } pairs ? StaticPaths.PairsToMap(pairs) : null;
        Section ??= arguments.SectionOf(ToolCatalog.StaticDir.Dir.Key) ?? arguments.Path;
        _dir = Path.TrimEndingDirectorySeparator(StaticPaths.Resolve(Options.Dir, Options.Root, arguments.ContentRoot));
    }

    /// <summary>The app learns the section, and every request of it is checked for dot segments that climb out (<see cref="StaticTraversal"/>).</summary>
    internal override void JoinApp(MountedApp app)
    {
        app.AddStaticSection(Section ?? "/");
        app.AddBeforeDispatch(StaticTraversal.ThrowIfLeavingSection);
    }

    /// <summary>A directory that is not there is a typo or a missing deployment step: said at start-up, not as 404s.</summary>
    public override void Resolve(IServiceProvider services, ToolArguments arguments)
    {
        if (!System.IO.Directory.Exists(_dir))
        {
            throw arguments.Malformed(ToolCatalog.StaticDir.Dir.Key, $"the directory '{_dir}' does not exist; create it or correct the path.");
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
        // The section is a tree path; under a virtual host the tree path is the dispatch path, not the browser's.
        var treePath = request.DispatchPath;
        var remainder = section == "/" ? treePath : treePath.Length >= section.Length ? treePath[section.Length..] : "";
        var realDir = _realDir ??= StaticPaths.RealDirectory(_dir);
        var target = StaticPaths.Inside(_dir, realDir, remainder, out var found);
        if (target is null)
        {
            return ValueTask.CompletedTask;
        }
        if (found is DirectoryInfo)
        {
            if (Options.Index is not { } index || !File.Exists(Path.Combine(target, index)))
            {
                return ValueTask.CompletedTask;
            }
            if (!path.EndsWith('/'))
            {
                // Every directory URL gets its slash, so relative links in the index resolve (CherryPy did it for the root only).
                throw new HttpRedirect(request.Url(path + "/", request.QueryString), 301);
            }
            target = StaticPaths.Inside(_dir, realDir, remainder.TrimEnd('/') + "/" + index, out found);
            if (target is null)
            {
                return ValueTask.CompletedTask;
            }
        }
        if (found is FileInfo file)
        {
            Static.ServeFile(request, target, file, contentType: null, disposition: null, name: null, _contentTypes);
        }
        return ValueTask.CompletedTask;
    }
}
