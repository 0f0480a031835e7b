using System.Globalization;
using System.Text;
using static Runner.Markdown;

namespace Runner;

/// <summary>A run's figures, its tables and its verdict on issue 9's targets (each a ratio within this run).</summary>
internal sealed record Report(DateTime Date, bool Quick, int Runs, int Seconds, int Cores, List<string> Servers, List<Measurement> Results, List<StartUpMeasurement> StartUps)
{
    private Measurement? Find(string server, string scenario) => Results.FirstOrDefault(r => r.Server == server && r.Scenario == scenario && r.Available);

    private string Raw => Servers[0];

    private string Minimal => Servers[1];

    private string Cherry => Servers.Last(s => s.StartsWith("Cherry (", StringComparison.Ordinal));

    private string CherryPy => Servers.Last();

    private double? Ratio(string server, string other, string scenario) =>
        Find(server, scenario) is { } a && Find(other, scenario) is { } b && b.RequestsPerSecond > 0 ? a.RequestsPerSecond / b.RequestsPerSecond : null;

    public string Table()
    {
        var text = new StringBuilder();
        var scenarios = Scenario.All.Select(s => s.Name).ToList();
        text.Append(CultureInfo.InvariantCulture, $"Run {Date:yyyy-MM-dd HH:mm} UTC{(Quick ? " (--quick)" : "")}: {Cores} cores, server on core 0, wrk -t1 -c64 on core 1, ");
        text.Append(CultureInfo.InvariantCulture, $"median of {Runs} run(s) of {Seconds} s after warm-up.\n\n");
        text.Append("Requests per second (ratio to ").Append(Raw).Append(")\n\n");
        Row(text, ["scenario", .. Servers]);
        Row(text, ["---", .. Servers.Select(_ => "---:")]);
        foreach (var scenario in scenarios)
        {
            Row(text, [scenario, .. Servers.Select(server => Find(server, scenario) is { } m
                ? string.Create(CultureInfo.InvariantCulture, $"{m.RequestsPerSecond:N0} ({Ratio(server, Raw, scenario)?.ToString("F2", CultureInfo.InvariantCulture) ?? "n/a"})")
                : "n/a")]);
        }
        text.Append("\nLatency p50 / p99 (ms) and RSS after the scenario (MiB)\n\n");
        Row(text, ["scenario", .. Servers]);
        Row(text, ["---", .. Servers.Select(_ => "---:")]);
        foreach (var scenario in scenarios)
        {
            Row(text, [scenario, .. Servers.Select(server => Find(server, scenario) is { } m
                ? string.Create(CultureInfo.InvariantCulture, $"{m.P50Ms:F2} / {m.P99Ms:F2}, {m.RssBytes / 1048576.0:F0} MiB")
                : "n/a")]);
        }
        if (StartUps.Count > 0)
        {
            text.Append("\nNative AOT size and time to first response (median of 7 starts)\n\n");
            Row(text, ["app", "binary", "first response"]);
            Row(text, ["---", "---:", "---:"]);
            foreach (var s in StartUps)
            {
                Row(text, [s.App, string.Create(CultureInfo.InvariantCulture, $"{s.BinaryBytes / 1048576.0:F1} MiB"), string.Create(CultureInfo.InvariantCulture, $"{s.FirstResponseMs:F0} ms")]);
            }
        }
        text.Append("\nTargets (").Append(Cherry).Append(")\n\n");
        Row(text, ["target", "measured", "met"]);
        Row(text, ["---", "---:", "---"]);
        Target(text, "plaintext ≥ 0.97× raw Kestrel", Ratio(Cherry, Raw, "plaintext"), 0.97);
        Target(text, "JSON ≥ 1.0× Minimal API", Ratio(Cherry, Minimal, "json"), 1.0);
        Target(text, "chain ≥ 0.9× raw Kestrel", Ratio(Cherry, Raw, "chain: json + auth + cache hit"), 0.9);
        // Serving a file is bounded by copying 1 MB over loopback for every server; the 25× bar is about request handling.
        var dynamic = scenarios.Where(s => s != "static 1 MB");
        Target(text, "≥ 25× CherryPy (lowest dynamic scenario)", dynamic.Select(s => Ratio(Cherry, CherryPy, s)).Where(r => r is not null).DefaultIfEmpty(null).Min(), 25);
        Target(text, "≥ 25× CherryPy (static 1 MB)", Ratio(Cherry, CherryPy, "static 1 MB"), 25);
        var minimal = StartUps.FirstOrDefault(s => s.App == "Minimal API");
        var hello = StartUps.FirstOrDefault(s => s.App == "Hello");
        if (minimal is not null && hello is not null)
        {
            Target(text, "AOT binary (Hello) ≤ 1.1× Minimal AOT", (double)hello.BinaryBytes / minimal.BinaryBytes, 1.1, lowerIsBetter: true);
            Target(text, "start-up (Hello) ≤ Minimal AOT", hello.FirstResponseMs / minimal.FirstResponseMs, 1.0, lowerIsBetter: true);
        }
        text.Append("| 0 B allocated in dispatch | see BenchmarkDotNet (bench/Cherry.Benchmarks) | |\n");
        return text.ToString();
    }

    private static void Target(StringBuilder text, string name, double? ratio, double bar, bool lowerIsBetter = false) =>
        Row(text, [name, ratio is null ? "n/a" : ratio.Value.ToString("F2", CultureInfo.InvariantCulture) + "×",
            ratio is null ? "n/a" : (lowerIsBetter ? ratio <= bar : ratio >= bar) ? "yes" : "**no**"]);
}
