// Tutorial 10: HTTP errors.
//
// Throwing HttpError ends a request with an error status and an error page; its message goes on the page. Cherry
// answers a URL that matches nothing with a 404 and an unhandled exception with a 500 the same way. What the page
// looks like is configuration: error_page.<status> names an HTML file to use instead of the stock page, and the
// traceback appears on error pages only where request.ShowTracebacks is true (by default, in the Development
// environment, or as CherryOptions.ShowTracebacks says).
//
// CherryPy's version of this tutorial flips tracebacks on and off from a link by changing the global configuration
// while the server runs. Cherry's configuration is fixed once the app has started, so here the switch is a service
// of the app's own, and a small tool applies it to every request: the way to make any per-request decision
// that the app changes at run time.
using Cherry;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Tutorials.Tut10;

public sealed class HttpErrorDemo(TracebackSwitch tracebacks)
{
    /// <summary>Registers the traceback tool and turns it on for every application of the host.</summary>
    public static void Configure(CherryOptions options)
    {
        options.Tools.Register(() => new TracebacksTool());
        options.Config.Set("global", "tools.tracebacks.on", "True");
    }

    public static void AddServices(IServiceCollection services) => services.AddSingleton<TracebackSwitch>();

    /// <summary>Mounts the demo at <c>/</c>, with files/custom_error.html (under the content root) as its 403 page.</summary>
    public static void Map(WebApplication app) =>
        app.MapCherry(new HttpErrorDemo(app.Services.GetRequiredService<TracebackSwitch>()), "/",
            options => options.Set("/", "error_page.403", "files/custom_error.html"));

    // Links that each end in an error of some kind.
    [Exposed]
    public string Index(Request request) => $"""

                <html><body>
                    <h2><a href="toggleTracebacks">Toggle tracebacks {(request.ShowTracebacks ? "off" : "on")}</a></h2>
                    <p><a href="/doesNotExist">Click me; I'm a broken link!</a></p>
                    <p><a href="/error?code=403">Use a custom error page from a file.</a></p>
                    <p>These errors are explicitly raised by the application:</p>
                    <ul>
                        <li><a href="/error?code=400">400</a></li>
                        <li><a href="/error?code=401">401</a></li>
                        <li><a href="/error?code=402">402</a></li>
                        <li><a href="/error?code=500">500</a></li>
                    </ul>
                    <p><a href="/messageArg">You can also set the message of the error page
                    when you raise an error.</a></p>
                </body></html>
        """;

    // A redirect is an exception too: HttpRedirect answers 303 See Other (302 to an HTTP/1.0 client).
    [Exposed("toggleTracebacks")]
    public string ToggleTracebacks(Request request)
    {
        tracebacks.Set(!request.ShowTracebacks);
        throw new HttpRedirect("/");
    }

    // GET /error?code=403 raises the error the query asks for. The code is the client's choice, so one that is not
    // an error status is the client's mistake (400), not a failure of the server.
    [Exposed]
    public string Error(int code) =>
        throw (code is >= 400 and <= 599 ? new HttpError(code) : new HttpError(400, "The code must be an error status, from 400 to 599."));

    [Exposed("messageArg")]
    public string MessageArg() =>
        throw new HttpError(500, "If you construct an HttpError with a 'message' argument, it will be placed on the " +
            "error page (underneath the status line by default).");
}

/// <summary>Whether error pages show tracebacks, as last chosen at run time; null until someone chooses.</summary>
public sealed class TracebackSwitch
{
    // Boxed so that reads and writes of the whole value are atomic across request threads.
    private volatile object? _choice;

    public bool? Choice => (bool?)_choice;

    public void Set(bool show) => _choice = show;
}

/// <summary>
/// Applies the <see cref="TracebackSwitch"/> to each request before anything can fail (on_start_resource), so every
/// error page of the request, a 404 included, follows it. Turned on by <c>tools.tracebacks.on = True</c>.
/// </summary>
public sealed class TracebacksTool : HookTool
{
    private TracebackSwitch _switch = null!;

    public override string Name => "tracebacks";

    public override HookPoint Point => HookPoint.OnStartResource;

    // Tools are created at start-up; the services they need come from DI then, once.
    public override void Resolve(IServiceProvider services, ToolArguments arguments) =>
        _switch = services.GetRequiredService<TracebackSwitch>();

    public override ValueTask RunAsync(Request request)
    {
        if (_switch.Choice is { } show)
        {
            request.ShowTracebacks = show;
        }
        return ValueTask.CompletedTask;
    }
}
