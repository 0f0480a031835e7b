namespace Cherry.Conformance.Tests;

/// <summary>
/// Debian's Python running lines of CherryPy's own tests against a port of their app, with CherryPy's own client
/// (tests/CherryPySuite/suite_case.py), so that the lines keep the form upstream wrote them in.
/// </summary>
internal static class UpstreamPython
{
    private static readonly string SuiteFolder = Path.GetFullPath(Path.Combine(ServerProcess.Setting("RepositoryRoot"), "tests", "CherryPySuite"));

    /// <summary>
    /// Runs the lines of an upstream test body with <c>self</c> a CPWebCase bound to <paramref name="host"/>, as
    /// <c>CPWebCase.setup_class</c> leaves it; <c>until(condition, what)</c> waits on the server's clock. A failed
    /// assertion fails the test with Python's traceback.
    /// </summary>
    public static async Task RunTestLinesAsync(ServerProcess host, string lines)
    {
        var script = $"from suite_case import case, until\nself = case({host.Port}, '{host.SuiteProduct}')\n{lines}\nprint('ok')\n";
        Assert.Equal("ok", await RunAsync(script));
    }

    /// <summary>Runs <paramref name="script"/> with the suite's folder on the path and returns what it printed.</summary>
    public static async Task<string> RunAsync(string script) =>
        (await Cherry.Integration.Tests.Python.RunAsync(script, environment: new Dictionary<string, string> { ["PYTHONPATH"] = SuiteFolder })).Trim();
}
