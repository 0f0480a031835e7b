using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace Cherry.Conformance.Tests;

/// <summary>One server of the comparison, started as its own process on a free loopback port.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private ServerProcess(string name, Process process, int port, string sessionDirectory)
    {
        Name = name;
        _process = process;
        Port = port;
        SessionDirectory = sessionDirectory;
        Address = new Uri($"http://127.0.0.1:{port}/");
    }

    public string Name { get; }

    public int Port { get; }

    public Uri Address { get; }

    public string SessionDirectory { get; }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static string Setting(string key) =>
        typeof(ServerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    /// <summary>CherryPy 18.8 running shared/conformance/reference_app.py.</summary>
    public static Task<ServerProcess> StartCherryPyAsync() => StartAsync("CherryPy", "/usr/bin/python3", Path.GetFullPath(Setting("ReferenceApp")));

    /// <summary>samples/Conformance, run as <c>dotnet Conformance.dll PORT SESSION_DIR</c>.</summary>
    public static Task<ServerProcess> StartCherryAsync() => StartAsync("Cherry", "dotnet", Path.GetFullPath(Setting("ConformanceApp")));

    /// <summary>
    /// The host of the CherryPy suite's ports (tests/CherryPySuite) serving one test module's app. Its test module's
    /// folder (<c>CHERRY_SUITE_TEST_DIR</c>: the fixtures the ports serve, the session files they write) is
    /// <see cref="SessionDirectory"/>, holding the host's fixtures as run.sh's overlay does.
    /// </summary>
    /// <param name="environment">What cherry_suite.py hands the host besides: CHERRY_SUITE_MEMCACHED.</param>
    public static Task<ServerProcess> StartSuiteModuleAsync(string module, IReadOnlyDictionary<string, string>? environment = null) =>
        StartAsync("CherryPySuite " + module, "dotnet", Path.GetFullPath(Setting("SuiteHost")), module, environment);

    /// <param name="module">For the suite's host: the module, which comes before the port; the apps take the port and a session folder.</param>
    private static async Task<ServerProcess> StartAsync(
        string name, string program, string script, string? module = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        if (!File.Exists(script))
        {
            throw new FileNotFoundException($"{name}: {script} is missing; build the solution first.");
        }
        var port = FreePort();
        var sessions = Directory.CreateTempSubdirectory("conformance-" + name.ToLowerInvariant() + "-").FullName;
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(script)!,
        };
        start.ArgumentList.Add(script);
        if (module is not null)
        {
            start.ArgumentList.Add(module);
        }
        start.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (module is null)
        {
            start.ArgumentList.Add(sessions);
        }
        else
        {
            CopyFixtures(Path.Combine(Path.GetDirectoryName(script)!, "Fixtures"), sessions);
            start.Environment["CHERRY_SUITE_TEST_DIR"] = sessions;
        }
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (variable, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[variable] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + program);
        var server = new ServerProcess(name, process, port, sessions);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitUntilListeningAsync();
        if (module is not null)
        {
            await server.WaitForSuiteReadyLineAsync();
        }
        return server;
    }

    private static void CopyFixtures(string fixtures, string testDirectory)
    {
        foreach (var file in Directory.EnumerateFiles(fixtures, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(testDirectory, Path.GetRelativePath(fixtures, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }

    /// <summary>
    /// The product the suite host's error pages name ("Cherry/0.1.0"), from the line it prints once started
    /// (tests/CherryPySuite/Program.cs), as cherry_suite.py reads it.
    /// </summary>
    public string SuiteProduct => Log.Split('\n').Single(line => line.StartsWith(SuiteReadyLine, StringComparison.Ordinal)).Split(' ')[2];

    private const string SuiteReadyLine = "cherry-suite ready ";

    // The host prints its line after Kestrel has started listening, so the port may answer a moment before.
    private async Task WaitForSuiteReadyLineAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!Log.Contains(SuiteReadyLine, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"{Name} printed no ready line within 60 s:\n{Log}");
            }
            await Task.Delay(10);
        }
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{Log}");
            }
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException($"{Name} did not listen on {Port} within 60 s:\n{Log}");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Directory.Delete(SessionDirectory, recursive: true);
    }
}
