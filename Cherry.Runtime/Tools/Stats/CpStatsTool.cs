using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Cherry;

/// <summary>
/// CherryPy's <c>cpstats</c> tool: per-request figures in the <c>Cherry Applications</c> namespace (the keys of
/// CherryPy's <c>CherryPy Applications</c>), per-thread request records, URI set tracking and slow queries, and the same
/// figures as <see cref="System.Diagnostics.Metrics"/> instruments on the <c>Cherry</c> meter for OpenTelemetry and
/// dotnet-counters.
/// </summary>
public sealed class CpStatsTool : Tool
{
    public const string ToolName = "cpstats";
    public const string NamespaceName = "Cherry Applications";

    internal static readonly Meter Meter = new("Cherry", "0.1.0");
    private static readonly Counter<long> RequestCounter = Meter.CreateCounter<long>("cherry.requests", description: "Requests served");
    private static readonly UpDownCounter<long> CurrentCounter = Meter.CreateUpDownCounter<long>("cherry.requests.current", description: "Requests in progress");
    private static readonly Counter<long> BytesReadCounter = Meter.CreateCounter<long>("cherry.bytes.read", "By");
    private static readonly Counter<long> BytesWrittenCounter = Meter.CreateCounter<long>("cherry.bytes.written", "By");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("cherry.request.duration", "s");
    private static readonly object Gate = new();
    private static readonly ConcurrentDictionary<string, object?> Stats = Initialize();

    private static long s_total;
    private static long s_current;
    private static long s_bytesRead;
    private static long s_bytesWritten;
    private static long s_totalTicks;

    public override string Name => ToolName;

    /// <summary>Seconds after which a request is listed under Slow Queries.</summary>
    public double SlowQueries { get; set; } = 5;

    public int SlowQueriesCount { get; set; } = 100;

    /// <summary>Track min/max/avg/sum per URI (CherryPy's <c>collect_uri_set</c>... off by default there too).</summary>
    public bool UriSet { get; set; }

