using Microsoft.AspNetCore.Http;

namespace Cherry;

/// <summary>
/// CherryPy's <c>trailing_slash</c> (on by default, before_handler 60): an index reached without its slash
/// redirects to the slashed URL, and with <see cref="TrailingSlashOptions.Extra"/> a non-index reached with a slash redirects
/// to the URL without it. The query string is kept. GET and HEAD get 301; other methods get 308 so that
/// the client repeats the method and body (CherryPy answers 301 to every method, which clients turn into GET).
/// </summary>
public sealed partial class TrailingSlashTool : HookTool
{
    public override ValueTask RunAsync(Request request)
    {
        Check(request);
        return ValueTask.CompletedTask;
    }

    /// <exception cref="HttpRedirect">The URL the request should have used.</exception>
    internal void Check(Request request)
    {
        var pathInfo = request.PathInfo;
        if (request.IsIndex)
        {
            if (Options.Missing && !pathInfo.EndsWith('/'))
            {
                throw new HttpRedirect(request.Url(pathInfo + "/", request.QueryString), StatusFor(request));
            }
        }
        else if (Options.Extra && pathInfo.Length > 1 && pathInfo.EndsWith('/'))
        {
            throw new HttpRedirect(request.Url(pathInfo[..^1], request.QueryString), StatusFor(request));
        }
    }

    private int StatusFor(Request request) =>
        Options.Status is > 0 and var status ? status : (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) ? 301 : 308);
}
