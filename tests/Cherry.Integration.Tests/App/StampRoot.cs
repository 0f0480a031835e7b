namespace Cherry.Integration.Tests.App;

/// <summary>A user's tool is one class; one registration makes it configurable by name.</summary>
public sealed class StampTool : HookTool
{
    public override string Name => "stamp";

    public override HookPoint Point => HookPoint.BeforeFinalize;

    public string Text { get; init; } = "stamped";

    private string _configured = "";

    public override void Configure(ToolArguments arguments) => _configured = arguments.GetString("text", Text);

    public override ValueTask RunAsync(Request request)
    {
        request.Response.Headers["X-Stamp"] = _configured;
        return ValueTask.CompletedTask;
    }
}

/// <summary>Its attribute turns it on for a handler; configuration's <c>tools.stamp.text</c> still overrides it.</summary>
public sealed class StampAttribute(string text) : ToolAttribute
{
    public string Text { get; } = text;

    public override Tool CreateTool() => new StampTool { Text = Text };
}

public sealed class StampRoot
{
    [Exposed, Stamp("by attribute")]
    public string Index() => "stamped page";

    [Exposed]
    public string Plain() => "plain page";
}
