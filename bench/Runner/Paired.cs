using System.Diagnostics;

namespace Runner;

/// <summary>
/// A paired comparison (issue 17): every server of a scenario is resident at once, pinned to the same core, and wrk
/// loads them in turn in short runs. The machine's drift (up to 30 % between sequential runs here) then hits both
/// sides of a pair alike, and the ratio within each pair is what gets reported.
/// </summary>
internal static class Paired
{
    /// <summary>One compared scenario: the server measured (first) against each baseline.</summary>
    public sealed record Comparison(string Scenario, string Path, string Subject, string[] Baselines);

    public static readonly Comparison[] All =
    [
        new("plaintext", "/plaintext", "Cherry (AOT)", ["raw Kestrel (AOT)", "Minimal API (AOT)"]),
        new("json", "/json", "Cherry (AOT)", ["raw Kestrel (AOT)", "Minimal API (AOT)"]),
        new("static 1 KB", "/static/1kb.bin", "Cherry (AOT)", ["Minimal API (AOT)"]),
        new("static 100 KB", "/static/100kb.bin", "Cherry (AOT)", ["Minimal API (AOT)"]),
        new("static 1 MB", "/static/1mb.bin", "Cherry (AOT)", ["Minimal API (AOT)"]),
    ];

    /// <summary>The files the static scenarios serve, written into the run's static folder.</summary>
    public static readonly (string Name, int Bytes)[] StaticFiles = [("1kb.bin", 1 << 10), ("100kb.bin", 100 << 10), ("1mb.bin", 1 << 20)];

    public static async Task<List<PairedResult>> RunAsync(IReadOnlyList<Server> servers, string staticDirectory, int pairs, int seconds, int warmSeconds, IReadOnlyList<string> only)
    {
        var processes = new Dictionary<string, (Process Process, string BaseUrl)>();
        try
        {
            foreach (var server in servers)
            {
                var port = Builds.FreePort();
                processes[server.Name] = (await server.StartAsync(port, staticDirectory), $"http://127.0.0.1:{port}");
            }
            var results = new List<PairedResult>();
            foreach (var comparison in All.Where(c => only.Count == 0 || only.Contains(c.Scenario)))
            {
                string[] names = [comparison.Subject, .. comparison.Baselines];
                foreach (var name in names)
                {
                    await Probe.ExpectOkAsync(processes[name].BaseUrl + comparison.Path);
                }
                Console.WriteLine($"{comparison.Scenario}: warming up {string.Join(", ", names)}");
                foreach (var name in names)
                {
                    await Wrk.RunAsync(processes[name].BaseUrl + comparison.Path, warmSeconds, []);
                }
                var samples = names.ToDictionary(n => n, _ => new List<WrkResult>());
                for (var pair = 0; pair < pairs; pair++)
                {
                    // The order turns every pair, so no server always runs right after another one's load.
                    foreach (var name in Rotate(names, pair))
                    {
                        samples[name].Add(await Wrk.RunAsync(processes[name].BaseUrl + comparison.Path, seconds, []));
                    }
                    Console.WriteLine($"  pair {pair + 1}: " + string.Join("  ", names.Select(n => $"{n} {samples[n][^1].RequestsPerSecond:F0}")));
                }
                foreach (var baseline in comparison.Baselines)
                {
                    var ratios = samples[comparison.Subject].Zip(samples[baseline], (a, b) => a.RequestsPerSecond / b.RequestsPerSecond).ToList();
                    var result = new PairedResult(
                        comparison.Scenario, comparison.Subject, baseline, ratios,
                        Statistics.Median(ratios), Statistics.BootstrapMedianInterval(ratios),
                        Side.Of(samples[comparison.Subject], Server.RssBytes(processes[comparison.Subject].Process)),
                        Side.Of(samples[baseline], Server.RssBytes(processes[baseline].Process)));
                    results.Add(result);
                    Console.WriteLine($"  {comparison.Subject} / {baseline}: {result.MedianRatio:F3} (95 % {result.Interval.Low:F3}–{result.Interval.High:F3})");
                }
            }
            return results;
        }
        finally
        {
            foreach (var (process, _) in processes.Values)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                process.Dispose();
            }
        }
    }

    private static IEnumerable<string> Rotate(string[] names, int by) => names.Skip(by % names.Length).Concat(names.Take(by % names.Length));
}

/// <summary>One side of a pair over all its runs: median req/s, p50, p99, and RSS at the end.</summary>
internal sealed record Side(double RequestsPerSecond, double P50Ms, double P99Ms, long Errors, long RssBytes)
{
    public static Side Of(List<WrkResult> runs, long rss) => new(
        Statistics.Median(runs.Select(r => r.RequestsPerSecond)), Statistics.Median(runs.Select(r => r.P50Ms)),
        Statistics.Median(runs.Select(r => r.P99Ms)), runs.Sum(r => r.Errors), rss);
}

/// <summary>A subject against one baseline in one scenario: the ratio of each pair, their median and its interval.</summary>
internal sealed record PairedResult(string Scenario, string Subject, string Baseline, List<double> PairRatios, double MedianRatio, Interval Interval, Side SubjectSide, Side BaselineSide);
