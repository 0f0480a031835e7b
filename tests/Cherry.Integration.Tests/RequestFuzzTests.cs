using System.Text;
using Xunit.Abstractions;

namespace Cherry.Integration.Tests;

/// <summary>
/// Random requests (methods, paths, query strings, headers and bodies, well-formed and not) thrown at the whole
/// conformance app over raw sockets, in Production mode: no answer may be a 5xx, none may hang, and the server
/// must answer normally afterwards (<see cref="FuzzRunner"/>; the Wiki's test runs the same requests on its paths).
/// </summary>
public sealed class RequestFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Random_requests_never_get_a_5xx_or_hang_and_the_server_lives()
    {
        var sessions = Directory.CreateTempSubdirectory("cherry-fuzz-sessions-");
        await using var server = await CherryServer.StartAsync(
            app => Conformance.ConformanceApp.Map(app, AppContext.BaseDirectory, sessions.FullName),
            environment: "Production",
            services: Conformance.ConformanceApp.AddServices);

        var (failures, summary) = await FuzzRunner.RunAsync(server.Address, FuzzRequest.ConformancePaths, 10_000);
        output.WriteLine(summary);

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        var (liveStatus, body) = await FuzzRunner.SendAsync(server.Address, Encoding.ASCII.GetBytes("GET /?name=alive HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
        Assert.Equal(200, liveStatus);
        Assert.EndsWith("Hello alive", body);
        sessions.Delete(recursive: true);
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nA: b\r\n\r\nbody", 200)]
    [InlineData("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 500 Internal Server Error\r\n\r\n", 500)]
    [InlineData("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: x\r\n\r\nHTTP/1.1 404 Not Found\r\n\r\n", 404)]
    [InlineData("HTTP/1.1 101 Switching Protocols\r\n\r\n", 101)]
    [InlineData("HTTP/1.1 100 Continue\r\n", 0)]
    [InlineData("(timed out)", 0)]
    public void The_runner_judges_the_final_status_not_an_interim_one(string raw, int status) =>
        Assert.Equal(status, FuzzRunner.ParseStatus(raw));
}
