using System.Diagnostics;

namespace Cherry.Integration.Tests;

/// <summary>
/// The shared servers the store tests use, started once per test run from the installed binaries on free loopback
/// ports and stopped when the run ends, as Testcontainers would without Docker. An environment variable
/// (CHERRY_REDIS=host:port, CHERRY_MEMCACHED=host:port, CHERRY_POSTGRES=connection string) points at a server
/// someone else runs instead.
/// </summary>
internal static class TestServers
{
    private static readonly Lazy<Task<string>> Redis = new(StartRedisAsync);
    private static readonly Lazy<Task<string>> Memcached = new(StartMemcachedAsync);
    private static readonly Lazy<Task<string>> Postgres = new(StartPostgresAsync);

    public static Task<string> RedisAsync() => Configured("CHERRY_REDIS") ?? Redis.Value;

    public static Task<string> MemcachedAsync() => Configured("CHERRY_MEMCACHED") ?? Memcached.Value;

    public static Task<string> PostgresAsync() => Configured("CHERRY_POSTGRES") ?? Postgres.Value;

    private static Task<string>? Configured(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? Task.FromResult(value) : null;

    private static async Task<string> StartRedisAsync()
    {
        var port = Ports.Free();
        StartUntilExit(ServerBinary.Require("redis-server", "redis-server"), "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no");
        await Ports.WaitAsync(port);
        return $"127.0.0.1:{port}";
    }

    private static async Task<string> StartMemcachedAsync()
    {
        var port = Ports.Free();
        string[] arguments = ["-l", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-m", "64"];
        // memcached refuses to run as root unless told whom to run as.
        StartUntilExit(ServerBinary.Require("memcached", "memcached"), Environment.UserName == "root" ? [.. arguments, "-u", "nobody"] : arguments);
        await Ports.WaitAsync(port);
        return $"127.0.0.1:{port}";
    }

    private static async Task<string> StartPostgresAsync() => (await PostgresCluster.StartAsync()).ConnectionString;

    /// <summary>
    /// Starts a server under a watchdog shell that ends it once this test process is gone, however it ends
    /// (ProcessExit handlers do not run when the test host is killed).
    /// </summary>
    private static void StartUntilExit(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo("sh") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Watchdog.Script("\"$0\" \"$@\" & child=$!", "kill $child 2>/dev/null", "kill -0 $child 2>/dev/null"));
        start.ArgumentList.Add(program);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        _ = Process.Start(start) ?? throw new InvalidOperationException(program + " did not start.");
    }
}

/// <summary>Shell scripts that tie a server's life to this test process's.</summary>
internal static class Watchdog
{
    /// <summary>Runs <paramref name="start"/>, then <paramref name="stop"/> once this process or <paramref name="alive"/> fails.</summary>
    public static string Script(string start, string stop, string alive = "true") =>
        $"{start}\nwhile kill -0 {Environment.ProcessId} 2>/dev/null && {alive}; do sleep 1; done\n{stop}";

    /// <summary>Stops process <paramref name="id"/> (SIGTERM) once this process is gone; leaves once it has ended.</summary>
    public static void Guard(int id) =>
        Process.Start("sh", ["-c", Script("", $"kill {id} 2>/dev/null", $"kill -0 {id} 2>/dev/null")]).Dispose();
}
