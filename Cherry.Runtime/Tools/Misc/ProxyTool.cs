namespace Cherry;

/// <summary>
/// CherryPy's <c>proxy</c> (before_request_body 30): behind a reverse proxy, takes the scheme, host and client
/// address from forwarding headers, so <see cref="Request.Url"/>, redirects and <see cref="Request.RemoteAddress"/>
/// report what the client used.
/// </summary>
public sealed class ProxyTool : HookTool
{
    public const string ToolName = ToolCatalog.Proxy.Name;

    public override string Name => ToolName;

    public override HookPoint Point => HookPoint.BeforeRequestBody;

    public override int Priority => 30;

    public ProxyOptions Options { get; set; } = new();

    public override void Configure(ToolArguments arguments) => Options = Options.Bind(arguments);

    public override ValueTask RunAsync(Request request)
    {
        Apply(request, Options.Base, Options.Local, Options.Remote, Options.Scheme);
        return ValueTask.CompletedTask;
    }

    /// <summary>The helper form.</summary>
    public static void Apply(Request request, string? @base = null, string local = ProxyOptions.DefaultLocal, string remote = ProxyOptions.DefaultRemote, string scheme = ProxyOptions.DefaultScheme)
    {
        var headers = request.Headers;
        var requestScheme = request.HttpContext.Request.Scheme;
        if (scheme.Length > 0 && headers[scheme].ToString() is { Length: > 0 } forwardedScheme)
        {
            requestScheme = scheme.Contains("ssl", StringComparison.OrdinalIgnoreCase)
                ? (forwardedScheme.Equals("on", StringComparison.OrdinalIgnoreCase) ? "https" : requestScheme)
                : First(forwardedScheme);
        }
        var host = local.Length > 0 && headers[local].ToString() is { Length: > 0 } forwardedHost
            ? First(forwardedHost)
            : @base ?? HostHeader.Authority(request.HttpContext);
        var @new = host.Contains("://", StringComparison.Ordinal) ? host : requestScheme + "://" + host;
        // The forwarding headers are the client's words until a proxy overwrites them: a base no URL can be built on is a 400.
        if (!Uri.TryCreate(@new, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https") || parsed.PathAndQuery != "/")
        {
            throw new HttpError(400, "The forwarded host or scheme does not name a valid base URL.");
        }
        request.Base = @new;
        if (remote.Length > 0 && headers[remote].ToString() is { Length: > 0 } forwardedFor)
        {
            request.RemoteAddress = First(forwardedFor);
        }
    }

    private static string First(string list) => list.Split(',')[0].Trim();
}

/// <summary>Turns on <see cref="ProxyTool"/>: <c>[Proxy(Base = "www.example.com")]</c>.</summary>
public sealed class ProxyAttribute : ToolAttribute
{
    private ProxyOptions _options = new();

    /// <inheritdoc cref="ProxyOptions.Base"/>
    public string? Base { get => _options.Base; set => _options = _options with { Base = value }; }

    /// <inheritdoc cref="ProxyOptions.Local"/>
    public string Local { get => _options.Local; set => _options = _options with { Local = value }; }

    /// <inheritdoc cref="ProxyOptions.Remote"/>
    public string Remote { get => _options.Remote; set => _options = _options with { Remote = value }; }

    /// <inheritdoc cref="ProxyOptions.Scheme"/>
    public string Scheme { get => _options.Scheme; set => _options = _options with { Scheme = value }; }

    public override Tool CreateTool() => new ProxyTool { Options = _options };
}
