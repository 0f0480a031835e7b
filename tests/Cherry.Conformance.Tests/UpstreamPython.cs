using System.Diagnostics;

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

    /// <summary>Runs <paramref name="script"/> and returns what it printed; a non-zero exit fails the test with its stderr.</summary>
    public static async Task<string> RunAsync(string script)
    {
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PYTHONPATH"] = SuiteFolder;
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(script);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, "python failed:\n" + error);
        return (await output).Trim();
    }
}
