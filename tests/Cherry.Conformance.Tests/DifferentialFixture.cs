using System.Collections.Concurrent;
using System.Text;

namespace Cherry.Conformance.Tests;

/// <summary>CherryPy running reference_app.py and Cherry running samples/Conformance, side by side for the whole class.</summary>
public sealed class DifferentialFixture : IAsyncLifetime
{
    public ServerProcess CherryPy { get; private set; } = null!;

    public ServerProcess Cherry { get; private set; } = null!;

    /// <summary>Each case's outcome, for the table in docs/conformance.md.</summary>
    public ConcurrentDictionary<string, (string Request, string Outcome)> Outcomes { get; } = new();

    public async Task InitializeAsync()
    {
        var cherryPy = ServerProcess.StartCherryPyAsync();
        var cherry = ServerProcess.StartCherryAsync();
        CherryPy = await cherryPy;
        Cherry = await cherry;
    }

    public async Task DisposeAsync()
    {
        WriteReport();
        await CherryPy.DisposeAsync();
        await Cherry.DisposeAsync();
    }

    /// <summary>Writes the outcome table to the test output, and to CHERRY_CONFORMANCE_REPORT when set.</summary>
    private void WriteReport()
    {
        var report = new StringBuilder("| # | request | result |\n|---|---|---|\n");
        foreach (var @case in Cases.All.Where(c => Outcomes.ContainsKey(c.Id)))
        {
            var (request, outcome) = Outcomes[@case.Id];
            report.Append($"| {@case.Id} | {request.Replace("|", "\\|")} | {outcome} |\n");
        }
        var counts = Outcomes.Values.GroupBy(o => o.Outcome.Split(':')[0]).Select(g => $"{g.Key} {g.Count()}");
        report.Append('\n').Append(string.Join(", ", counts)).Append('\n');
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "conformance-results.md"), report.ToString());
        if (Environment.GetEnvironmentVariable("CHERRY_CONFORMANCE_REPORT") is { Length: > 0 } path)
        {
            File.WriteAllText(path, report.ToString());
        }
    }
}
