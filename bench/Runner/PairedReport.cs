using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using ScottPlot;
using static Runner.Markdown;

namespace Runner;

/// <summary>Where and on what a paired run was measured: the results file says it, so figures can be compared.</summary>
internal sealed record MachineInfo(string Cpu, int Cores, string Kernel, string Runtime, string Commit)
{
    public static MachineInfo Read(string root) => new(
        File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown",
        Environment.ProcessorCount,
        File.ReadAllText("/proc/sys/kernel/osrelease").Trim(),
        RuntimeInformation.FrameworkDescription,
        Git(root, "rev-parse --short HEAD") + (Git(root, "status --porcelain --untracked-files=no").Length > 0 ? " (with uncommitted changes)" : ""));

    private static string Git(string root, string arguments)
    {
        var start = new ProcessStartInfo("git", arguments) { WorkingDirectory = root, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return output;
    }
}

/// <summary>A paired run's figures (issue 17's targets): ratio per scenario with its interval, the sides' latency and RSS.</summary>
internal sealed record PairedReport(DateTime Date, MachineInfo Machine, int Pairs, int Seconds, List<PairedResult> Results)
{
    /// <summary>Issue 17's bars, by scenario and baseline.</summary>
    private static double? Bar(PairedResult result) => (result.Scenario, result.Baseline) switch
    {
        ("plaintext", Paired.Raw) => 0.97,
        (_, Paired.BareMinimal or Paired.StaticMinimal) => 1.0,
        _ => null,
    };

    public string Table()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Paired run {Date:yyyy-MM-dd HH:mm} UTC, commit {Machine.Commit}; {Machine.Cpu}, {Machine.Cores} cores, Linux {Machine.Kernel}, {Machine.Runtime}.\n");
        text.Append(CultureInfo.InvariantCulture, $"All servers resident, pinned to core 0; wrk -t1 -c64 on core 1; {Pairs} pairs of {Seconds} s runs per scenario after warm-up, the order turning each pair.\n");
        text.Append(CultureInfo.InvariantCulture, $"Plaintext and JSON against raw Kestrel and the {Paired.BareMinimal} (two endpoints, nothing else: bench/Servers/Anchors); static files against the {Paired.StaticMinimal}.\n\n");
        Row(text, ["scenario", "subject / baseline", "median ratio", "95 % interval", "bar", "met", "pair ratios"]);
        Row(text, ["---", "---", "---:", "---:", "---:", "---", "---"]);
        foreach (var r in Results)
        {
            var bar = Bar(r);
            Row(text, [r.Scenario, $"{r.Subject} / {r.Baseline}", F(r.MedianRatio, "F3"), $"{F(r.Interval.Low, "F3")}–{F(r.Interval.High, "F3")}",
                bar is null ? "" : F(bar.Value, "F2"), bar is null ? "" : r.MedianRatio >= bar ? "yes" : "**no**",
                string.Join(" ", r.PairRatios.Select(p => F(p, "F2")))]);
        }
        text.Append("\nEach side: median req/s, p50 / p99 latency (ms), RSS at the end (MiB)\n\n");
        Row(text, ["scenario", "server", "req/s", "p50 / p99", "RSS", "errors"]);
        Row(text, ["---", "---", "---:", "---:", "---:", "---:"]);
        foreach (var (scenario, server, side) in Results.SelectMany(r => new[] { (r.Scenario, Server: r.Subject, Side: r.SubjectSide), (r.Scenario, Server: r.Baseline, Side: r.BaselineSide) }).DistinctBy(s => (s.Scenario, s.Server)))
        {
            Row(text, [scenario, server, F(side.RequestsPerSecond, "N0"), $"{F(side.P50Ms, "F2")} / {F(side.P99Ms, "F2")}", F(side.RssBytes / 1048576.0, "F0"), side.Errors.ToString(CultureInfo.InvariantCulture)]);
        }
        return text.ToString();
    }

    /// <summary>Median ratio per scenario and baseline, with the bootstrap interval as error bars and 1.0 marked.</summary>
    public void Chart(string path)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var baselines = Results.Select(r => r.Baseline).Distinct().ToList();
        var scenarios = Results.Select(r => r.Scenario).Distinct().ToList();
        var width = baselines.Count + 1;
        for (var b = 0; b < baselines.Count; b++)
        {
            var results = Results.Where(r => r.Baseline == baselines[b]).ToList();
            plot.Add.Bars(results.Select(r => new Bar
            {
                Position = scenarios.IndexOf(r.Scenario) * width + b,
                Value = r.MedianRatio,
                FillColor = palette.GetColor(b),
            }).ToList()).LegendText = "Cherry (AOT) / " + baselines[b];
            // The interval is drawn after the bars, so the part of it below the bar's top stays visible.
            foreach (var r in results)
            {
                var position = scenarios.IndexOf(r.Scenario) * width + b;
                var range = plot.Add.Line(position, r.Interval.Low, position, r.Interval.High);
                range.Color = Colors.Black;
                range.LineWidth = 2;
            }
        }
        plot.Add.HorizontalLine(1.0, color: Colors.Gray, pattern: LinePattern.Dashed);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            scenarios.Select((name, i) => new Tick(i * width + (baselines.Count - 1) / 2.0, name)).ToArray());
        plot.Axes.SetLimitsY(0, 1.4);
        plot.Axes.Left.Label.Text = "req/s ratio, median of pairs (bar: 95 % interval)";
        plot.Title($"Cherry against its baselines, paired, {Date:yyyy-MM-dd} ({Machine.Commit})");
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, 1200, 600);
    }
}
