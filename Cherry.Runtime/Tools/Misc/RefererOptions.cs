namespace Cherry;

/// <summary>
/// referer's arguments and their defaults (CherryPy's). <see cref="RefererAttribute"/> sets them, configuration's
/// <c>tools.referer.*</c> overrides them; their keys and rules are declared once in Shared/ToolCatalog.cs.
/// </summary>
public sealed record RefererOptions
{
    internal const int DefaultError = 403;
    internal const string DefaultMessage = "Forbidden Referer header.";

    /// <summary>
    /// The regular expression the Referer header is matched against, anchored at the start like Python's
    /// <c>re.match</c> (<c>pattern</c>). Empty matches no Referer.
    /// </summary>
    public string Pattern { get; init; } = "";

    /// <summary>A match passes; when false, a match is refused (<c>accept</c>).</summary>
    public bool Accept { get; init; } = true;

    /// <summary>A request without a Referer passes (<c>accept_missing</c>).</summary>
    public bool AcceptMissing { get; init; }

    /// <summary>The status a refused request gets, 400 to 599 (<c>error</c>).</summary>
    public int Error { get; init; } = DefaultError;

    /// <summary>The message a refused request gets (<c>message</c>).</summary>
    public string Message { get; init; } = DefaultMessage;

    internal RefererOptions Bind(ToolArguments arguments) => new()
    {
        Pattern = arguments.Bind(ToolCatalog.Referer.Pattern, Pattern),
        Accept = arguments.Bind(ToolCatalog.Referer.Accept, Accept),
        AcceptMissing = arguments.Bind(ToolCatalog.Referer.AcceptMissing, AcceptMissing),
        Error = arguments.Bind(ToolCatalog.Referer.Error, Error),
        Message = arguments.Bind(ToolCatalog.Referer.Message, Message),
    };
}