    public override void Configure(ToolArguments arguments)
    {
        SlowQueriesCount = arguments.GetInt32("slow_queries_count", SlowQueriesCount);
        UriSet = arguments.GetBoolean("debug_uri_set", arguments.GetBoolean("uriset", UriSet));
        if (arguments.TryGetString("slow_queries", out var slow))
        {
            SlowQueries = double.TryParse(slow, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
                ? seconds : throw arguments.Malformed("slow_queries", "expected seconds.");
        }
    }

    private static ConcurrentDictionary<string, object?> Initialize()
    {
        var stats = Statistics.Namespace(NamespaceName);
        var started = DateTimeOffset.UtcNow;
        static double Seconds(DateTimeOffset start) => Math.Max((DateTimeOffset.UtcNow - start).TotalSeconds, 1e-9);
        stats["Enabled"] = true;
        stats["Server Version"] = ErrorPage.Version;
        stats["Start Time"] = started.ToUnixTimeMilliseconds() / 1000.0;
        stats["Current Time"] = (Func<IReadOnlyDictionary<string, object?>, object?>)(_ => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0);
        stats["Uptime"] = (Func<IReadOnlyDictionary<string, object?>, object?>)(_ => Seconds(started));
        stats["Total Requests"] = (Func<IReadOnlyDictionary<string, object?>, object?>)(_ => Interlocked.Read(ref s_total));
        stats["Current Requests"] = (Func<IReadOnlyDictionary<string, object?>, object?>)(_ => Interlocked.Read(ref s_current));
        stats["Total Bytes Read"] = (Func<IReadOnlyDictionary<string, object?>, object?>)(_ => Interlocked.Read(ref s_bytesRead));
        stats["Total Bytes Written"] = (Func<IReadOnlyDictionary<string, object?>, object?>)(_ => Interlocked.Read(ref s_bytesWritten));
        stats["Total Time"] = (Func<IReadOnlyDictionary<string, object?>, object?>)(_ => TimeSpan.FromTicks(Interlocked.Read(ref s_totalTicks)).TotalSeconds);
        stats["Requests/Second"] = (Func<IReadOnlyDictionary<string, object?>, object?>)(_ => Interlocked.Read(ref s_total) / Seconds(started));
        stats["Bytes Read/Second"] = (Func<IReadOnlyDictionary<string, object?>, object?>)(_ => Interlocked.Read(ref s_bytesRead) / Seconds(started));
        stats["Bytes Written/Second"] = (Func<IReadOnlyDictionary<string, object?>, object?>)(_ => Interlocked.Read(ref s_bytesWritten) / Seconds(started));
        stats["Bytes Read/Request"] = (Func<IReadOnlyDictionary<string, object?>, object?>)(_ => PerRequest(ref s_bytesRead));
        stats["Bytes Written/Request"] = (Func<IReadOnlyDictionary<string, object?>, object?>)(_ => PerRequest(ref s_bytesWritten));
        stats["Requests"] = new ConcurrentDictionary<string, ConcurrentDictionary<string, object?>>(StringComparer.Ordinal);
        // "Slow Queries" and "URI Set Tracking" appear when first used, as in CherryPy.

        // The server's own namespace, as CherryPy's server adds one beside the applications'.
        var server = Statistics.Namespace("Cherry Server");
        server["Version"] = ErrorPage.Version;
        server["Runtime"] = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;
        server["Processor Count"] = Environment.ProcessorCount;
        server["Start Time"] = started.ToUnixTimeMilliseconds() / 1000.0;
        server["Working Set"] = (Func<IReadOnlyDictionary<string, object?>, object?>)(_ => Environment.WorkingSet);
        server["Threads"] = (Func<IReadOnlyDictionary<string, object?>, object?>)(_ => System.Threading.ThreadPool.ThreadCount);
        return stats;
    }

    private static double PerRequest(ref long total)
    {
        var requests = Interlocked.Read(ref s_total);
        return requests == 0 ? 0 : (double)Interlocked.Read(ref total) / requests;
    }

    public override void Attach(ToolChainBuilder chain)
    {
        var slot = chain.ReserveSlot();
        chain.Add(Name, HookPoint.OnStartResource, 0, true, request =>
        {
            if (Stats["Enabled"] is true)
            {
                Interlocked.Increment(ref s_total);
                Interlocked.Increment(ref s_current);
                CurrentCounter.Add(1);
                request.SetToolState(slot, Stopwatch.GetTimestamp());
            }
            return ValueTask.CompletedTask;
        });
        chain.Add(Name, HookPoint.OnEndRequest, 50, true, request =>
        {
            if (request.GetToolState(slot) is long started)
            {
                Record(request, Stopwatch.GetElapsedTime(started));
            }
            return ValueTask.CompletedTask;
        });
    }

    private void Record(Request request, TimeSpan elapsed)
    {
        var read = request.HttpContext.Request.ContentLength ?? 0;
        var written = request.HttpContext.Response.ContentLength ?? request.Response.Body.Length;
        Interlocked.Decrement(ref s_current);
        Interlocked.Add(ref s_bytesRead, read);
        Interlocked.Add(ref s_bytesWritten, written);
        Interlocked.Add(ref s_totalTicks, elapsed.Ticks);
        CurrentCounter.Add(-1);
        RequestCounter.Add(1);
        BytesReadCounter.Add(read);
        BytesWrittenCounter.Add(written);
        Duration.Record(elapsed.TotalSeconds);

        var uri = request.ScriptName + request.PathInfo;
        var thread = Environment.CurrentManagedThreadId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var threads = (ConcurrentDictionary<string, ConcurrentDictionary<string, object?>>)Stats["Requests"]!;
        var record = threads.GetOrAdd(thread, _ => new ConcurrentDictionary<string, object?>(StringComparer.Ordinal));
        lock (Gate)
        {
            record["Requests"] = (record.TryGetValue("Requests", out var count) ? (long)count! : 0) + 1;
            record["Bytes Read"] = (record.TryGetValue("Bytes Read", out var r) ? (long)r! : 0) + read;
            record["Bytes Written"] = (record.TryGetValue("Bytes Written", out var w) ? (long)w! : 0) + written;
            record["Work Time"] = (record.TryGetValue("Work Time", out var t) ? (double)t! : 0) + elapsed.TotalSeconds;
            record["Processing"] = false;
            record["Client"] = request.RemoteAddress;
            record["End Time"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
            record["Request-Line"] = $"{request.Method} {uri} {request.HttpContext.Request.Protocol}";
            record["Response Status"] = request.Response.Status ?? "200";
            if (UriSet)
            {
                var set = (ConcurrentDictionary<string, ConcurrentDictionary<string, object?>>)Stats.GetOrAdd(
                    "URI Set Tracking", _ => new ConcurrentDictionary<string, ConcurrentDictionary<string, object?>>(StringComparer.Ordinal))!;
                var entry = set.GetOrAdd(uri, _ => new ConcurrentDictionary<string, object?>(StringComparer.Ordinal) { ["Count"] = 0L, ["Sum"] = 0.0, ["Min"] = double.MaxValue, ["Max"] = 0.0 });
                var seconds = elapsed.TotalSeconds;
                entry["Count"] = (long)entry["Count"]! + 1;
                entry["Sum"] = (double)entry["Sum"]! + seconds;
                entry["Min"] = Math.Min((double)entry["Min"]!, seconds);
                entry["Max"] = Math.Max((double)entry["Max"]!, seconds);
                entry["Avg"] = (double)entry["Sum"]! / (long)entry["Count"]!;
            }
        }
        if (elapsed.TotalSeconds > SlowQueries)
        {
            var slow = (ConcurrentQueue<string>)Stats.GetOrAdd("Slow Queries", _ => new ConcurrentQueue<string>())!;
            slow.Enqueue($"{uri} {elapsed.TotalSeconds:F3}s");
            while (slow.Count > SlowQueriesCount && slow.TryDequeue(out _))
            {
            }
        }
    }

    /// <summary>CherryPy's pause/resume: switches collection off or on.</summary>
    public static void SetEnabled(bool enabled) => Stats["Enabled"] = enabled;
}

/// <summary>Turns on <see cref="CpStatsTool"/>: <c>[CpStats]</c>.</summary>
public sealed class CpStatsAttribute : ToolAttribute
{
    public double SlowQueries { get; set; } = 5;

    public bool UriSet { get; set; }

    public override Tool CreateTool() => new CpStatsTool { SlowQueries = SlowQueries, UriSet = UriSet };
}
