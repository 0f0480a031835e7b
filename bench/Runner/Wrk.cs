using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Runner;

/// <summary>One wrk run's figures.</summary>
internal sealed record WrkResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Errors);

/// <summary>Runs wrk (Debian's package) pinned to core 1 (or the cores given) and reads its summary.</summary>
internal static partial class Wrk
{
    public static async Task<WrkResult> RunAsync(string url, int seconds, IEnumerable<string> extra, string cores = "1", int connections = 64)
    {
        var start = new ProcessStartInfo("taskset") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-c", cores, "wrk", "-t1", $"-c{connections}", $"-d{seconds}s", "--latency" }.Concat(extra).Append(url))
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var rps = double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var errors = Errors().Matches(output).Sum(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            + (Non2xx().Match(output) is { Success: true } non2xx ? long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture) : 0);
        return new WrkResult(rps, Percentile(output, "50%"), Percentile(output, "99%"), errors);
    }

    /// <summary>
    /// Arguments for a wrk whose every request adds a query string no request had before (a new prefix per call), so
    /// a cache keyed by the URL misses each time and stores a new entry.
    /// </summary>
    public static string[] UniqueQueries(string work)
    {
        var run = Guid.NewGuid().ToString("N");
        var script = Path.Combine(work, $"miss-{run}.lua");
        File.WriteAllText(script, $"local n = 0\nrequest = function() n = n + 1 return wrk.format(\"GET\", wrk.path .. \"?miss={run}-\" .. n) end\n");
        return ["-s", script];
    }

    private static double Percentile(string output, string label)
    {
        var match = Regex.Match(output, @"^\s*" + Regex.Escape(label) + @"\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"(?:connect|read|write|timeout) (\d+)")]
    private static partial Regex Errors();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex Non2xx();
}
