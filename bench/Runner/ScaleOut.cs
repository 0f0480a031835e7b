using System.Globalization;
using System.Text;
using System.Text.Json;
using Cherry.Integration.Tests;

namespace Runner;

/// <summary>One store and instance count of the scale-out run: medians over the runs, req/s summed over the instances.</summary>
internal sealed record ScaleOutResult(string Store, int Instances, double RequestsPerSecond, double P50Ms, double P99Ms, long Errors);

/// <summary>
/// Issue 17's scale-out figure: the session read/write scenario (64 sessions, each request reads and writes one) on
/// one Cherry instance and on two sharing their sessions through Redis and through PostgreSQL, against RAM sessions
/// on one instance. Redis and PostgreSQL are started as the integration tests start them. With two cores, one
/// instance is pinned to core 0 with wrk on core 1; two instances are pinned to cores 0 and 1, each loaded by its own
/// wrk (32 connections, the same 64 sessions), and the wrk processes and the store share the same two cores.
/// </summary>
internal static class ScaleOut
{
    private static readonly Scenario Sessions = Scenario.All.Single(s => s.Sessions);

    public static async Task<List<ScaleOutResult>> RunAsync(string binary, string work, int runs, int seconds)
    {
        var redis = await TestServers.RedisAsync();
        var postgres = await TestServers.PostgresAsync();
        var stores = new (string Name, string Setting, bool Shared)[]
        {
            ("RAM", "", false),
            ("Redis", "redis=" + redis, true),
            ("PostgreSQL", "postgres=" + postgres, true),
        };
        var results = new List<ScaleOutResult>();
        foreach (var (store, setting, shared) in stores)
        {
            foreach (var instances in shared ? new[] { 1, 2 } : [1])
            {
                Console.WriteLine($"  {store}, {instances} instance(s) ...");
                results.Add(await MeasureAsync(binary, work, store, setting, instances, runs, seconds));
            }
        }
        return results;
    }

    private static async Task<ScaleOutResult> MeasureAsync(string binary, string work, string store, string setting, int instances, int runs, int seconds)
    {
        var server = new Server("Cherry (AOT)", binary, ["--urls", "http://127.0.0.1:{port}"], Jit: false);
        var ports = Enumerable.Range(0, instances).Select(_ => Builds.FreePort()).ToArray();
        var environment = new Dictionary<string, string> { ["BENCH_SESSIONS"] = setting };
        var processes = new List<System.Diagnostics.Process>();
        try
        {
            for (var i = 0; i < instances; i++)
            {
                processes.Add(await server.StartAsync(ports[i], work, core: i, environment));
            }
            // The sessions are made on the first instance; with a shared store the second reads and writes the same ones.
            var extra = await Probe.PrepareAsync($"http://127.0.0.1:{ports[0]}", Sessions, work)
                ?? throw new InvalidOperationException($"{store}: the session scenario did not answer");
            var cores = instances == 1 ? "1" : "0,1";
            var connections = 64 / instances;
            await LoadAsync(ports, extra, cores, connections, seconds: 3);
            var measured = new List<WrkResult>();
            for (var run = 0; run < runs; run++)
            {
                var each = await LoadAsync(ports, extra, cores, connections, seconds);
                measured.Add(new WrkResult(each.Sum(r => r.RequestsPerSecond), each.Max(r => r.P50Ms), each.Max(r => r.P99Ms), each.Sum(r => r.Errors)));
            }
            return new ScaleOutResult(store, instances,
                Statistics.Median(measured.Select(m => m.RequestsPerSecond)),
                Statistics.Median(measured.Select(m => m.P50Ms)),
                Statistics.Median(measured.Select(m => m.P99Ms)),
                measured.Sum(m => m.Errors));
        }
        finally
        {
            foreach (var process in processes)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
    }

    /// <summary>One wrk per instance, all at once.</summary>
    private static Task<WrkResult[]> LoadAsync(int[] ports, string[] extra, string cores, int connections, int seconds) =>
        Task.WhenAll(ports.Select(port => Wrk.RunAsync($"http://127.0.0.1:{port}{Sessions.Path}", seconds, extra, cores, connections)));

    public static string Table(MachineInfo machine, DateTime date, int runs, int seconds, List<ScaleOutResult> results)
    {
        var ram = results.Single(r => r.Store == "RAM").RequestsPerSecond;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Scale-out run {date:yyyy-MM-dd HH:mm} UTC, commit {machine.Commit}; {machine.Cpu}, {machine.Cores} cores, Linux {machine.Kernel}, {machine.Runtime}.\n");
        text.Append(CultureInfo.InvariantCulture, $"Session read/write on /session/ (64 sessions), Cherry native AOT; median of {runs} runs of {seconds} s after a 3 s warm-up.\n");
        text.Append("One instance: pinned to core 0, wrk -c64 on core 1. Two instances: pinned to cores 0 and 1, one wrk -c32 each, the wrk processes and the store unpinned on the same two cores.\n\n");
        text.Append("| sessions | instances | req/s | p50 ms | p99 ms | errors | vs RAM, one instance |\n|---|---:|---:|---:|---:|---:|---:|\n");
        foreach (var r in results)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {r.Store} | {r.Instances} | {r.RequestsPerSecond:F0} | {r.P50Ms:F2} | {r.P99Ms:F2} | {r.Errors} | {r.RequestsPerSecond / ram:F2}× |\n");
        }
        return text.ToString();
    }

    public static void Write(string resultsDirectory, MachineInfo machine, DateTime date, int runs, int seconds, List<ScaleOutResult> results)
    {
        var name = "scaleout-" + date.ToString("yyyy-MM-dd-HHmm", CultureInfo.InvariantCulture);
        File.WriteAllText(Path.Combine(resultsDirectory, name + ".json"), JsonSerializer.Serialize(new { date, machine, runs, seconds, results }, new JsonSerializerOptions { WriteIndented = true }));
        var table = Table(machine, date, runs, seconds, results);
        File.WriteAllText(Path.Combine(resultsDirectory, name + ".md"), table);
        Console.WriteLine();
        Console.WriteLine(table);
        Console.WriteLine($"wrote bench/results/{name}.json and .md");
    }
}
