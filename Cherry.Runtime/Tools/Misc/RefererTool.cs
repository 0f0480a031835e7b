using System.Text.RegularExpressions;

namespace Cherry;

/// <summary>
/// CherryPy's <c>referer</c> (before_request_body): matches the Referer header against <see cref="RefererOptions.Pattern"/>
/// (anchored at the start, like Python's <c>re.match</c>). With <see cref="RefererOptions.Accept"/>, a match passes;
/// without, a match is refused. A missing Referer passes only with <see cref="RefererOptions.AcceptMissing"/>.
/// </summary>
public sealed partial class RefererTool : HookTool
{
    private Regex? _regex;

    /// <summary>Binds the arguments (the pattern and error status are checked here, not at the first refused request) and compiles the pattern.</summary>
    partial void Configured(ToolArguments arguments)
    {
        _regex = Options.Pattern.Length == 0 ? null : Anchored(Options.Pattern);
    }

    public override ValueTask RunAsync(Request request)
    {
        Check(request, _regex, Options.Accept, Options.AcceptMissing, Options.Error, Options.Message);
        return ValueTask.CompletedTask;
    }

    /// <summary>The helper form: <c>RefererTool.Check(request, @"https://[^/]*example\.com")</c>.</summary>
    public static void Check(Request request, string pattern, bool accept = true, bool acceptMissing = false, int error = ToolCatalog.Referer.DefaultError, string message = ToolCatalog.Referer.DefaultMessage) =>
        Check(request, Anchored(pattern), accept, acceptMissing, error, message);

    private static Regex Anchored(string pattern) => ClientPattern.Create(@"\G(?:" + pattern + ")");

    private static void Check(Request request, Regex? pattern, bool accept, bool acceptMissing, int error, string message)
    {
        var referer = request.Headers.Referer.ToString();
        var passes = referer.Length == 0 ? acceptMissing : (pattern is not null && ClientPattern.IsMatch(pattern, referer)) == accept;
        if (!passes)
        {
            throw new HttpError(error, message);
        }
    }
}
