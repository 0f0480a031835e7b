using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Cherry;

/// <summary>
/// The figures the cpstats tools of a host add to, one instance owned by DI: the <c>Cherry Applications</c> namespace
/// of <see cref="Statistics"/> (CherryPy's keys, per-thread records, URI set tracking, slow queries), a
/// <c>Cherry Server</c> namespace, and the same figures as instruments on the <c>Cherry</c> meter, made by
/// <see cref="IMeterFactory"/> so that the host disposes them.
/// </summary>
internal sealed class RequestStatistics
{
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, object?> _stats;
    private readonly Counter<long> _requestCounter;
    private readonly UpDownCounter<long> _currentCounter;
    private readonly Counter<long> _bytesReadCounter;
    private readonly Counter<long> _bytesWrittenCounter;
    private readonly Histogram<double> _duration;
    private readonly Lock _gate = new();
    private long _total;
    private long _current;
    private long _bytesRead;
    private long _bytesWritten;
    private long _totalTicks;

    public RequestStatistics(Statistics statistics, IMeterFactory meters, TimeProvider time)
    {
        _time = time;
        var meter = meters.Create(new MeterOptions("Cherry") { Version = "0.1.0" });
        _requestCounter = meter.CreateCounter<long>("cherry.requests", description: "Requests served");
        _currentCounter = meter.CreateUpDownCounter<long>("cherry.requests.current", description: "Requests in progress");
        _bytesReadCounter = meter.CreateCounter<long>("cherry.bytes.read", "By");
        _bytesWrittenCounter = meter.CreateCounter<long>("cherry.bytes.written", "By");
        _duration = meter.CreateHistogram<double>("cherry.request.duration", "s");
        _stats = Initialize(statistics);
    }

    /// <summary>CherryPy's pause/resume: whether requests are counted.</summary>
    public bool Enabled
    {
        get => _stats["Enabled"] is true;
        set => _stats["Enabled"] = value;
    }

    private ConcurrentDictionary<string, object?> Initialize(Statistics statistics)
    {
        var stats = statistics.Namespace(CpStatsTool.NamespaceName);
        var started = _time.GetUtcNow();
        double Seconds() => Math.Max((_time.GetUtcNow() - started).TotalSeconds, 1e-9);
        static Func<IReadOnlyDictionary<string, object?>, object?> Computed(Func<object?> value) => _ => value();
        stats["Enabled"] = true;
        stats["Server Version"] = ErrorPage.Version;
        stats["Start Time"] = started.ToUnixTimeMilliseconds() / 1000.0;
        stats["Current Time"] = Computed(() => _time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0);
        stats["Uptime"] = Computed(() => Seconds());
        stats["Total Requests"] = Computed(() => Interlocked.Read(ref _total));
        stats["Current Requests"] = Computed(() => Interlocked.Read(ref _current));
        stats["Total Bytes Read"] = Computed(() => Interlocked.Read(ref _bytesRead));
        stats["Total Bytes Written"] = Computed(() => Interlocked.Read(ref _bytesWritten));
        stats["Total Time"] = Computed(() => TimeSpan.FromTicks(Interlocked.Read(ref _totalTicks)).TotalSeconds);
        stats["Requests/Second"] = Computed(() => Interlocked.Read(ref _total) / Seconds());
        stats["Bytes Read/Second"] = Computed(() => Interlocked.Read(ref _bytesRead) / Seconds());
        stats["Bytes Written/Second"] = Computed(() => Interlocked.Read(ref _bytesWritten) / Seconds());
        stats["Bytes Read/Request"] = Computed(() => PerRequest(ref _bytesRead));
        stats["Bytes Written/Request"] = Computed(() => PerRequest(ref _bytesWritten));
        stats["Requests"] = new ConcurrentDictionary<string, ConcurrentDictionary<string, object?>>(StringComparer.Ordinal);
        // "Slow Queries" and "URI Set Tracking" appear when first used, as in CherryPy.

        // The server's own namespace, as CherryPy's server adds one beside the applications'.
        var server = statistics.Namespace("Cherry Server");
        server["Version"] = ErrorPage.Version;
        server["Runtime"] = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;
        server["Processor Count"] = Environment.ProcessorCount;
        server["Start Time"] = started.ToUnixTimeMilliseconds() / 1000.0;
        server["Working Set"] = Computed(() => Environment.WorkingSet);
        server["Threads"] = Computed(() => ThreadPool.ThreadCount);
        return stats;
    }

