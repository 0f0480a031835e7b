using System.Text.RegularExpressions;

namespace Cherry;

/// <summary>
/// CherryPy's <c>referer</c> (before_request_body): matches the Referer header against <see cref="RefererOptions.Pattern"/>
/// (anchored at the start, like Python's <c>re.match</c>). With <see cref="RefererOptions.Accept"/>, a match passes;
/// without, a match is refused. A missing Referer passes only with <see cref="RefererOptions.AcceptMissing"/>.
/// </summary>
public sealed class RefererTool : HookTool
{
    public const string ToolName = ToolCatalog.Referer.Name;

    private Regex? _regex;

    public override string Name => ToolName;

    public override HookPoint Point => HookPoint.BeforeRequestBody;

    public RefererOptions Options { get; set; } = new();

    /// <summary>Binds the arguments (the pattern and error status are checked here, not at the first refused request) and compiles the pattern.</summary>
    public override void Configure(ToolArguments arguments)
    {
        Options = Options.Bind(arguments);
        _regex = Options.Pattern.Length == 0 ? null : Anchored(Options.Pattern);
    }

    public override ValueTask RunAsync(Request request)
    {
        Check(request, _regex, Options.Accept, Options.AcceptMissing, Options.Error, Options.Message);
        return ValueTask.CompletedTask;
    }

    /// <summary>The helper form: <c>RefererTool.Check(request, @"https://[^/]*example\.com")</c>.</summary>
    public static void Check(Request request, string pattern, bool accept = true, bool acceptMissing = false, int error = RefererOptions.DefaultError, string message = RefererOptions.DefaultMessage) =>
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

/// <summary>Turns on <see cref="RefererTool"/>: <c>[Referer(@"http://[^/]*example\.com")]</c>.</summary>
public sealed class RefererAttribute(string pattern) : ToolAttribute
{
    private RefererOptions _options = new() { Pattern = pattern };

    /// <inheritdoc cref="RefererOptions.Pattern"/>
    public string Pattern => _options.Pattern;

    /// <inheritdoc cref="RefererOptions.Accept"/>
    public bool Accept { get => _options.Accept; set => _options = _options with { Accept = value }; }

    /// <inheritdoc cref="RefererOptions.AcceptMissing"/>
    public bool AcceptMissing { get => _options.AcceptMissing; set => _options = _options with { AcceptMissing = value }; }

    /// <inheritdoc cref="RefererOptions.Error"/>
    public int Error { get => _options.Error; set => _options = _options with { Error = value }; }

    /// <inheritdoc cref="RefererOptions.Message"/>
    public string Message { get => _options.Message; set => _options = _options with { Message = value }; }

    public override Tool CreateTool() => new RefererTool { Options = _options };
}
