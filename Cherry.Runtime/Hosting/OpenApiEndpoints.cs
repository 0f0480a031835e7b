using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cherry;

/// <summary>Serves the OpenAPI 3.1 document of the Cherry apps mapped with <c>MapCherry</c>.</summary>
public static class OpenApiEndpoints
{
    /// <summary>
    /// Maps the OpenAPI 3.1 document at <paramref name="pattern"/>: every Cherry app mapped on
    /// <paramref name="endpoints"/> (before or after this call), each tree's paths under the path it is mounted at.
    /// Cherry's generator writes each tree's document at build time, when the app calls this method; the first request
    /// joins them once (no reflection), with the auth tools and static sections configuration switched on as the completed
    /// chains run them, and every request after it gets the same bytes.
    /// </summary>
    /// <param name="title">The document's <c>info.title</c>; the host's application name by default.</param>
    /// <param name="version">The document's <c>info.version</c>: the version of the API it describes.</param>
    public static IEndpointConventionBuilder MapCherryOpenApi(this IEndpointRouteBuilder endpoints, string pattern = "/openapi.json", string? title = null, string version = "1.0")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(version);
        var name = title ?? endpoints.ServiceProvider.GetService<IHostEnvironment>()?.ApplicationName ?? "Cherry";
        var document = new Lazy<byte[]>(() => OpenApiComposer.Compose(name, version, MountedApps(endpoints)));
        // HEAD answers as GET does, as every page Cherry maps (the server leaves out the body).
        return endpoints.MapMethods(pattern, [HttpMethods.Get, HttpMethods.Head], (RequestDelegate)(context =>
        {
            var bytes = document.Value;
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.ContentLength = bytes.Length;
            return context.Response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
        })).WithDisplayName("Cherry OpenAPI document at " + pattern);
    }

    /// <summary>The apps MapCherry mounted, in the order they were mapped, their chains completed.</summary>
    private static IEnumerable<MountedApp> MountedApps(IEndpointRouteBuilder endpoints) =>
        endpoints.DataSources.SelectMany(source => source.Endpoints)
            .Select(endpoint => endpoint.Metadata.GetMetadata<MountedApp>())
            .OfType<MountedApp>();
}
