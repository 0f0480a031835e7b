using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Cherry.Integration.Tests;

/// <summary>
/// A server the test starts as its own OS process and may kill (<c>kill -9</c>) or stop itself; a watchdog ends it
/// with this test process however that ends. Its output is kept for the failure message.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ChildProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static ChildProcess Start(string name, string program, IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        var child = new ChildProcess(name, Process.Start(start) ?? throw new InvalidOperationException(program + " did not start."));
        child._process.OutputDataReceived += (_, e) => child.Append(e.Data);
        child._process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        Watchdog.Guard(child._process.Id);
        return child;
    }

    /// <summary>Waits until the process accepts connections on <paramref name="port"/>; fails with its output if it exits first.</summary>
    public async Task WaitListeningAsync(int port, TimeSpan timeout)
    {
        // Generous: the processes start while the other test classes run on the same two cores.
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{Output}");
            }
            if (await Ports.AcceptsAsync(port))
            {
                return;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"{Name} did not listen on port {port} within {timeout.TotalSeconds} s:\n{Output}");
    }

    /// <summary><c>kill -9</c>: no shutdown, no flushing, connections dropped as a crash drops them.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, the orderly stop (nginx's master stops its workers), then SIGKILL after five seconds.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
