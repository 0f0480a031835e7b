namespace Cherry;

/// <summary>CherryPy's <c>etags</c> tool (<c>validate_etags</c>, before_finalize 75).</summary>
public sealed class EtagsTool : HookTool
{
    public const string ToolName = ToolCatalog.Etags.Name;

    public override string Name => ToolName;

    public override HookPoint Point => HookPoint.BeforeFinalize;

    public override int Priority => 75;

    public EtagsOptions Options { get; set; } = new();

    public override void Configure(ToolArguments arguments) => Options = Options.Bind(arguments);

    public override ValueTask RunAsync(Request request)
    {
        if (!request.IsErrorResponse)
        {
            Conditional.ValidateEtags(request, Options.AutoTags);
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>Turns on <see cref="EtagsTool"/>: <c>[Etags(AutoTags = true)]</c>.</summary>
public sealed class EtagsAttribute : ToolAttribute
{
    private EtagsOptions _options = new();

    /// <inheritdoc cref="EtagsOptions.AutoTags"/>
    public bool AutoTags { get => _options.AutoTags; set => _options = _options with { AutoTags = value }; }

    public override Tool CreateTool() => new EtagsTool { Options = _options };
}
