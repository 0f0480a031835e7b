using System.Text.RegularExpressions;

namespace Cherry;

/// <summary>CherryPy's <c>staticfile</c> (a handler tool, before_handler 50): serves one file for GET and HEAD.</summary>
public sealed class StaticFileTool : HookTool
{
    public const string ToolName = ToolCatalog.StaticFile.Name;

    private Regex? _match;
    private IReadOnlyDictionary<string, string>? _contentTypes;
    private string _filename = "";

    public override string Name => ToolName;

    public override HookPoint Point => HookPoint.BeforeHandler;

    public StaticFileToolOptions Options { get; set; } = new();

    public override void Configure(ToolArguments arguments)
    {
        Options = Options.Bind(arguments);
        _match = string.IsNullOrEmpty(Options.Match) ? null : ClientPattern.Create(Options.Match);
        _contentTypes = Options.ContentTypes is { } pairs ? StaticPaths.PairsToMap(pairs) : null;
        _filename = StaticPaths.Resolve(Options.Filename, Options.Root, arguments.ContentRoot);
    }

    public override ValueTask RunAsync(Request request)
    {
        if (request.Method is ("GET" or "HEAD") && (_match is null || ClientPattern.IsMatch(_match, request.PathInfo)) && File.Exists(_filename))
        {
            Static.ServeFile(request, _filename, contentTypes: _contentTypes);
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>Turns on <see cref="StaticFileTool"/>: <c>[StaticFile("/srv/www/style.css")]</c>.</summary>
public sealed class StaticFileAttribute(string filename) : ToolAttribute
{
    private StaticFileToolOptions _options = new() { Filename = filename };

    /// <inheritdoc cref="StaticFileToolOptions.Filename"/>
    public string Filename => _options.Filename;

    /// <inheritdoc cref="StaticFileToolOptions.Root"/>
    public string? Root { get => _options.Root; set => _options = _options with { Root = value }; }

    /// <inheritdoc cref="StaticFileToolOptions.Match"/>
    public string? PathPattern { get => _options.Match; set => _options = _options with { Match = value }; }

    public override Tool CreateTool() => new StaticFileTool { Options = _options };
}
