using System.Diagnostics;

namespace Runner;

/// <summary>
/// A paired comparison (issue 17): every server of a scenario is resident at once, and wrk loads them in turn in
/// short runs. The machine's drift (up to 30 % between sequential runs here) then hits both sides of a pair alike, and
/// the ratio within each pair is what gets reported. <see cref="RunAsync"/> is <c>--paired</c>: one instance each,
/// pinned to core 0; <see cref="ScaleOut"/> loads one or two instances per side the same way.
/// </summary>
internal static class Paired
{
    public const string Raw = "raw Kestrel (AOT)";

    /// <summary>Issue 27's anchor for plaintext and JSON: the two endpoints and nothing else (bench/Servers/Anchors).</summary>
    public const string BareMinimal = "bare Minimal API (AOT)";

    /// <summary>The Minimal API that answers every scenario of the sequential run, StaticFiles included.</summary>
    public const string StaticMinimal = "Minimal API with StaticFiles (AOT)";

    public const string Cherry = "Cherry (AOT)";

    /// <summary>One compared scenario: the server measured (first) against each baseline.</summary>
    public sealed record Comparison(string Scenario, string Path, string Subject, string[] Baselines);

    public static readonly Comparison[] All =
    [
        new("plaintext", "/plaintext", Cherry, [Raw, BareMinimal]),
        new("json", "/json", Cherry, [Raw, BareMinimal]),
        new("static 1 KB", "/static/1kb.bin", Cherry, [StaticMinimal]),
        new("static 100 KB", "/static/100kb.bin", Cherry, [StaticMinimal]),
        new("static 1 MB", "/static/1mb.bin", Cherry, [StaticMinimal]),
    ];

    /// <summary>The files the static scenarios serve, written into the run's static folder.</summary>
    public static readonly (string Name, int Bytes)[] StaticFiles = [("1kb.bin", 1 << 10), ("100kb.bin", 100 << 10), ("1mb.bin", 1 << 20)];

    /// <summary>The comparisons <c>--only</c> names (all without it).</summary>
    public static List<Comparison> Selected(IReadOnlyList<string> only) => All.Where(c => only.Count == 0 || only.Contains(c.Scenario)).ToList();

    /// <summary><c>--paired</c>: the servers the comparisons name, one instance each on core 0, wrk on core 1.</summary>
    public static async Task<List<PairedResult>> RunAsync(IReadOnlyList<Server> servers, IReadOnlyList<Comparison> comparisons, string staticDirectory, int pairs, int seconds, int warmSeconds)
    {
        var instances = new Dictionary<string, Instance>();
        try
        {
            foreach (var server in servers)
            {
                var port = Builds.FreePort();
                instances[server.Name] = new(await server.StartAsync(port, staticDirectory), $"http://127.0.0.1:{port}");
            }
            var results = new List<PairedResult>();
            foreach (var comparison in comparisons)
            {
                var targets = comparison.Baselines.Prepend(comparison.Subject)
                    .Select(name => new Target(name, [instances[name]], comparison.Path, () => [])).ToList();
                foreach (var target in targets)
                {
                    await Probe.ExpectOkAsync(target.Instances[0].BaseUrl + comparison.Path);
                }
                Console.WriteLine($"{comparison.Scenario}:");
                var samples = await AlternateAsync(targets, pairs, seconds, warmSeconds);
                results.AddRange(targets.Skip(1).Select(baseline => Compare(comparison.Scenario, targets[0], baseline, samples)));
            }
            return results;
        }
        finally
        {
            foreach (var instance in instances.Values)
            {
                await Server.StopAsync(instance.Process);
            }
        }
    }

