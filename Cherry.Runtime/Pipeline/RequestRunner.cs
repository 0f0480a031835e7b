using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Cherry;

/// <summary>
/// Runs one request through CherryPy's lifecycle (<c>_cprequest.Request.respond</c>): dispatch, the hook points
/// in order, the handler, finalize, error handling, internal redirects, and <see cref="HookPoint.OnEndRequest"/>
/// after the response is written.
/// </summary>
internal static partial class RequestRunner
{
    private const int MaxInternalRedirects = 32;

    public static Task RunAsync(HttpContext context, MountedApp app)
    {
        var query = context.Request.QueryString.HasValue ? context.Request.QueryString.Value![1..] : "";
        var request = new Request(context, app, app.PathInfo(context), query, previous: null);
        foreach (var observer in app.Observers)
        {
            observer.Started(request);
        }
        // Not one async method: when responding finishes at once (most requests), only the write may need a state machine.
        var responding = RespondAsync(request);
        return responding.IsCompletedSuccessfully ? CompleteAsync(request) : FollowRedirectsThenCompleteAsync(responding, request);
    }

    /// <summary>Waits for the response, following internal redirects (each a new request), then writes it.</summary>
    private static async Task FollowRedirectsThenCompleteAsync(Task responding, Request request)
    {
        HashSet<string>? visited = null;
        for (var redirects = 0; ; redirects++)
        {
            try
            {
                await responding;
                break;
            }
            catch (InternalRedirect redirect)
            {
                var context = request.HttpContext;
                var app = request.App;
                request.IsReplaced = true;
                visited ??= [];
                visited.Add(request.PathInfo + "?" + request.QueryString);
                var target = redirect.Path.StartsWith('/') ? redirect.Path : UrlPath.Join(request.PathInfo, redirect.Path);
                context.Response.Headers.Clear();
                if (!visited.Add(target + "?" + redirect.QueryString) || redirects >= MaxInternalRedirects)
                {
                    app.Logger.LogError("InternalRedirect loop at {Path}", target);
                    request = new Request(context, app, request.PathInfo, request.QueryString, request);
                    await HandleErrorAsync(request, new InvalidOperationException($"InternalRedirect visited the same URL twice: '{target}'"));
                    break;
                }
                request = new Request(context, app, target, redirect.QueryString, request);
                responding = RespondAsync(request);
            }
        }
        await CompleteAsync(request);
    }

    private static async Task CompleteAsync(Request request)
    {
        try
        {
            await WriteAsync(request);
        }
        catch (Exception ex) when (IsClientAbort(request, ex))
        {
            request.App.Logger.LogDebug("Client went away while {Path} was written", request.ScriptName + request.PathInfo);
        }
        finally
        {
            foreach (var observer in request.App.Observers)
            {
                observer.Finished(request);
            }
            // Every request an internal redirect replaced ends too, newest first: the cleanup its tools rely on (a cache
            // flight other requests wait for, cpstats' current count, a session lock) runs once for each, whatever path
            // the exchange took. The replaced ones end after the last, since a session's lock goes on with the redirect.
            for (var ended = request; ended is not null; ended = ended.Previous)
            {
                try
                {
                    await ended.Chain.RunAsync(HookPoint.OnEndRequest, ended);
                }
                catch (Exception ex)
                {
                    ended.App.Logger.LogError(ex, "An on_end_request hook failed");
                }
            }
        }
    }

    private static async Task RespondAsync(Request request)
    {
        // Constants that need no wire encoding: set on the raw headers, so a plain request makes no encoding wrapper.
        var headers = request.HttpContext.Response.Headers;
        headers.ContentType = "text/html";
        headers.Server = ErrorPage.Version;
        try
        {
            try
            {
                if (request.Previous is null)
                {
                    CheckTarget(request);
                    foreach (var check in request.App.BeforeDispatch)
                    {
                        check(request);
                    }
                }
                request.App.Dispatch(request);
                request.Response.Streaming = request.Settings.StreamResponse;
                if (request.Previous is null && request.Settings.MethodsWithBodies is { } methods)
                {
                    request.ProcessRequestBody = methods.Contains(request.Method, StringComparer.Ordinal);
                }
                if (request.Handler.Allow is { } allow)
                {
                    headers.Allow = allow;
                }
                if (request.App.Policies?.EndpointOf(request.Handler) is { } endpoint)
                {
                    if (!await request.App.Policies.PassAsync(request, endpoint, ServeAsync))
                    {
                        AnsweredByMiddleware(request);
                    }
                }
                else
                {
                    await ServeAsync(request);
                }
            }
            catch (Exception ex) when (ex is HttpError or HttpRedirect)
            {
                request.IsErrorResponse = ex is HttpError;
                if (ex is HttpError error)
                {
                    error.SetResponse(request);
                }
                else
                {
                    ((HttpRedirect)ex).SetResponse(request);
                }
                await request.Chain.RunAsync(HookPoint.BeforeFinalize, request);
                Finalize(request);
            }
            finally
            {
                await request.Chain.RunAsync(HookPoint.OnEndResource, request);
            }
        }
        catch (InternalRedirect)
        {
            throw;
        }
        catch (Exception ex)
        {
            await HandleErrorAsync(request, ex);
        }
    }

