using System.Runtime.CompilerServices;

namespace Cherry.Generators.Tests;

/// <summary>
/// Compares generated sources with <c>Golden/*.verified.cs</c>. Set CHERRY_REGENERATE_GOLDEN=1 to rewrite
/// them; the run then fails on purpose so that a regenerated file is never taken as a pass.
/// </summary>
internal static class GoldenFiles
{
    public static void Verify(string name, string actual, [CallerFilePath] string caller = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(caller)!, "Golden", name + ".verified.cs");
        actual = actual.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable("CHERRY_REGENERATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            Assert.Fail($"Regenerated {path}. Review the diff, then run again without CHERRY_REGENERATE_GOLDEN.");
        }
        Assert.True(File.Exists(path), $"No golden file {path}; run once with CHERRY_REGENERATE_GOLDEN=1.");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n");
        Assert.Equal(expected, actual);
    }
}
