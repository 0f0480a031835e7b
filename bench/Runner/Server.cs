using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Runner;

/// <summary>
/// A server under test: how to start it, with the environment that picks its scenario or store, pinned to a core (0
/// unless told), on a loopback port.
/// </summary>
internal sealed record Server(string Name, string Program, string[] Arguments, bool Jit, IReadOnlyDictionary<string, string>? Environment = null)
{
    public async Task<Process> StartAsync(int port, string staticDirectory, int core = 0)
    {
        var start = new ProcessStartInfo("taskset") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-c", core.ToString(), Program }.Concat(Arguments.Select(a => a.Replace("{port}", port.ToString()))))
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["BENCH_STATIC_DIR"] = staticDirectory;
        foreach (var (name, value) in Environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        start.Environment["DOTNET_TieredPGO"] = "1";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return process;
            }
            catch (SocketException) when (!process.HasExited)
            {
                await Task.Delay(20);
            }
        }
        throw new InvalidOperationException($"{Name} did not start on port {port}");
    }

    /// <summary>Ends a started server (taskset and what it runs).</summary>
    public static async Task StopAsync(Process process)
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }

    /// <summary>Resident memory of the process, from /proc.</summary>
    public static long RssBytes(Process process)
    {
        foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
            }
        }
        return 0;
    }
}
