namespace Cherry;

/// <summary>
/// CherryPy's <c>proxy</c> (before_request_body 30): behind a reverse proxy, takes the scheme, host and client
/// address from forwarding headers, so <see cref="Request.Url"/>, redirects and <see cref="Request.RemoteAddress"/>
/// report what the client used.
/// </summary>
public sealed class ProxyTool : HookTool
{
    public const string ToolName = "proxy";

    public override string Name => ToolName;

    public override HookPoint Point => HookPoint.BeforeRequestBody;

    public override int Priority => 30;

    /// <summary>The host (optionally with scheme) to assume when no forwarding header names one.</summary>
    public string? Base { get; set; }

    public string Local { get; set; } = "X-Forwarded-Host";

    public string Remote { get; set; } = "X-Forwarded-For";

    public string Scheme { get; set; } = "X-Forwarded-Proto";

    public override void Configure(ToolArguments arguments)
    {
        Base = arguments.GetString("base", Base);
        Local = arguments.GetString("local", Local);
        Remote = arguments.GetString("remote", Remote);
        Scheme = arguments.GetString("scheme", Scheme);
    }

    public override ValueTask RunAsync(Request request)
    {
        Apply(request, Base, Local, Remote, Scheme);
        return ValueTask.CompletedTask;
    }

    /// <summary>The helper form.</summary>
    public static void Apply(Request request, string? @base = null, string local = "X-Forwarded-Host", string remote = "X-Forwarded-For", string scheme = "X-Forwarded-Proto")
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
    public string? Base { get; set; }

    public string Local { get; set; } = "X-Forwarded-Host";

    public string Remote { get; set; } = "X-Forwarded-For";

    public string Scheme { get; set; } = "X-Forwarded-Proto";

    public override Tool CreateTool() => new ProxyTool { Base = Base, Local = Local, Remote = Remote, Scheme = Scheme };
}
