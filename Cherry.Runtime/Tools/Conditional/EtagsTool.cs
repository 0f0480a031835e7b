namespace Cherry;

/// <summary>CherryPy's <c>etags</c> tool (<c>validate_etags</c>, before_finalize 75).</summary>
public sealed class EtagsTool : HookTool
{
    public const string ToolName = "etags";

    public override string Name => ToolName;

    public override HookPoint Point => HookPoint.BeforeFinalize;

    public override int Priority => 75;

    /// <summary>Give 200 responses without an ETag one from an MD5 of the body.</summary>
    public bool AutoTags { get; set; }

    public override void Configure(ToolArguments arguments)
    {
        AutoTags = arguments.GetBoolean("autotags", AutoTags);
    }

    public override ValueTask RunAsync(Request request)
    {
        if (!request.IsErrorResponse)
        {
            Conditional.ValidateEtags(request, AutoTags);
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>Turns on <see cref="EtagsTool"/>: <c>[Etags(AutoTags = true)]</c>.</summary>
public sealed class EtagsAttribute : ToolAttribute
{
    public bool AutoTags { get; set; }

    public override Tool CreateTool() => new EtagsTool { AutoTags = AutoTags };
}
