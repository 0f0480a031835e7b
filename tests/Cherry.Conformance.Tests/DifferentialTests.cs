using System.Text.RegularExpressions;

namespace Cherry.Conformance.Tests;

/// <summary>
/// Sends every case to CherryPy and to Cherry and compares the answers; a listed deviation asserts Cherry's own
/// behaviour instead. Anything else that differs fails.
/// </summary>
[Trait("Category", "Slow")]
[TestCaseOrderer("Cherry.Conformance.Tests.CaseOrderer", "Cherry.Conformance.Tests")]
public sealed partial class DifferentialTests(DifferentialFixture fixture) : IClassFixture<DifferentialFixture>
{
    public static TheoryData<string> CaseIds => [.. Cases.All.Select(c => c.Id)];

    [Theory]
    [MemberData(nameof(CaseIds))]
    public async Task Each_case_matches_CherryPy_or_is_a_listed_deviation(string id)
    {
        var @case = Cases.All.Single(c => c.Id == id);
        var referenceState = new CaseState();
        var cherryState = new CaseState();
        var reference = new Sender(fixture.CherryPy);
        var cherry = new Sender(fixture.Cherry);
        var differences = new List<string>();
        var deviated = new List<Observed>();
        var compared = (Reference: new List<Observed>(), Cherry: new List<Observed>());
        for (var i = 0; i < @case.Steps.Length; i++)
        {
            var step = @case.Steps[i];
            if (step.Delay > TimeSpan.Zero)
            {
                await Task.Delay(step.Delay);
            }
            var referenceStep = step.Prepare?.Invoke(step, referenceState) ?? step;
            var cherryStep = step.Prepare?.Invoke(step, cherryState) ?? step;
            var referenceAnswer = reference.SendAsync(referenceStep, referenceStep.WithCookies ? referenceState.CookieHeader : "");
            var cherryAnswer = cherry.SendAsync(cherryStep, cherryStep.WithCookies ? cherryState.CookieHeader : "");
            var (expected, actual) = (await referenceAnswer, await cherryAnswer);
            referenceState.Remember(referenceStep, expected);
            cherryState.Remember(cherryStep, actual);
            deviated.Add(actual);
            if (!@case.StepDeviates(i))
            {
                differences.AddRange(Comparison.Differences(step, expected, fixture.CherryPy, actual, fixture.Cherry)
                    .Select(d => $"step {i + 1} ({step}): {d}"));
                compared.Reference.Add(expected);
                compared.Cherry.Add(actual);
            }
        }
        differences.AddRange(Comparison.EntityTagDifferences(compared.Reference, compared.Cherry));
        var outcome = differences.Count > 0 ? "FAIL: " + string.Join("; ", differences) : @case.Deviation is { } d ? "deviation: " + d.Reason : "match";
        fixture.Outcomes[@case.Id] = (@case.Request, outcome);
        Assert.True(differences.Count == 0, $"{@case.Id} {@case.Request}\n{string.Join("\n", differences)}");
        @case.Deviation?.AssertCherry(deviated);
    }

    /// <summary>A deviation is expected only if docs/conformance.md lists it, with its reason.</summary>
    [Fact]
    public void Every_deviation_is_a_row_of_the_documented_table()
    {
        var document = File.ReadAllText(Path.Combine(ServerProcess.Setting("RepositoryRoot"), "docs", "conformance.md"));
        var areas = TableRow().Matches(document).Select(m => m.Groups[1].Value.Trim()).ToHashSet(StringComparer.Ordinal);
        var missing = Cases.All.Where(c => c.Deviation is not null && !areas.Contains(c.Deviation.Reason)).Select(c => $"{c.Id}: {c.Deviation!.Reason}").ToList();
        Assert.True(missing.Count == 0, "deviations without a row in docs/conformance.md:\n" + string.Join("\n", missing));
    }

    [GeneratedRegex(@"^\| ([^|]+) \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
