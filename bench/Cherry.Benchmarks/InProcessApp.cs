using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cherry.Benchmarks;

/// <summary>A Cherry app's request delegate called in process (no socket), with fresh contexts for each request.</summary>
internal sealed class InProcessApp
{
    private readonly IServiceProvider _services;

    private InProcessApp(RequestDelegate pipeline, IServiceProvider services)
    {
        Pipeline = pipeline;
        _services = services;
    }

    public RequestDelegate Pipeline { get; }

    /// <summary>
    /// The one endpoint <paramref name="map"/> adds (<c>MapCherry</c> of a concrete root, so the generator sees the
    /// root, or a Minimal API endpoint), on a slim host with Cherry's services.
    /// </summary>
    public static InProcessApp Create(Action<WebApplication> map)
    {
        var app = Host();
        map(app);
        return Of(app);
    }

    private static WebApplication Host()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddCherry();
        return builder.Build();
    }

    /// <summary>The app's single endpoint, called without routing.</summary>
    private static InProcessApp Of(WebApplication app)
    {
        var endpoint = (RouteEndpoint)((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).Single();
        return new InProcessApp(endpoint.RequestDelegate!, app.Services);
    }

    public DefaultHttpContext Context(string path, string query = "", string cookie = "")
    {
        var context = new DefaultHttpContext { RequestServices = _services };
        context.Request.Method = "GET";
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("localhost");
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        if (cookie.Length > 0)
        {
            context.Request.Headers.Cookie = cookie;
        }
        context.Response.Body = Stream.Null;
        return context;
    }

    public Task SendAsync(string path, string query = "", string cookie = "") => Pipeline(Context(path, query, cookie));
}
