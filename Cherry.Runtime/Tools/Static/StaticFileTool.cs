using System.Text.RegularExpressions;

namespace Cherry;

/// <summary>CherryPy's <c>staticfile</c> (a handler tool, before_handler 50): serves one file for GET and HEAD.</summary>
public sealed partial class StaticFileTool : HookTool
{
    private Regex? _match;
    private IReadOnlyDictionary<string, string>? _contentTypes;
    private string _filename = "";

    partial void Configured(ToolArguments arguments)
    {
        _match = string.IsNullOrEmpty(Options.PathPattern) ? null : ClientPattern.Create(Options.PathPattern);
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
