using System.Net;
using Cherry.Integration.Tests.App;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Cherry.Integration.Tests;

/// <summary>
/// Every endpoint Cherry maps answers HEAD as its GET: the same status and headers, no body. HEAD /openapi.json fell
/// into the tree (the root default's page, or a 404) while GET served the document.
/// </summary>
public sealed class HeadTests
{
    [Fact]
    public async Task Every_mapped_endpoint_answers_head_as_its_get()
    {
        await using var server = await CherryServer.StartAsync(app =>
        {
            app.MapCherry<ReferenceRoot>("/", o => ReferenceAppFixture.WithSessions(o).Set("/", "tools.cpstats.on", "True"));
            app.MapCherry<Conformance.Mounted>("/mounted/app");
            app.MapCherryOpenApi("/openapi.json");
            app.MapCherryStats("/cpstats");
            app.MapCherryGc("/gc");
            app.MapCherryProfiler("/profiler", Path.GetTempPath());
        });
        // Every literal route the host has, read from routing itself, so an endpoint added later is covered too.
        var paths = server.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern)
            .Where(p => p.Parameters.Count == 0)
            .Select(p => "/" + string.Join("/", p.PathSegments.Select(s => string.Concat(s.Parts.OfType<RoutePatternLiteralPart>().Select(l => l.Content)))))
            .Distinct()
            .ToList();
        Assert.Contains("/openapi.json", paths);
        Assert.Contains("/gc/stats", paths);
        paths.AddRange(["/", "/dir1/", "/mounted/app/", "/json/out", "/static-missing"]);
        foreach (var path in paths)
        {
            using var get = await server.Client.GetAsync(path);
            using var head = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
            Assert.True(get.StatusCode == head.StatusCode, $"{path}: GET {get.StatusCode}, HEAD {head.StatusCode}");
            Assert.True(Equals(get.Content.Headers.ContentType, head.Content.Headers.ContentType), $"{path}: GET {get.Content.Headers.ContentType}, HEAD {head.Content.Headers.ContentType}");
            if (get.StatusCode == HttpStatusCode.OK && get.Content.Headers.ContentLength is { } length && head.Content.Headers.ContentLength is { } headLength)
            {
                Assert.True(length == headLength, $"{path}: GET {length} bytes, HEAD {headLength}");
            }
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }
    }
}