    /// <summary>The request after dispatch: its hook points, body, handler and finalize (inside the handler's policies when it has any).</summary>
    private static async Task ServeAsync(Request request)
    {
        var chain = request.Chain;
        await chain.RunAsync(HookPoint.OnStartResource, request);
        if (request.Handler.DispatchError == 405)
        {
            // Decided before the body is read: CherryPy's 411-over-405 answers the wrong mistake.
            throw new HttpError(405);
        }
        ProcessQueryString(request);
        await chain.RunAsync(HookPoint.BeforeRequestBody, request);
        if (request.ProcessRequestBody)
        {
            await RequestBodyReader.ReadAsync(request);
        }
        await chain.RunAsync(HookPoint.BeforeHandler, request);
        if (!request.Handled)
        {
            // No handler matched: as in CherryPy, the 404 is the handler, so handler tools (static) could still serve.
            var invoke = request.Handler.Invoke ?? throw new NotFound();
            await chain.InvokeHandlerAsync(request, invoke);
        }
        // Before the finalize hooks, so that they see the whole body and a failing sequence is still an error page.
        // Only a sequence needs it, and reading RequestAborted makes the server set up a token source.
        if (request.Response.IsStreamed)
        {
            await request.Response.CollectAsync(request.Aborted);
        }
        if (!request.IsComplete)
        {
            await chain.RunAsync(HookPoint.BeforeFinalize, request);
        }
        Finalize(request);
    }

    /// <summary>
    /// An ASP.NET Core middleware of the handler's policies answered instead of the handler (a challenge, 403, 429, a
    /// CORS preflight, a request timeout): an error status becomes Cherry's error page for it (a problem document for
    /// API handlers), keeping the headers the middleware set (<c>WWW-Authenticate</c>, <c>Retry-After</c>); another
    /// status is sent as it is; a response the middleware already started is left to it.
    /// </summary>
    private static void AnsweredByMiddleware(Request request)
    {
        var http = request.HttpContext.Response;
        if (http.HasStarted)
        {
            request.FinalStatus = http.StatusCode;
            request.FinalReason = StatusLine.Reason(http.StatusCode);
            return;
        }
        if (http.StatusCode >= 400)
        {
            throw new HttpError(http.StatusCode);
        }
        request.Response.Status = http.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        request.Response.Body = ReadOnlyMemory<byte>.Empty;
        request.Complete();
        Finalize(request);
    }

    /// <summary>
    /// What the server layer lets through but no request may carry: a Host no URL can hold, and a fragment in the
    /// request-target (RFC 9112 section 3.2 has none; browsers never send one), which CherryPy's server refuses too.
    /// </summary>
    private static void CheckTarget(Request request)
    {
        var context = request.HttpContext;
        var app = request.App;
        var raw = context.Request.Headers.Host;
        if (raw.Count != 1 || !string.Equals(raw[0], app.LastValidRawHost, StringComparison.Ordinal))
        {
            if (!HostHeader.IsValid(context.Request.Host, ref app.LastValidHost))
            {
                throw new HttpError(400, "The Host header names no valid host.");
            }
            if (raw.Count == 1)
            {
                app.LastValidRawHost = raw[0];
            }
        }
        // A '#' in the target shows in the decoded path or the raw query; only then is the raw target read (the
        // path's '#' may be an escaped %23).
        if ((request.PathInfo.Contains('#') || request.QueryString.Contains('#'))
            && RequestTarget.Raw(context)?.Contains('#', StringComparison.Ordinal) == true)
        {
            throw new HttpError(400, "Illegal #fragment in Request-URI.");
        }
    }

    /// <summary>
    /// CherryPy's <c>process_query_string</c> (escapes decoded with <c>request.query_string_encoding</c>, UTF-8 by
    /// default), with 400 rather than CherryPy's 404 for an undecodable query.
    /// </summary>
    private static void ProcessQueryString(Request request)
    {
        var query = request.QueryString;
        if (query.Length == 0)
        {
            return;
        }
        var imageMap = ImageMapPattern().Match(query);
        if (imageMap.Success)
        {
            request.Parameters.Add("x", imageMap.Groups[1].Value, ParameterSource.QueryString);
            request.Parameters.Add("y", imageMap.Groups[2].Value, ParameterSource.QueryString);
            return;
        }
        var decoder = request.Settings.QueryStringDecoder;
        var parsed = decoder is null
            ? QueryStringParser.TryParse(query, ParameterSource.QueryString, request.Parameters)
            : QueryStringParser.TryParse(query, ParameterSource.QueryString, request.Parameters, decoder);
        if (!parsed)
        {
            var charset = decoder is null ? "utf8" : request.Settings.QueryStringEncoding;
            throw new HttpError(400, $"The given query string could not be processed. Query strings for this resource must be encoded with '{charset}'.");
        }
    }

