using System.Diagnostics;

namespace Cherry.Integration.Tests;

/// <summary>
/// A private PostgreSQL cluster in a temporary folder on a free port, trusting local connections. PostgreSQL
/// refuses to run as root, so under root the cluster belongs to the <c>postgres</c> user the Debian package creates.
/// </summary>
internal sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string _directory;
    private readonly string _pgCtl;

    private PostgresCluster(string directory, int port, string bin)
    {
        _directory = directory;
        Port = port;
        _pgCtl = $"{bin}/pg_ctl -D {directory}/data -o '-p {port} -k {directory} -c listen_addresses=127.0.0.1' -l {directory}/log -w";
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres";

    public static async Task<PostgresCluster> StartAsync()
    {
        var bin = ServerBinary.PostgresBin();
        var directory = Directory.CreateTempSubdirectory("cherry-pg-").FullName;
        if (IsRoot)
        {
            // The cluster's user must be able to enter and own the folder.
            await RunAsync("chown", "postgres", directory);
        }
        var cluster = new PostgresCluster(directory, Ports.Free(), bin);
        await RunAsync("sh", "-c", AsClusterUser($"{bin}/initdb -D {directory}/data -U postgres -A trust > /dev/null"));
        await cluster.StartAgainAsync();
        // pg_ctl leaves the server running on its own: stopped and removed once this test process is gone.
        _ = Process.Start("sh", ["-c", Watchdog.Script("", cluster.StopCommand + "; rm -rf " + directory, $"test -d {directory}")]);
        return cluster;
    }

    public Task StartAgainAsync() => RunAsync("sh", "-c", AsClusterUser(_pgCtl + " start > /dev/null"));

    /// <summary>A fast shutdown: sessions end, committed data stays.</summary>
    public Task StopAsync() => RunAsync("sh", "-c", AsClusterUser(_pgCtl.Replace(" -l ", " -m fast -l ") + " stop > /dev/null"));

    private string StopCommand => AsClusterUser(_pgCtl.Replace(" -l ", " -m immediate -l ") + " stop > /dev/null 2>&1") + " || true";

    public async ValueTask DisposeAsync()
    {
        await RunAsync("sh", "-c", StopCommand);
        Directory.Delete(_directory, recursive: true);
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static string AsClusterUser(string command) => IsRoot ? $"su postgres -c \"{command.Replace("\"", "\\\"")}\"" : command;

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {error}");
        }
    }
}
