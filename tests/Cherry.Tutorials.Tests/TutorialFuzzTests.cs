using Cherry.Integration.Tests;
using Tutorials;
using Xunit.Abstractions;

namespace Cherry.Tutorials.Tests;

/// <summary>The integration tests' request fuzzer on every tutorial, in Production: no 5xx and no hang.</summary>
public sealed class TutorialFuzzTests(ITestOutputHelper output)
{
    // Every tutorial's pages; tut10's /error (the status the client asks for) and /messageArg (a 500 with a message) fail on purpose: left out.
    private static readonly string[] Paths =
    [
        "/", "/index", "/show_msg", "/greetUser", "/greet_user", "/joke/", "/links/", "/links/extra/", "/another/", "/remi",
        "/upload", "/download", "/toggleTracebacks", "/files/pdf_file.pdf", "/nonexistent",
    ];

    public static TheoryData<string> Names => new(Tutorial.All.Select(t => t.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Random_requests_never_get_a_5xx_or_hang(string name)
    {
        var tutorial = Tutorial.Find(name)!;
        await using var server = await CherryServer.StartAsync(tutorial.Map, tutorial.Configure, environment: "Production",
            services: tutorial.AddServices, contentRoot: AppContext.BaseDirectory);

        var (failures, summary) = await FuzzRunner.RunAsync(server.Address, Paths, 400);
        output.WriteLine(summary);

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }
}
