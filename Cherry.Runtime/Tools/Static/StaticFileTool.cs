using System.Text.RegularExpressions;

namespace Cherry;

/// <summary>CherryPy's <c>staticfile</c> (a handler tool, before_handler 50): serves one file for GET and HEAD.</summary>
public sealed class StaticFileTool : HookTool
{
    public const string ToolName = "staticfile";

    private Regex? _match;

    public override string Name => ToolName;

    public override HookPoint Point => HookPoint.BeforeHandler;

    public string Filename { get; set; } = "";

    public string? Root { get; set; }

    public string? Match
    {
        get => _match?.ToString();
        set => _match = string.IsNullOrEmpty(value) ? null : ClientPattern.Create(value);
    }

    public IReadOnlyDictionary<string, string>? ContentTypes { get; set; }

    public override void Configure(ToolArguments arguments)
    {
        Filename = arguments.GetString("filename", Filename);
        Root = arguments.GetString("root", Root);
        Match = arguments.GetString("match", Match);
        if (arguments.TryGetList("content_types", out var pairs))
        {
            ContentTypes = StaticPaths.PairsToMap(pairs, arguments, "content_types");
        }
        if (Filename.Length == 0)
        {
            throw arguments.Malformed("filename", "staticfile needs a file (tools.staticfile.filename).");
        }
        Filename = StaticPaths.Resolve(Filename, Root, arguments.ContentRoot);
    }

    public override ValueTask RunAsync(Request request)
    {
        if (request.Method is ("GET" or "HEAD") && (_match is null || ClientPattern.IsMatch(_match, request.PathInfo)) && File.Exists(Filename))
        {
            Static.ServeFile(request, Filename, contentTypes: ContentTypes);
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>Turns on <see cref="StaticFileTool"/>: <c>[StaticFile("/srv/www/style.css")]</c>.</summary>
public sealed class StaticFileAttribute(string filename) : ToolAttribute
{
    public string Filename { get; } = filename;

    public string? Root { get; set; }

    /// <summary>A regular expression the path must match.</summary>
    public string? PathPattern { get; set; }

    public override Tool CreateTool() => new StaticFileTool { Filename = Filename, Root = Root, Match = PathPattern };
}
