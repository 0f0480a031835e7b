using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cherry;

/// <summary>
/// What one profiled request cost. Measured with <see cref="Stopwatch"/> timestamps (wall time, including awaits):
/// the whole request, the handler, and every hook of the chain; plus process-wide GC collection counts and bytes
/// allocated between start and end (other concurrent requests are included in those two).
/// </summary>
public sealed class RequestProfile
{
    private readonly List<(string Point, string Tool, TimeSpan Elapsed)> _hooks = [];

    internal long Started { get; } = Stopwatch.GetTimestamp();

    internal long AllocatedAtStart { get; } = GC.GetTotalAllocatedBytes();

    internal int[] CollectionsAtStart { get; } = Enumerable.Range(0, GC.MaxGeneration + 1).Select(GC.CollectionCount).ToArray();

    internal TimeSpan Handler { get; set; }

    internal void RecordHook(HookPoint point, string tool, TimeSpan elapsed)
    {
        lock (_hooks)
        {
            _hooks.Add((point.ToString(), tool, elapsed));
        }
    }

    internal string ToJson(Request request)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("request", $"{request.Method} {request.ScriptName}{request.PathInfo}");
            writer.WriteString("status", request.Response.Status ?? "200");
            writer.WriteNumber("totalMilliseconds", Stopwatch.GetElapsedTime(Started).TotalMilliseconds);
            writer.WriteNumber("handlerMilliseconds", Handler.TotalMilliseconds);
            writer.WriteNumber("allocatedBytes", GC.GetTotalAllocatedBytes() - AllocatedAtStart);
            writer.WriteStartArray("collections");
            for (var generation = 0; generation < CollectionsAtStart.Length; generation++)
            {
                writer.WriteNumberValue(GC.CollectionCount(generation) - CollectionsAtStart[generation]);
            }
            writer.WriteEndArray();
            writer.WriteStartArray("hooks");
            lock (_hooks)
            {
                foreach (var (point, tool, elapsed) in _hooks)
                {
                    writer.WriteStartObject();
                    writer.WriteString("point", point);
                    writer.WriteString("tool", tool);
                    writer.WriteNumber("milliseconds", elapsed.TotalMilliseconds);
                    writer.WriteEndObject();
                }
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}

/// <summary>
/// CherryPy's profiler, as a tool: for a handler or a whole application (<c>tools.profiler.on</c>), each request's
/// <see cref="RequestProfile"/> is written to <see cref="ProfilerOptions.Directory"/> as <c>cp_NNNN.json</c>. Mount the viewer with
/// <see cref="ProfilerEndpoints.MapCherryProfiler"/>.
/// </summary>
public sealed partial class ProfilerTool : Tool
{
    private static int _sequence;

    public override void Attach(ToolChainBuilder chain)
    {
        chain.Add(Name, HookPoint.OnStartResource, int.MinValue, true, request =>
        {
            request.Profile = new RequestProfile();
            return ValueTask.CompletedTask;
        });
        // Every other hook's time, once the profile exists (a chain without the profiler times nothing).
        chain.TimeHooks(Name, static (request, hook, elapsed) => request.Profile?.RecordHook(hook.Point, hook.ToolName, elapsed));
        // The handler's own time: the innermost wrapper, so no other wrapper's time counts as the handler's.
        chain.WrapHandler(Name, int.MaxValue, static async (request, next) =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await next(request);
            if (request.Profile is { } profile)
            {
                profile.Handler = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            }
        });
        chain.Add(Name, HookPoint.OnEndRequest, int.MaxValue, true, async request =>
        {
            if (request.Profile is { } profile)
            {
                request.Profile = null;
                var directory = Options.Directory;
                System.IO.Directory.CreateDirectory(directory);
                var file = Path.Combine(directory, $"cp_{Interlocked.Increment(ref _sequence).ToString("D4", CultureInfo.InvariantCulture)}.json");
                await File.WriteAllTextAsync(file, profile.ToJson(request));
            }
        });
    }
}

/// <summary>
/// The profile viewer: a list of stored profiles and each one as text; outside Development open only to whom
/// <see cref="CherryOptions.DiagnosticsAccess"/> names.
/// </summary>
public static class ProfilerEndpoints
{
    public static IEndpointConventionBuilder MapCherryProfiler(this IEndpointRouteBuilder endpoints, string path, string directory)
    {
        var group = endpoints.MapGroup(path.TrimEnd('/'));
        group.Map("/", DiagnosticsGate.Guard(context =>
        {
            var files = System.IO.Directory.Exists(directory)
                ? System.IO.Directory.EnumerateFiles(directory, "cp_*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()
                : [];
            var html = new StringBuilder("<html><body><h1>Profiles</h1><ul>\n");
            foreach (var file in files)
            {
                var name = System.Net.WebUtility.HtmlEncode(file);
                html.Append("<li><a href=\"report?filename=").Append(Uri.EscapeDataString(file!)).Append("\">").Append(name).Append("</a></li>\n");
            }
            context.Response.ContentType = "text/html;charset=utf-8";
            return context.Response.WriteAsync(html.Append("</ul></body></html>\n").ToString());
        }));
        group.Map("/report", DiagnosticsGate.Guard(async context =>
        {
            var name = context.Request.Query["filename"].ToString();
            // Only names the profiler writes: nothing else in (or outside) the directory can be read.
            if (!System.Text.RegularExpressions.Regex.IsMatch(name, @"\Acp_\d+\.json\z") || !File.Exists(Path.Combine(directory, name)))
            {
                context.Response.StatusCode = 404;
                return;
            }
            context.Response.ContentType = "text/plain;charset=utf-8";
            await context.Response.WriteAsync(await File.ReadAllTextAsync(Path.Combine(directory, name)));
        }));
        return group;
    }
}
