namespace Cherry;

/// <summary>
/// CherryPy's <c>decode</c> (before_request_body 50): the charsets a form body is decoded with.
/// <see cref="DecodeOptions.Encoding"/> replaces the list; otherwise <see cref="DecodeOptions.DefaultEncoding"/> is added after the
/// request's own charset. A body none of them decodes is a 400 naming the charsets tried.
/// </summary>
public sealed partial class DecodeTool : HookTool
{
    public override ValueTask RunAsync(Request request)
    {
        if (Options.Encoding is { } encoding)
        {
            request.BodyCharsets = [encoding];
        }
        else if (!request.BodyCharsets.Contains(Options.DefaultEncoding, StringComparer.OrdinalIgnoreCase))
        {
            request.BodyCharsets = [.. request.BodyCharsets, Options.DefaultEncoding];
        }
        return ValueTask.CompletedTask;
    }
}
