using System.Diagnostics;

namespace Cherry.Integration.Tests;

/// <summary>
/// The Redis server the cache tests use: the one .ci/run started (CHERRY_REDIS=host:port), else one started here
/// from the installed redis-server for this test run. A missing server fails the test rather than skipping it.
/// </summary>
internal static class RedisServer
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? s_address;

    public static async Task<string> EnsureAsync()
    {
        if (Environment.GetEnvironmentVariable("CHERRY_REDIS") is { Length: > 0 } configured)
        {
            return configured;
        }
        await Gate.WaitAsync();
        try
        {
            if (s_address is not null)
            {
                return s_address;
            }
            var port = Ports.Free();
            var process = Process.Start(new ProcessStartInfo("redis-server", $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            }) ?? throw new InvalidOperationException("redis-server did not start; .ci/run installs it (apt package redis-server).");
            AppDomain.CurrentDomain.ProcessExit += (_, _) => process.Kill();
            await Ports.WaitAsync(port);
            return s_address = $"127.0.0.1:{port}";
        }
        finally
        {
            Gate.Release();
        }
    }
}
