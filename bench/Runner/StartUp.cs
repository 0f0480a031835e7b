using System.Diagnostics;

namespace Runner;

/// <summary>Native AOT size and time to first response: Hello and Conformance against a Minimal API, built in this run.</summary>
internal static class StartUp
{
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(2) };

    public static async Task<List<StartUpMeasurement>> MeasureAsync(string root, string work)
    {
        var apps = new (string Name, string Project, Func<int, string> Arguments, string Path)[]
        {
            ("Minimal API", "bench/Servers/Minimal", port => $"--urls http://127.0.0.1:{port}", "/plaintext"),
            ("Hello", "samples/Hello", port => $"--urls http://127.0.0.1:{port}", "/"),
            ("Conformance", "samples/Conformance", port => $"{port} {Path.Combine(work, "sessions")}", "/"),
        };
        var measurements = new List<StartUpMeasurement>();
        foreach (var (name, project, arguments, path) in apps)
        {
            var binary = Builds.Aot(root, project, work);
            var times = new List<double>();
            for (var i = 0; i < 7; i++)
            {
                times.Add(await FirstResponseAsync(binary, arguments, path));
            }
            times.Sort();
            measurements.Add(new StartUpMeasurement(name, new FileInfo(binary).Length, times[times.Count / 2]));
            Console.WriteLine($"{name}: {new FileInfo(binary).Length / 1048576.0:F1} MiB, first response after {times[times.Count / 2]:F0} ms (median of 7)");
        }
        return measurements;
    }

    private static async Task<double> FirstResponseAsync(string binary, Func<int, string> arguments, string path)
    {
        var port = Builds.FreePort();
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(new ProcessStartInfo("taskset", $"-c 0 {binary} {arguments(port)}") { RedirectStandardOutput = true, RedirectStandardError = true })!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (stopwatch.Elapsed < TimeSpan.FromSeconds(30))
            {
                try
                {
                    using var response = await Client.GetAsync($"http://127.0.0.1:{port}{path}");
                    if (response.IsSuccessStatusCode)
                    {
                        return stopwatch.Elapsed.TotalMilliseconds;
                    }
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(1);
                }
            }
            throw new TimeoutException(binary + " did not answer within 30 s");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
