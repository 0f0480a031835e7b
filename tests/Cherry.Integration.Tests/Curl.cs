using System.Diagnostics;

namespace Cherry.Integration.Tests;

/// <summary>Runs the real curl client.</summary>
internal static class Curl
{
    public static Task<string> RunAsync(params string[] arguments) => RunAsync(input: null, arguments);

    /// <summary>Runs curl with <paramref name="input"/> on its standard input (what <c>-T -</c> uploads).</summary>
    public static async Task<string> RunAsync(byte[]? input, params string[] arguments)
    {
        var start = new ProcessStartInfo("curl") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = input is not null };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.BaseStream.WriteAsync(input);
            process.StandardInput.Close();
        }
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"curl failed ({process.ExitCode}): {error}");
        return (await output).Replace("\r\n", "\n");
    }
}
