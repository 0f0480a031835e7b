using System.Diagnostics;

namespace Cherry.Integration.Tests;

/// <summary>Debian's Python (the machine's <c>/usr/bin/python3</c>, with CherryPy 18.8 and its clients) as a test's client or oracle.</summary>
public static class Python
{
    /// <summary>
    /// Runs <paramref name="script"/> with <paramref name="arguments"/> as <c>sys.argv[1:]</c> and returns what it
    /// printed; a non-zero exit fails the test with Python's stderr.
    /// </summary>
    public static async Task<string> RunAsync(string script, IEnumerable<string>? arguments = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (var argument in arguments ?? [])
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, "python failed:\n" + error);
        return await output;
    }

    /// <summary>
    /// Runs <paramref name="script"/> on <paramref name="inputs"/>, one a line in a file whose path is <c>sys.argv[1]</c>
    /// (a generated run outgrows a command line), and returns the lines it printed.
    /// </summary>
    public static async Task<string[]> RunLinesAsync(string script, IEnumerable<string> inputs)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllLinesAsync(file, inputs);
            return (await RunAsync(script, [file])).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