    /// <summary>
    /// Warms every target up, then loads them in turn, <paramref name="pairs"/> times, the order turning every pair so
    /// no target always runs right after another one's load; returns each target's runs by name.
    /// </summary>
    public static async Task<Dictionary<string, List<WrkResult>>> AlternateAsync(IReadOnlyList<Target> targets, int pairs, int seconds, int warmSeconds)
    {
        Console.WriteLine($"  warming up {string.Join(", ", targets.Select(t => t.Name))}");
        foreach (var target in targets)
        {
            await target.RunAsync(warmSeconds);
        }
        var samples = targets.ToDictionary(t => t.Name, _ => new List<WrkResult>());
        for (var pair = 0; pair < pairs; pair++)
        {
            var by = pair % targets.Count;
            foreach (var target in targets.Skip(by).Concat(targets.Take(by)))
            {
                samples[target.Name].Add(await target.RunAsync(seconds));
            }
            Console.WriteLine($"  pair {pair + 1}: " + string.Join("  ", targets.Select(t => $"{t.Name} {samples[t.Name][^1].RequestsPerSecond:F0}")));
        }
        return samples;
    }

    /// <summary>The subject against one baseline: the ratio of each pair, their median and its bootstrap interval.</summary>
    public static PairedResult Compare(string scenario, Target subject, Target baseline, Dictionary<string, List<WrkResult>> samples)
    {
        var ratios = samples[subject.Name].Zip(samples[baseline.Name], (a, b) => a.RequestsPerSecond / b.RequestsPerSecond).ToList();
        var result = new PairedResult(
            scenario, subject.Name, baseline.Name, ratios,
            Statistics.Median(ratios), Statistics.BootstrapMedianInterval(ratios),
            Side.Of(samples[subject.Name], subject.RssBytes()), Side.Of(samples[baseline.Name], baseline.RssBytes()));
        Console.WriteLine($"  {subject.Name} / {baseline.Name}: {result.MedianRatio:F3} (95 % {result.Interval.Low:F3}–{result.Interval.High:F3})");
        return result;
    }
}

/// <summary>A running server instance: its process and its address.</summary>
internal sealed record Instance(Process Process, string BaseUrl);

/// <summary>
/// One side of a pair: the instances of one server, loaded at once by one wrk each, with the wrk arguments a run gets
/// (asked for each wrk, so a script can differ between runs). One instance is on core 0 with wrk -c64 on core 1; with
/// several, instance i is on core i and the 64 connections are split between their wrk processes, on those same cores.
/// </summary>
internal sealed record Target(string Name, IReadOnlyList<Instance> Instances, string Path, Func<string[]> Arguments)
{
    public async Task<WrkResult> RunAsync(int seconds)
    {
        var cores = Instances.Count == 1 ? "1" : string.Join(',', Enumerable.Range(0, Instances.Count));
        var each = await Task.WhenAll(Instances.Select(i => Wrk.RunAsync(i.BaseUrl + Path, seconds, Arguments(), cores, 64 / Instances.Count)));
        return new WrkResult(each.Sum(r => r.RequestsPerSecond), each.Max(r => r.P50Ms), each.Max(r => r.P99Ms), each.Sum(r => r.Errors));
    }

    public long RssBytes() => Instances.Sum(i => Server.RssBytes(i.Process));
}

/// <summary>One side of a pair over all its runs: median req/s, p50, p99, errors, and RSS at the end.</summary>
internal sealed record Side(double RequestsPerSecond, double P50Ms, double P99Ms, long Errors, long RssBytes)
{
    public static Side Of(List<WrkResult> runs, long rss) => new(
        Statistics.Median(runs.Select(r => r.RequestsPerSecond)), Statistics.Median(runs.Select(r => r.P50Ms)),
        Statistics.Median(runs.Select(r => r.P99Ms)), runs.Sum(r => r.Errors), rss);
}

/// <summary>A subject against one baseline in one scenario: the ratio of each pair, their median and its interval.</summary>
internal sealed record PairedResult(string Scenario, string Subject, string Baseline, List<double> PairRatios, double MedianRatio, Interval Interval, Side SubjectSide, Side BaselineSide);
