using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Cherry.Integration.Tests;

/// <summary>
/// Throws <see cref="FuzzRequest"/>'s random requests at a running app over raw sockets: no answer may be a 5xx, none may
/// hang. Seeded and bounded, so a failure is reproduced by its seed and index; shared by every sample app's fuzz test.
/// </summary>
internal static class FuzzRunner
{
    // Fixed for CI; CHERRY_FUZZ_SEED and CHERRY_FUZZ_REQUESTS widen a run by hand.
    public static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("CHERRY_FUZZ_SEED"), out var seed) ? seed : 20261127;
    private static readonly TimeSpan PerRequest = TimeSpan.FromSeconds(10);

    /// <summary>Sends <paramref name="requests"/> requests for <paramref name="paths"/>; returns the failures (at most 10) and a summary.</summary>
    public static async Task<(List<string> Failures, string Summary)> RunAsync(Uri address, string[] paths, int requests)
    {
        requests = int.TryParse(Environment.GetEnvironmentVariable("CHERRY_FUZZ_REQUESTS"), out var count) ? count : requests;
        var random = new Random(Seed);
        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < requests && failures.Count < 10; i++)
        {
            var request = FuzzRequest.Next(random, paths);
            var (status, raw) = await SendAsync(address, request);
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status is 0 or >= 500)
            {
                failures.Add($"#{i} (seed {Seed}) -> {(status == 0 ? "no answer" : status.ToString(System.Globalization.CultureInfo.InvariantCulture))}\n{Encoding.Latin1.GetString(request)[..Math.Min(request.Length, 2000)]}\n---\n{raw[..Math.Min(raw.Length, 600)]}");
            }
        }
        return (failures, $"{requests} requests in {clock.Elapsed.TotalSeconds:F1} s; statuses: {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
    }

    /// <summary>The status (0 for no answer in time) and the raw answer.</summary>
    public static async Task<(int Status, string Raw)> SendAsync(Uri server, byte[] request)
    {
        using var timeout = new CancellationTokenSource(PerRequest);
        using var socket = new TcpClient();
        try
        {
            await socket.ConnectAsync(server.Host, server.Port, timeout.Token);
            var stream = socket.GetStream();
            await stream.WriteAsync(request, timeout.Token);
            using var answer = new MemoryStream();
            await stream.CopyToAsync(answer, timeout.Token);
            var raw = Encoding.Latin1.GetString(answer.ToArray());
            return (ParseStatus(raw), raw);
        }
        catch (OperationCanceledException)
        {
            return (0, "(timed out)");
        }
        catch (IOException ex)
        {
            // The server may close a connection it refuses mid-request; what it said first still counts.
            return (0, "(connection error: " + ex.Message + ")");
        }
    }

    /// <summary>
    /// The final status: interim answers (a <c>100 Continue</c> to <c>Expect: 100-continue</c>) come before it, and
    /// reading the first status line alone let a failure after one pass unseen.
    /// </summary>
    internal static int ParseStatus(string raw)
    {
        var start = 0;
        while (raw.AsSpan(start).StartsWith("HTTP/1.") && raw.Length >= start + 12 && int.TryParse(raw.AsSpan(start + 9, 3), out var status))
        {
            if (status is < 100 or > 199 or 101)
            {
                return status;
            }
            var end = raw.IndexOf("\r\n\r\n", start, StringComparison.Ordinal);
            if (end < 0)
            {
                return 0;
            }
            start = end + 4;
        }
        return 0;
    }
}
