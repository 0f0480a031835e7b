using System.Text.RegularExpressions;

namespace Cherry;

/// <summary>
/// CherryPy's <c>referer</c> (before_request_body): matches the Referer header against <see cref="Pattern"/>
/// (anchored at the start, like Python's <c>re.match</c>). With <see cref="Accept"/>, a match passes; without,
/// a match is refused. A missing Referer passes only with <see cref="AcceptMissing"/>.
/// </summary>
public sealed class RefererTool : HookTool
{
    public const string ToolName = "referer";

    private Regex? _regex;

    public override string Name => ToolName;

    public override HookPoint Point => HookPoint.BeforeRequestBody;

    public string Pattern
    {
        get => _regex?.ToString()[2..^1] ?? "";
        set => _regex = ClientPattern.Create(@"\G(?:" + value + ")");
    }

    public bool Accept { get; set; } = true;

    public bool AcceptMissing { get; set; }

    public int Error { get; set; } = 403;

    public string Message { get; set; } = "Forbidden Referer header.";

    public override void Configure(ToolArguments arguments)
    {
        if (arguments.TryGetString("pattern", out var pattern))
        {
            Pattern = Cherry.Shared.ToolRules.RefererPattern(pattern) is { } problem ? throw arguments.Malformed("pattern", problem) : pattern;
        }
        Accept = arguments.GetBoolean("accept", Accept);
        AcceptMissing = arguments.GetBoolean("accept_missing", AcceptMissing);
        Error = arguments.GetInt32("error", Error);
        Message = arguments.GetString("message", Message);
        if (Error is < 400 or > 599)
        {
            // Checked here, not when the first refused request raises it.
            throw arguments.Malformed("error", $"the error status must be from 400 to 599 (it is {Error}).");
        }
    }

    public override ValueTask RunAsync(Request request)
    {
        Check(request, _regex, Accept, AcceptMissing, Error, Message);
        return ValueTask.CompletedTask;
    }

    /// <summary>The helper form: <c>RefererTool.Check(request, @"https://[^/]*example\.com")</c>.</summary>
    public static void Check(Request request, string pattern, bool accept = true, bool acceptMissing = false, int error = 403, string message = "Forbidden Referer header.") =>
        Check(request, ClientPattern.Create(@"\G(?:" + pattern + ")"), accept, acceptMissing, error, message);

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

/// <summary>Turns on <see cref="RefererTool"/>: <c>[Referer(@"http://[^/]*example\.com")]</c>.</summary>
public sealed class RefererAttribute(string pattern) : ToolAttribute
{
    public string Pattern { get; } = pattern;

    public bool Accept { get; set; } = true;

    public bool AcceptMissing { get; set; }

    public int Error { get; set; } = 403;

    public string Message { get; set; } = "Forbidden Referer header.";

    public override Tool CreateTool() => new RefererTool { Pattern = Pattern, Accept = Accept, AcceptMissing = AcceptMissing, Error = Error, Message = Message };
}
