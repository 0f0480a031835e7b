using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Runner;

// bench/run.sh: builds every server, runs each pinned to core 0 with wrk pinned to core 1, and reports req/s,
// p50/p99 and RSS per scenario with the ratio to raw Kestrel; then AOT size and start-up against Minimal API.
//   bench/run.sh [--quick] [--runs N] [--seconds S]
//   bench/run.sh --paired [--pairs N] [--seconds S] [--only plaintext,json]   issue 17's paired comparison (Paired.cs)
//   bench/run.sh --scale-out [--pairs N] [--seconds S] [--only sessions,postgres,hit,miss]   issue 27's scale-out
//       figures, each a ratio to its anchor, paired, with one and two instances per side (ScaleOut.cs)
//   bench/run.sh --report bench/results/<date>.json   redraws the table and chart of an earlier run
var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
if (args.SkipWhile(a => a != "--report").Skip(1).FirstOrDefault() is { } earlier)
{
    var saved = JsonSerializer.Deserialize<Report>(File.ReadAllText(earlier))!;
    File.WriteAllText(Path.ChangeExtension(earlier, ".md"), saved.Table());
    Chart.Write(saved, Path.ChangeExtension(earlier, ".png"));
    Console.WriteLine(saved.Table());
    return;
}
var quick = args.Contains("--quick");
var runs = Option("--runs", quick ? 1 : 3);
var seconds = Option("--seconds", quick ? 1 : 10);
var warmSeconds = quick ? 1 : 3; // per scenario: 21 s per server in a full run, past JIT tiering
var work = Directory.CreateTempSubdirectory("cherry-bench-").FullName;
var staticDirectory = Path.Combine(work, "static");
Directory.CreateDirectory(staticDirectory);
foreach (var (name, bytes) in Paired.StaticFiles)
{
    var data = new byte[bytes];
    new Random(1).NextBytes(data);
    File.WriteAllBytes(Path.Combine(staticDirectory, name), data);
}
var resultsDirectory = Path.Combine(root, "bench", "results");
Directory.CreateDirectory(resultsDirectory);

if (args.Contains("--scale-out"))
{
    var pairs = Option("--pairs", 8);
    var pairSeconds = Option("--seconds", 5);
    var only = List("--only");
    if (only.Except(ScaleOut.Keys).FirstOrDefault() is { } unknown)
    {
        throw new ArgumentException($"--only takes {string.Join(", ", ScaleOut.Keys)}, not '{unknown}'");
    }
    var date = DateTime.UtcNow;
    var scaledOut = await ScaleOut.RunAsync(root, work, pairs, pairSeconds, only);
    ScaleOut.Write(resultsDirectory, MachineInfo.Read(root), date, pairs, pairSeconds, scaledOut);
    Directory.Delete(work, recursive: true);
    return;
}

if (args.Contains("--paired"))
{
    // Issue 17's method: the compared servers resident together, loaded alternately; see Paired.
    var pairs = Option("--pairs", 8);
    var pairSeconds = Option("--seconds", 5);
    var comparisons = Paired.Selected(List("--only"));
    var compared = comparisons.SelectMany(c => c.Baselines.Prepend(c.Subject)).ToHashSet();
    Console.WriteLine($"publishing {string.Join(", ", compared)} with native AOT ...");
    string[] urls = ["--urls", "http://127.0.0.1:{port}"];
    (string Name, string Project, Dictionary<string, string>? Environment)[] candidates =
    [
        (Paired.Raw, "bench/Servers/Raw", null),
        (Paired.BareMinimal, "bench/Servers/Anchors", new() { ["BENCH_ANCHOR"] = "plaintext" }),
        (Paired.StaticMinimal, "bench/Servers/Minimal", null),
        (Paired.Cherry, "bench/Servers/CherryBench", null),
    ];
    var resident = candidates.Where(c => compared.Contains(c.Name))
        .Select(c => new Server(c.Name, Builds.Aot(root, c.Project, work), urls, Jit: false, c.Environment)).ToList();
    var machine = MachineInfo.Read(root);
    var paired = new PairedReport(DateTime.UtcNow, machine, pairs, pairSeconds,
        await Paired.RunAsync(resident, comparisons, staticDirectory, pairs, pairSeconds, warmSeconds: 5));
    var name = "paired-" + paired.Date.ToString("yyyy-MM-dd-HHmm", CultureInfo.InvariantCulture);
    File.WriteAllText(Path.Combine(resultsDirectory, name + ".json"), JsonSerializer.Serialize(paired, new JsonSerializerOptions { WriteIndented = true }));
    File.WriteAllText(Path.Combine(resultsDirectory, name + ".md"), paired.Table());
    paired.Chart(Path.Combine(resultsDirectory, name + ".png"));
    Console.WriteLine();
    Console.WriteLine(paired.Table());
    Console.WriteLine($"wrote bench/results/{name}.json, .md and .png");
    Directory.Delete(work, recursive: true);
    return;
}