    [GeneratedRegex(@"^(\d+),(\d+)$")]
    private static partial Regex ImageMapPattern();

    /// <summary>
    /// nginx's status for a request whose client went away before the answer: the access log shows it instead of
    /// a 500, since nothing failed on the server's side.
    /// </summary>
    private const string ClientClosedRequest = "499 Client Closed Request";

    private static bool IsClientAbort(Request request, Exception exception) =>
        exception is OperationCanceledException or IOException && request.Aborted.IsCancellationRequested;

    private static async Task HandleErrorAsync(Request request, Exception exception)
    {
        if (IsClientAbort(request, exception))
        {
            // Nobody is left to answer, and it is not the server's fault: no error hooks, no traceback.
            request.App.Logger.LogDebug("Request to {Path} aborted by the client", request.ScriptName + request.PathInfo);
            request.IsErrorResponse = true;
            request.Response.Status = ClientClosedRequest;
            request.Response.Body = ReadOnlyMemory<byte>.Empty;
            Finalize(request);
            return;
        }

        request.IsErrorResponse = true;
        request.Error = exception;
        var chain = request.Chain;
        try
        {
            await chain.RunAsync(HookPoint.BeforeErrorResponse, request);
            if (request.ErrorResponse is { } replacement)
            {
                await replacement(request, exception);
            }
            else
            {
                new HttpError(500, null, null, exception).SetResponse(request);
            }
            await chain.RunAsync(HookPoint.AfterErrorResponse, request);
            Finalize(request);
        }
        catch (HttpRedirect redirect)
        {
            redirect.SetResponse(request);
            Finalize(request);
        }
        catch (InternalRedirect)
        {
            // An error tool (err_redirect) may answer with another page of the application.
            throw;
        }
        catch (Exception second)
        {
            // The error page itself failed: answer a bare 500 rather than nothing.
            request.App.Logger.LogError(second, "The error response failed");
            request.Response.Headers.Clear();
            request.Response.ContentType = "text/plain;charset=utf-8";
            request.Response.Status = "500";
            request.Response.SetText("Unrecoverable error in the server.");
            Finalize(request);
        }
    }

    /// <summary>CherryPy's <c>response.finalize</c>: validate the status and settle the entity headers.</summary>
    private static void Finalize(Request request)
    {
        var response = request.Response;
        if (!StatusLine.TryParse(response.Status, out var code, out var reason, out var error))
        {
            throw new HttpError(500, error);
        }
        request.FinalStatus = code;
        request.FinalReason = reason;
        // As CherryPy's finalize leaves it: the whole status line, for the hooks that still run (on_end_resource).
        response.Status = StatusLine.Line(code, reason);
        var headers = request.HttpContext.Response.Headers;
        if (code is < 200 or 204 or 205 or 304)
        {
            headers.ContentLength = null;
            response.Body = ReadOnlyMemory<byte>.Empty;
        }
        else if (response.IsStreamed)
        {
            headers.ContentLength = response.WriterLength;
        }
        else
        {
            headers.ContentLength = response.Body.Length;
        }
    }

    /// <summary>Writes the response; a state machine only where the body is a sequence.</summary>
    private static ValueTask WriteAsync(Request request)
    {
        var http = request.HttpContext.Response;
        if (http.HasStarted)
        {
            return ValueTask.CompletedTask;
        }
        http.StatusCode = request.FinalStatus;
        if (request.FinalReason != StatusLine.Reason(request.FinalStatus))
        {
            request.HttpContext.Features.GetRequiredFeature<IHttpResponseFeature>().ReasonPhrase = request.FinalReason;
        }
        if (HttpMethods.IsHead(request.HttpContext.Request.Method))
        {
            return ValueTask.CompletedTask;
        }
        if (request.Response.Writer is { } writer)
        {
            return new ValueTask(writer(http, request.Aborted));
        }
        if (request.Response.Stream is { } stream)
        {
            return WriteChunksAsync(http, stream, request.Aborted);
        }
        var body = request.Response.Body;
        // One write of a buffered body, which the server finishes or drops by itself when the client has gone:
        // no cancellation token, so that a plain request never makes the server set one up.
        return body.Length > 0 ? http.Body.WriteAsync(body, CancellationToken.None) : ValueTask.CompletedTask;
    }

    private static async ValueTask WriteChunksAsync(HttpResponse http, IAsyncEnumerable<ReadOnlyMemory<byte>> stream, CancellationToken aborted)
    {
        await http.StartAsync(aborted);
        await foreach (var chunk in stream.WithCancellation(aborted))
        {
            await http.Body.WriteAsync(chunk, aborted);
            await http.Body.FlushAsync(aborted);
        }
    }
}
