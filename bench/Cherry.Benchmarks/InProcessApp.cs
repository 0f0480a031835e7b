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

    public static InProcessApp Create<TRoot>(Action<CherryAppOptions>? configure = null)
        where TRoot : class, new()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddCherry();
        var app = builder.Build();
        app.MapCherry<TRoot>("/", configure: configure);
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