    private double PerRequest(ref long total)
    {
        var requests = Interlocked.Read(ref _total);
        return requests == 0 ? 0 : (double)Interlocked.Read(ref total) / requests;
    }

    public void Started()
    {
        Interlocked.Increment(ref _total);
        Interlocked.Increment(ref _current);
        _currentCounter.Add(1);
    }

    public void Record(Request request, TimeSpan elapsed, CpStatsTool tool)
    {
        var read = request.HttpContext.Request.ContentLength ?? 0;
        var written = request.HttpContext.Response.ContentLength ?? request.Response.Body.Length;
        Interlocked.Decrement(ref _current);
        Interlocked.Add(ref _bytesRead, read);
        Interlocked.Add(ref _bytesWritten, written);
        Interlocked.Add(ref _totalTicks, elapsed.Ticks);
        _currentCounter.Add(-1);
        _requestCounter.Add(1);
        _bytesReadCounter.Add(read);
        _bytesWrittenCounter.Add(written);
        _duration.Record(elapsed.TotalSeconds);

        var uri = request.ScriptName + request.PathInfo;
        var thread = Environment.CurrentManagedThreadId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var threads = (ConcurrentDictionary<string, ConcurrentDictionary<string, object?>>)_stats["Requests"]!;
        var record = threads.GetOrAdd(thread, _ => new ConcurrentDictionary<string, object?>(StringComparer.Ordinal));
        lock (_gate)
        {
            record["Requests"] = (record.TryGetValue("Requests", out var count) ? (long)count! : 0) + 1;
            record["Bytes Read"] = (record.TryGetValue("Bytes Read", out var r) ? (long)r! : 0) + read;
            record["Bytes Written"] = (record.TryGetValue("Bytes Written", out var w) ? (long)w! : 0) + written;
            record["Work Time"] = (record.TryGetValue("Work Time", out var t) ? (double)t! : 0) + elapsed.TotalSeconds;
            record["Processing"] = false;
            record["Client"] = request.RemoteAddress;
            record["End Time"] = _time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
            record["Request-Line"] = $"{request.Method} {uri} {request.HttpContext.Request.Protocol}";
            record["Response Status"] = request.Response.Status ?? "200";
            if (tool.Options.UriSet is { } label)
            {
                // Keyed by the configured label, never by the URI: a client cannot add records.
                var set = (ConcurrentDictionary<string, ConcurrentDictionary<string, object?>>)_stats.GetOrAdd(
                    "URI Set Tracking", _ => new ConcurrentDictionary<string, ConcurrentDictionary<string, object?>>(StringComparer.Ordinal))!;
                var entry = set.GetOrAdd(label, _ => new ConcurrentDictionary<string, object?>(StringComparer.Ordinal) { ["Count"] = 0L, ["Sum"] = 0.0, ["Min"] = double.MaxValue, ["Max"] = 0.0 });
                var seconds = elapsed.TotalSeconds;
                entry["Count"] = (long)entry["Count"]! + 1;
                entry["Sum"] = (double)entry["Sum"]! + seconds;
                entry["Min"] = Math.Min((double)entry["Min"]!, seconds);
                entry["Max"] = Math.Max((double)entry["Max"]!, seconds);
                entry["Avg"] = (double)entry["Sum"]! / (long)entry["Count"]!;
            }
        }
        if (elapsed.TotalSeconds > tool.Options.SlowQueries)
        {
            var slow = (ConcurrentQueue<string>)_stats.GetOrAdd("Slow Queries", _ => new ConcurrentQueue<string>())!;
            slow.Enqueue($"{uri} {elapsed.TotalSeconds:F3}s");
            while (slow.Count > tool.Options.SlowQueriesCount && slow.TryDequeue(out _))
            {
            }
        }
    }
}
