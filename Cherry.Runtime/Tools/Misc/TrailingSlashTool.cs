using Microsoft.AspNetCore.Http;

namespace Cherry;

/// <summary>
/// CherryPy's <c>trailing_slash</c> (on by default, before_handler 60): an index reached without its slash
/// redirects to the slashed URL, and with <see cref="Extra"/> a non-index reached with a slash redirects
/// to the URL without it. The query string is kept. GET and HEAD get 301; other methods get 308 so that
/// the client repeats the method and body (CherryPy answers 301 to every method, which clients turn into GET).
/// </summary>
public sealed class TrailingSlashTool : HookTool
{
    public const string ToolName = "trailing_slash";

    public override string Name => ToolName;

    public override HookPoint Point => HookPoint.BeforeHandler;

    public override int Priority => 60;

    /// <summary>Redirect an index reached without its trailing slash.</summary>
    public bool Missing { get; set; } = true;

    /// <summary>Redirect a non-index reached with a trailing slash.</summary>
    public bool Extra { get; set; }

    /// <summary>The redirect status; null picks 301 for GET/HEAD and 308 otherwise.</summary>
    public int? Status { get; set; }

    public override void Configure(ToolArguments arguments)
    {
        Missing = arguments.GetBoolean("missing", Missing);
        Extra = arguments.GetBoolean("extra", Extra);
        if (arguments.TryGetInt32("status", out var status))
        {
            Status = status is >= 300 and <= 399 ? status : throw arguments.Malformed("status", "a redirect status is 300 to 399.");
        }
    }

    public override ValueTask RunAsync(Request request)
    {
        var pathInfo = request.PathInfo;
        if (request.IsIndex)
        {
            if (Missing && !pathInfo.EndsWith('/'))
            {
                throw new HttpRedirect(request.Url(pathInfo + "/", request.QueryString), StatusFor(request));
            }
        }
        else if (Extra && pathInfo.Length > 1 && pathInfo.EndsWith('/'))
        {
            throw new HttpRedirect(request.Url(pathInfo[..^1], request.QueryString), StatusFor(request));
        }
        return ValueTask.CompletedTask;
    }

    private int StatusFor(Request request) =>
        Status ?? (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) ? 301 : 308);
}
