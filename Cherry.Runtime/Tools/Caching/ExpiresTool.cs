using Cherry.Http;

namespace Cherry;

/// <summary>
/// CherryPy's <c>expires</c> (before_finalize 50), as it behaves: it acts only when forced or when the response
/// already carries ETag, Last-Modified, Age or Expires. Then a positive <see cref="ExpiresOptions.Secs"/> sets Expires that far
/// ahead; zero sets Pragma and Cache-Control to no-cache and Expires in the past.
/// </summary>
public sealed partial class ExpiresTool : HookTool
{
    private static readonly DateTimeOffset Past = new(2007, 1, 28, 0, 0, 0, TimeSpan.Zero);

    public override ValueTask RunAsync(Request request)
    {
        Apply(request, TimeSpan.FromSeconds(Options.Secs), Options.Force);
        return ValueTask.CompletedTask;
    }

    /// <summary>The helper form, for a handler: <c>ExpiresTool.Apply(request, TimeSpan.FromMinutes(5))</c>.</summary>
    public static void Apply(Request request, TimeSpan secs, bool force = false)
    {
        var headers = request.Response.Headers;
        var cacheable = headers.ContainsKey("ETag") || headers.ContainsKey("Last-Modified") || headers.ContainsKey("Age") || headers.ContainsKey("Expires");
        if (!force && !cacheable)
        {
            return;
        }
        DateTimeOffset expiry;
        if (secs <= TimeSpan.Zero)
        {
            if (force || !headers.ContainsKey("Pragma"))
            {
                headers.Pragma = "no-cache";
            }
            if (request.HttpContext.Request.Protocol != "HTTP/1.0" && (force || !headers.ContainsKey("Cache-Control")))
            {
                headers.CacheControl = "no-cache, must-revalidate";
            }
            expiry = Past;
        }
        else
        {
            expiry = request.App.Time.GetUtcNow() + secs;
        }
        if (force || !headers.ContainsKey("Expires"))
        {
            headers.Expires = HttpDate.Format(expiry);
        }
    }
}
