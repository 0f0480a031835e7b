using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using Microsoft.AspNetCore.Builder;

namespace Cherry.Benchmarks;

/// <summary>
/// Which types a plain request allocates (<c>-- --allocations</c>): the runtime's allocation-tick events (one per
/// ~100 KB allocated, naming the type that crossed the mark) over many in-process requests, against the Minimal API
/// endpoint of <see cref="PlainRequestBenchmarks"/>. A sampled histogram: the shares are what it shows, not bytes.
/// </summary>
internal static class AllocationProfile
{
    private const int Requests = 200_000;

    public static async Task RunAsync()
    {
        foreach (var (name, app) in new[]
        {
            ("Cherry", InProcessApp.Create(a => a.MapCherry<WorkRoot>("/"))),
            ("Minimal API", InProcessApp.Create(a => a.MapGet("/plain", () => "plain"))),
        })
        {
            for (var i = 0; i < 10_000; i++)
            {
                await app.SendAsync("/plain");
            }
            using var listener = new TickListener();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            for (var i = 0; i < Requests; i++)
            {
                await app.SendAsync("/plain");
            }
            var perRequest = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)Requests;
            var total = listener.Ticks.Values.Sum();
            Console.WriteLine($"{name}: {perRequest:F0} B per request; sampled types:");
            foreach (var (type, count) in listener.Ticks.OrderByDescending(t => t.Value).Take(25))
            {
                Console.WriteLine($"  {100.0 * count / total,5:F1} %  {type}");
            }
        }
    }

    private sealed class TickListener : EventListener
    {
        public ConcurrentDictionary<string, int> Ticks { get; } = new();

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
            {
                // The GC keyword at verbose level carries GCAllocationTick.
                EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) == true && e.Payload is { } payload
                && e.PayloadNames?.IndexOf("TypeName") is >= 0 and var index)
            {
                Ticks.AddOrUpdate(payload[index]?.ToString() ?? "?", 1, (_, n) => n + 1);
            }
        }
    }
}
