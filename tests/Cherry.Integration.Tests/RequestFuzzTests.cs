using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Xunit.Abstractions;

namespace Cherry.Integration.Tests;

/// <summary>
/// Random requests (methods, paths, query strings, headers and bodies, well-formed and not) thrown at the whole
/// conformance app over raw sockets, in Production mode: no answer may be a 5xx, none may hang, and the server
/// must answer normally afterwards. Seeded and bounded, so a failure is reproduced by its seed and index.
/// </summary>
public sealed class RequestFuzzTests(ITestOutputHelper output)
{
    // Fixed for CI; CHERRY_FUZZ_SEED and CHERRY_FUZZ_REQUESTS widen a run by hand.
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("CHERRY_FUZZ_SEED"), out var seed) ? seed : 20261127;
    private static readonly int Requests = int.TryParse(Environment.GetEnvironmentVariable("CHERRY_FUZZ_REQUESTS"), out var count) ? count : 10_000;
    private static readonly TimeSpan PerRequest = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Random_requests_never_get_a_5xx_or_hang_and_the_server_lives()
    {
        var sessions = Directory.CreateTempSubdirectory("cherry-fuzz-sessions-");
        await using var server = await CherryServer.StartAsync(
            app => Conformance.ConformanceApp.Map(app, AppContext.BaseDirectory, sessions.FullName),
            environment: "Production",
            services: Conformance.ConformanceApp.AddServices);
        var address = server.Address;

        var random = new Random(Seed);
        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Requests && failures.Count < 10; i++)
        {
            var request = FuzzRequest.Next(random);
            var (status, raw) = await SendAsync(address, request);
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status is 0 or >= 500)
            {
                failures.Add($"#{i} (seed {Seed}) -> {(status == 0 ? "no answer" : status.ToString(System.Globalization.CultureInfo.InvariantCulture))}\n{Encoding.Latin1.GetString(request)[..Math.Min(request.Length, 2000)]}\n---\n{raw[..Math.Min(raw.Length, 600)]}");
            }
        }
        output.WriteLine($"{Requests} requests in {clock.Elapsed.TotalSeconds:F1} s; statuses: {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        var (liveStatus, body) = await SendAsync(address, Encoding.ASCII.GetBytes("GET /?name=alive HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
        Assert.Equal(200, liveStatus);
        Assert.EndsWith("Hello alive", body);
        sessions.Delete(recursive: true);
    }

    /// <summary>The status (0 for no answer in time) and the raw answer.</summary>
    private static async Task<(int Status, string Raw)> SendAsync(Uri server, byte[] request)
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

    private static int ParseStatus(string raw) =>
        raw.StartsWith("HTTP/1.", StringComparison.Ordinal) && raw.Length >= 12 && int.TryParse(raw.AsSpan(9, 3), out var status) ? status : 0;
}
