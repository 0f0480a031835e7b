using System.Text.RegularExpressions;
using Cherry.Integration.Tests.App;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cherry.Integration.Tests;

/// <summary>
/// The specialised path of chains of only the default tools (<see cref="PlainChain"/>): which handlers take it, and that
/// every answer is byte for byte the generic path's, held against the same app with the plan off.
/// </summary>
public sealed partial class PlainChainTests
{
    private static Task<CherryServer> StartAsync(bool plan) =>
        CherryServer.StartAsync(app => app.MapCherry<PlainRoot>("/", o => o.PlanChains = plan), o => o.ShowTracebacks = false);

    private static MountedApp App(CherryServer server) =>
        server.Services.GetRequiredService<EndpointDataSource>().Endpoints.Select(e => e.Metadata.GetMetadata<MountedApp>()).Single(a => a is not null)!;

    private static PlainChain? Plan(MountedApp app, string path) =>
        app.Completed.Single(c => c.Key.Path == path && c.Key.Invoke is not null).Value.Chain.Plain;

    [Fact]
    public async Task A_handler_with_only_the_default_tools_takes_the_plan_and_one_with_another_tool_does_not()
    {
        await using var server = await StartAsync(plan: true);
        var app = App(server);
        Assert.NotNull(Plan(app, "/text"));
        Assert.NotNull(Plan(app, "/typed"));
        Assert.NotNull(Plan(app, "/json"));
        Assert.NotNull(Plan(app, "/dir"));
        Assert.NotNull(app.NotFound!.Chain.Plain);
        Assert.Null(Plan(app, "/zipped"));

        await using var generic = await StartAsync(plan: false);
        Assert.All(App(generic).Completed.Values, c => Assert.Null(c.Chain.Plain));
    }

    public static TheoryData<string> Requests => new(
        "GET / HTTP/1.1",
        "GET /text HTTP/1.1",
        "GET /text?name=x HTTP/1.1",
        "GET /text?name=x&extra=1 HTTP/1.1",
        "GET /text/surplus HTTP/1.1",
        "GET /text?name=%FF HTTP/1.1",
        "HEAD /text HTTP/1.1",
        "POST /text HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 6\r\n\r\nname=y",
        "GET /typed HTTP/1.1",
        "HEAD /typed HTTP/1.1",
        "GET /json HTTP/1.1",
        "GET /json HTTP/1.1\r\nAccept-Charset: iso-8859-1",
        "GET /cafe HTTP/1.1",
        "HEAD /cafe HTTP/1.1",
        "GET /cafe HTTP/1.1\r\nAccept-Charset: iso-8859-1",
        "GET /cafe HTTP/1.1\r\nAccept-Charset: windows-1252",
        "GET /cafe HTTP/1.1\r\nAccept-Charset: utf-16",
        "GET /cafe HTTP/1.1\r\nAccept-Charset: *",
        "GET /cafe HTTP/1.1\r\nAccept-Charset: utf-8;q=0, *;q=0",
        "GET /cafe HTTP/1.1\r\nAccept-Charset: no-such-charset, ascii",
        "GET /cafe HTTP/1.1\r\nAccept-Charset: utf-8;q=nonsense",
        "HEAD /cafe HTTP/1.1\r\nAccept-Charset: ascii",
        "GET /typed HTTP/1.1\r\nAccept-Charset: iso-8859-5",
        "GET /surrogate HTTP/1.1",
        "GET /declared HTTP/1.1",
        "GET /declared HTTP/1.1\r\nAccept-Charset: utf-8",
        "GET /bytes HTTP/1.1",
        "GET /fails HTTP/1.1",
        "GET /missing HTTP/1.1",
        "GET /moved HTTP/1.1",
        "GET /status HTTP/1.1",
        "GET /zipped HTTP/1.1\r\nAccept-Encoding: gzip",
        "GET /dir HTTP/1.1",
        "GET /dir?a=1 HTTP/1.1",
        "HEAD /dir HTTP/1.1",
        "POST /dir HTTP/1.1\r\nContent-Length: 0",
        "GET /dir/ HTTP/1.1",
        "GET /dir/leaf/ HTTP/1.1",
        "GET /nowhere HTTP/1.1",
        "GET /nowhere HTTP/1.1\r\nAccept-Charset: ascii",
        "GET /text HTTP/1.1\r\nHost: bad host",
        "GET /text HTTP/1.0");

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Every_answer_is_the_generic_paths_byte_for_byte(string request)
    {
        await using var planned = await StartAsync(plan: true);
        await using var generic = await StartAsync(plan: false);
        var raw = Raw(request);
        // Twice each, so that the second request meets what the first left behind (the Host remembered as valid).
        for (var i = 0; i < 2; i++)
        {
            var expected = WithoutDate(await Http.RawAsync(generic.Address, raw));
            var actual = WithoutDate(await Http.RawAsync(planned.Address, raw));
            Assert.Equal(expected, actual);
        }
    }

    /// <summary>The request line and headers given, a Host unless one is given, and the connection closed after the answer.</summary>
    private static string Raw(string request)
    {
        var (head, body) = request.IndexOf("\r\n\r\n", StringComparison.Ordinal) is var end and >= 0
            ? (request[..end], request[(end + 4)..])
            : (request, "");
        var host = head.Contains("\r\nHost:", StringComparison.Ordinal) || head.EndsWith("HTTP/1.0", StringComparison.Ordinal) ? "" : "\r\nHost: localhost";
        return head + host + "\r\nConnection: close\r\n\r\n" + body;
    }

    private static string WithoutDate(string response) => DateHeader().Replace(response, "Date: (masked)\r\n");

    [GeneratedRegex("^Date: [^\r]*\r\n", RegexOptions.Multiline)]
    private static partial Regex DateHeader();
}
