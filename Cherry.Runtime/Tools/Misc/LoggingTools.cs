using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Cherry;

/// <summary>CherryPy's <c>log_headers</c> (before_error_response): logs the request headers of a failed request.</summary>
public sealed partial class LogHeadersTool : HookTool
{
    public override ValueTask RunAsync(Request request)
    {
        var headers = string.Join("\n", request.Headers.Select(h => "    " + h.Key + ": " + h.Value));
        request.App.Logger.LogError("Request headers of {Method} {Path}:\n{Headers}", request.Method, request.ScriptName + request.PathInfo, headers);
        return ValueTask.CompletedTask;
    }
}

/// <summary>CherryPy's <c>log_tracebacks</c> (on by default, before_error_response): logs the exception behind a 500.</summary>
public sealed partial class LogTracebacksTool : HookTool
{
    public override ValueTask RunAsync(Request request)
    {
        request.App.Logger.LogError(request.Error, "Unhandled exception while serving {Method} {Path}", request.Method, request.ScriptName + request.PathInfo);
        return ValueTask.CompletedTask;
    }
}

/// <summary>CherryPy's <c>log_hooks</c> (on_end_request): logs the hooks the request's chain ran, point by point.</summary>
public sealed partial class LogHooksTool : HookTool
{
    public override ValueTask RunAsync(Request request)
    {
        var lines = Enum.GetValues<HookPoint>()
            .Select(p => $"    {p}: " + string.Join(", ", request.Chain.At(p).Select(h => $"{h.ToolName}({h.Priority})")));
        request.App.Logger.LogDebug("Request hooks for {Path}:\n{Hooks}", request.ScriptName + request.PathInfo, string.Join("\n", lines));
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// An access log through ILogger (category <c>Cherry.Access</c>) in CherryPy's format:
/// <c>host - user [time] "request line" status bytes "referer" "user-agent"</c> (on_end_request). A response the client
/// went away from before it had all of it is logged as nginx logs it: 499 and the bytes that went out. To count those,
/// the tool puts a <see cref="SentBytesStream"/> in front of the response body at on_start_resource.
/// </summary>
public sealed partial class LogAccessTool : Tool
{
    /// <summary>nginx's status for a request whose client closed the connection before the answer was complete.</summary>
    private const int ClientClosedRequest = 499;

    private ILogger? _logger;

    public override void Attach(ToolChainBuilder chain)
    {
        chain.Add(Name, HookPoint.OnStartResource, 0, false, CountSent);
        chain.Add(Name, HookPoint.OnEndRequest, 50, false, LogAsync);
    }

    private static ValueTask CountSent(Request request)
    {
        var features = request.HttpContext.Features;
        // Once per response: after an internal redirect the next request's chain runs this hook on the same features.
        if (features.Get<IHttpResponseBodyFeature>() is { } body and not StreamResponseBodyFeature { Stream: SentBytesStream })
        {
            features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(new SentBytesStream(body), body));
        }
        return ValueTask.CompletedTask;
    }

    private async ValueTask LogAsync(Request request)
    {
        // One line per HTTP exchange, as CherryPy logs it: a request an internal redirect replaced is not logged.
        if (request.IsReplaced)
        {
            return;
        }
        SentBytesStream? counter = null;
        var features = request.HttpContext.Features;
        if (features.Get<IHttpResponseBodyFeature>() is StreamResponseBodyFeature { Stream: SentBytesStream counting, PriorFeature: { } server } wrapper)
        {
            // Writes what a handler's writer left in the wrapper's pipe, so that it is sent and counted.
            await wrapper.CompleteAsync();
            features.Set(server);
            counter = counting;
        }
        var logger = _logger ??= request.Services.GetService(typeof(ILoggerFactory)) is ILoggerFactory factory ? factory.CreateLogger("Cherry.Access") : request.App.Logger;
        logger.LogInformation("{Line}", Line(request, counter, request.App.Time.GetUtcNow()));

        static string Line(Request request, SentBytesStream? counter, DateTimeOffset now)
        {
            var http = request.HttpContext;
            var target = Escape(http.Request.Path.Value + http.Request.QueryString.Value);
            // Cut short while the body went out (a client gone before the answer already has the runner's 499 and 0).
            var cut = counter is { ClientGone: true };
            var status = cut ? ClientClosedRequest : http.Response.StatusCode;
            var bytes = (cut ? counter!.Sent : http.Response.ContentLength)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-";
            return $"{request.RemoteAddress} - {(string.IsNullOrEmpty(request.Login) ? "-" : request.Login)} "
                + $"[{now.ToString("dd/MMM/yyyy:HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)} +0000] "
                + $"\"{http.Request.Method} {target} {http.Request.Protocol}\" {status} {bytes} "
                + $"\"{Escape(http.Request.Headers.Referer.ToString())}\" \"{Escape(http.Request.Headers.UserAgent.ToString())}\"";
        }

        // Quotes, backslashes and control characters escaped as CherryPy does: a client cannot forge or break a log line
        // (the decoded path may hold a newline from %0A).
        static string Escape(string value)
        {
            if (!value.AsSpan().ContainsAny(Unsafe))
            {
                return value;
            }
            var escaped = new System.Text.StringBuilder(value.Length + 16);
            foreach (var c in value)
            {
                _ = c switch
                {
                    '"' => escaped.Append("\\\""),
                    '\\' => escaped.Append("\\\\"),
                    < ' ' or '\x7f' => escaped.Append("\\x").Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture)),
                    _ => escaped.Append(c),
                };
            }
            return escaped.ToString();
        }
    }

    private static readonly System.Buffers.SearchValues<char> Unsafe =
        System.Buffers.SearchValues.Create("\"\\\x7f" + string.Concat(Enumerable.Range(0, 32).Select(c => (char)c)));
}

