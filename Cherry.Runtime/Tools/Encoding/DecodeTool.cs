namespace Cherry;

/// <summary>
/// CherryPy's <c>decode</c> (before_request_body 50): the charsets a form body is decoded with.
/// <see cref="Encoding"/> replaces the list; otherwise <see cref="DefaultEncoding"/> is added after the
/// request's own charset. A body none of them decodes is a 400 naming the charsets tried.
/// </summary>
public sealed class DecodeTool : HookTool
{
    public const string ToolName = "decode";

    public override string Name => ToolName;

    public override HookPoint Point => HookPoint.BeforeRequestBody;

    public string? Encoding { get; set; }

    public string DefaultEncoding { get; set; } = "utf-8";

    public override void Configure(ToolArguments arguments)
    {
        Encoding = arguments.GetString("encoding", Encoding);
        DefaultEncoding = arguments.GetString("default_encoding", DefaultEncoding);
    }

    public override ValueTask RunAsync(Request request)
    {
        if (Encoding is not null)
        {
            request.BodyCharsets = [Encoding];
        }
        else if (!request.BodyCharsets.Contains(DefaultEncoding, StringComparer.OrdinalIgnoreCase))
        {
            request.BodyCharsets = [.. request.BodyCharsets, DefaultEncoding];
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>Turns on <see cref="DecodeTool"/>.</summary>
public sealed class DecodeAttribute : ToolAttribute
{
    public string? Encoding { get; set; }

    public string DefaultEncoding { get; set; } = "utf-8";

    public override Tool CreateTool() => new DecodeTool { Encoding = Encoding, DefaultEncoding = DefaultEncoding };
}