Console.WriteLine($"building servers ({(quick ? "quick: JIT builds only" : "JIT and native AOT")}) ...");
var servers = new List<Server>();
string Build(string project) => Builds.Jit(root, project);
if (quick)
{
    servers.Add(new("raw Kestrel (JIT)", "dotnet", [Build("Raw"), "--urls", "http://127.0.0.1:{port}"], Jit: true));
    servers.Add(new("Minimal API (JIT)", "dotnet", [Build("Minimal"), "--urls", "http://127.0.0.1:{port}"], Jit: true));
}
else
{
    servers.Add(new("raw Kestrel (AOT)", Builds.Aot(root, "bench/Servers/Raw", work), ["--urls", "http://127.0.0.1:{port}"], Jit: false));
    servers.Add(new("Minimal API (AOT)", Builds.Aot(root, "bench/Servers/Minimal", work), ["--urls", "http://127.0.0.1:{port}"], Jit: false));
}
servers.Add(new("MVC (JIT)", "dotnet", [Build("Mvc"), "--urls", "http://127.0.0.1:{port}"], Jit: true));
servers.Add(new("Cherry (JIT)", "dotnet", [Build("CherryBench"), "--urls", "http://127.0.0.1:{port}"], Jit: true));
if (!quick)
{
    servers.Add(new("Cherry (AOT)", Builds.Aot(root, "bench/Servers/CherryBench", work), ["--urls", "http://127.0.0.1:{port}"], Jit: false));
}
servers.Add(new("CherryPy 18.8", "/usr/bin/python3", [Path.Combine(root, "bench/Servers/cherrypy_bench.py"), "{port}"], Jit: false));

var results = new List<Measurement>();
foreach (var server in servers)
{
    var port = Builds.FreePort();
    var process = await server.StartAsync(port, staticDirectory);
    try
    {
        var baseUrl = $"http://127.0.0.1:{port}";
        var ready = new Dictionary<Scenario, string[]?>();
        foreach (var scenario in Scenario.All)
        {
            ready[scenario] = await Probe.PrepareAsync(baseUrl, scenario, work);
        }
        Console.WriteLine($"{server.Name}: warming up");
        foreach (var (scenario, extra) in ready.Where(r => r.Value is not null))
        {
            await Wrk.RunAsync(baseUrl + scenario.Path, warmSeconds, extra!);
        }
        foreach (var scenario in Scenario.All)
        {
            if (ready[scenario] is not { } extra)
            {
                results.Add(Measurement.NotAvailable(server.Name, scenario.Name));
                Console.WriteLine($"  {scenario.Name,-32} n/a");
                continue;
            }
            var samples = new List<WrkResult>();
            for (var run = 0; run < runs; run++)
            {
                samples.Add(await Wrk.RunAsync(baseUrl + scenario.Path, seconds, extra));
            }
            var measurement = Measurement.Of(server.Name, scenario.Name, samples, Server.RssBytes(process));
            results.Add(measurement);
            Console.WriteLine($"  {scenario.Name,-32} {measurement.RequestsPerSecond,10:F0} req/s  p50 {measurement.P50Ms:F2} ms  p99 {measurement.P99Ms:F2} ms  errors {measurement.Errors}");
        }
    }
    finally
    {
        await Server.StopAsync(process);
    }
}

var startUps = quick ? [] : await StartUp.MeasureAsync(root, work);
var report = new Report(DateTime.UtcNow, quick, runs, seconds, Environment.ProcessorCount, servers.Select(s => s.Name).ToList(), results, startUps);
Console.WriteLine();
Console.WriteLine(report.Table());
var stamp = report.Date.ToString("yyyy-MM-dd" + (quick ? "'-quick'" : ""), CultureInfo.InvariantCulture);
File.WriteAllText(Path.Combine(resultsDirectory, stamp + ".json"), JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
File.WriteAllText(Path.Combine(resultsDirectory, stamp + ".md"), report.Table());
Chart.Write(report, Path.Combine(resultsDirectory, stamp + ".png"));
Console.WriteLine($"wrote bench/results/{stamp}.json, .md and .png");
Directory.Delete(work, recursive: true);

List<string> List(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault()?.Split(',').ToList() ?? [];

int Option(string name, int fallback) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } value && int.TryParse(value, out var parsed) ? parsed : fallback;
