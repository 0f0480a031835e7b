using Microsoft.Extensions.Logging;

namespace Cherry;

/// <summary>CherryPy's <c>log_headers</c> (before_error_response): logs the request headers of a failed request.</summary>
public sealed class LogHeadersTool : HookTool
{
    public const string ToolName = ToolCatalog.Logging.Headers;

    public override string Name => ToolName;

    public override HookPoint Point => HookPoint.BeforeErrorResponse;

    public override ValueTask RunAsync(Request request)
    {
        var headers = string.Join("\n", request.Headers.Select(h => "    " + h.Key + ": " + h.Value));
        request.App.Logger.LogError("Request headers of {Method} {Path}:\n{Headers}", request.Method, request.ScriptName + request.PathInfo, headers);
        return ValueTask.CompletedTask;
    }
}

/// <summary>CherryPy's <c>log_tracebacks</c> (on by default, before_error_response): logs the exception behind a 500.</summary>
public sealed class LogTracebacksTool : HookTool
{
    public const string ToolName = ToolCatalog.Logging.Tracebacks;

    public override string Name => ToolName;

    public override HookPoint Point => HookPoint.BeforeErrorResponse;

    public override ValueTask RunAsync(Request request)
    {
        request.App.Logger.LogError(request.Error, "Unhandled exception while serving {Method} {Path}", request.Method, request.ScriptName + request.PathInfo);
        return ValueTask.CompletedTask;
    }
}

/// <summary>CherryPy's <c>log_hooks</c> (on_end_request): logs the hooks the request's chain ran, point by point.</summary>
public sealed class LogHooksTool : HookTool
{
    public const string ToolName = ToolCatalog.Logging.Hooks;

    public override string Name => ToolName;

    public override HookPoint Point => HookPoint.OnEndRequest;

    public override int Priority => 100;

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
/// <c>host - user [time] "request line" status bytes "referer" "user-agent"</c> (on_end_request).
/// </summary>
public sealed class LogAccessTool : HookTool
{
    public const string ToolName = ToolCatalog.Logging.Access;

    private ILogger? _logger;

    public override string Name => ToolName;

    public override HookPoint Point => HookPoint.OnEndRequest;

    public override ValueTask RunAsync(Request request)
    {
        var logger = _logger ??= request.Services.GetService(typeof(ILoggerFactory)) is ILoggerFactory factory ? factory.CreateLogger("Cherry.Access") : request.App.Logger;
        logger.LogInformation("{Line}", Line(request, request.App.Time.GetUtcNow()));
        return ValueTask.CompletedTask;

        static string Line(Request request, DateTimeOffset now)
        {
            var http = request.HttpContext;
            var target = Escape(http.Request.Path.Value + http.Request.QueryString.Value);
            var bytes = http.Response.ContentLength?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-";
            return $"{request.RemoteAddress} - {(string.IsNullOrEmpty(request.Login) ? "-" : request.Login)} "
                + $"[{now.ToString("dd/MMM/yyyy:HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)} +0000] "
                + $"\"{http.Request.Method} {target} {http.Request.Protocol}\" {http.Response.StatusCode} {bytes} "
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

