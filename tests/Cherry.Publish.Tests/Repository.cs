using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;

namespace Cherry.Publish.Tests;

/// <summary>Paths in this checkout and helpers to run the SDK and the programs it builds.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot([CallerFilePath] string caller = "")
    {
        var directory = new DirectoryInfo(Path.GetDirectoryName(caller)!);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Cherry.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Cherry.sln not found above " + caller);
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, string arguments, string workingDirectory, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        // Builds started here must not reuse the test run's build servers or node processes.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {arguments} did not finish within {timeout}:\n{output}");
        }
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Starts a server program and waits until it answers on <paramref name="port"/> (up to <paramref name="wait"/>,
    /// 30 s by default); what it prints goes to <paramref name="output"/> when given.
    /// </summary>
    public static async Task<(Process Process, TimeSpan StartUp)> StartServerAsync(string fileName, string arguments, int port,
        string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null, StringBuilder? output = null, TimeSpan? wait = null)
    {
        var stopwatch = Stopwatch.StartNew();
        var start = new ProcessStartInfo(fileName, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (output is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (output is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var limit = wait ?? TimeSpan.FromSeconds(30);
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return (process, stopwatch.Elapsed);
            }
            catch (SocketException)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"{fileName} exited with {process.ExitCode} before listening.");
                }
                await Task.Delay(10);
            }
        }
        process.Kill(entireProcessTree: true);
        throw new TimeoutException($"{fileName} did not listen on {port} within {limit}.");
    }
}
