using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cherry;

/// <summary>
/// Endpoints mapped beside a mount that take URLs its tree serves. Routing prefers any other pattern to the mount's
/// catch-all, so <c>app.MapGet("/api/links", ...)</c> beside a tree with an <c>/api/links</c> handler silently takes
/// that URL (for its methods) from the tree. Once the app has started, when every endpoint is mapped, each endpoint
/// below the mount point is dispatched through the tree as a request for its path would be; one whose path names a
/// handler outright (no segments left over for a catch-all) is a warning naming both.
/// </summary>
internal static class ShadowedRoutes
{
    public static void WarnWhenStarted(IEndpointRouteBuilder routes, MountedApp app)
    {
        var services = routes.ServiceProvider;
        services.GetService<IHostApplicationLifetime>()?.ApplicationStarted.Register(() =>
        {
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Cherry.Startup");
            foreach (var (endpoint, handler) in Find(routes, app))
            {
                logger.LogWarning(
                    "The endpoint '{Endpoint}' ({Pattern}, {Methods}) takes URLs that the Cherry tree mounted at '{Mount}' serves with its handler at {Handler}: "
                    + "routing prefers it, so the tree never answers them. Map it outside the mount point, or remove the handler.",
                    endpoint.DisplayName, endpoint.RoutePattern.RawText, Methods(endpoint), app.ScriptName.Length == 0 ? "/" : app.ScriptName, handler);
            }
        });
    }

    /// <summary>Each endpoint below the mount point whose path the tree dispatches to a handler, with that handler's tree path.</summary>
    internal static IEnumerable<(RouteEndpoint Endpoint, string Handler)> Find(IEndpointRouteBuilder routes, MountedApp app)
    {
        foreach (var endpoint in routes.DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<MountedApp>() is not null || ProbePath(endpoint.RoutePattern) is not { } path
                || !(app.ScriptName.Length == 0 || path == app.ScriptName || path.StartsWith(app.ScriptName + "/", StringComparison.Ordinal)))
            {
                continue;
            }
            var context = new DefaultHttpContext { RequestServices = routes.ServiceProvider };
            context.Request.Method = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.FirstOrDefault() ?? HttpMethods.Get;
            context.Request.Path = path;
            var request = new Request(context, app, path[app.ScriptName.Length..] is { Length: > 0 } below ? below : "/", "", previous: null);
            app.Dispatch(request);
            // Only a handler the path names outright: one reached with segments left over (a Default, an index or a
            // handler taking them as positional arguments) takes any URL below it, and would make every endpoint a warning.
            if (request.Handler is { Invoke: not null, DispatchError: 0 } handler && request.VirtualPath.Count == 0)
            {
                yield return (endpoint, handler.Path);
            }
        }
    }

    /// <summary>A path the pattern matches: its literals, each parameter by its name; the literal prefix for a catch-all.</summary>
    private static string? ProbePath(RoutePattern pattern)
    {
        var path = new System.Text.StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal:
                        path.Append(literal.Content);
                        break;
                    case RoutePatternParameterPart { IsCatchAll: true }:
                        return path.Length > 1 ? path.ToString().TrimEnd('/') : null;
                    case RoutePatternParameterPart parameter:
                        path.Append(parameter.Name);
                        break;
                    case RoutePatternSeparatorPart separator:
                        path.Append(separator.Content);
                        break;
                }
            }
        }
        return path.Length == 0 ? "/" : path.ToString();
    }

    private static string Methods(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is { HttpMethods.Count: > 0 } methods ? string.Join(", ", methods.HttpMethods) : "every method";
}
