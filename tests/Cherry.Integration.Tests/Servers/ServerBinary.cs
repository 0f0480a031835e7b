namespace Cherry.Integration.Tests;

/// <summary>
/// The installed programs the tests run (Redis, memcached, PostgreSQL, Chromium, nginx). A missing one fails the test
/// with the Debian package that brings it; it is never a skip. The README's test command installs them all.
/// </summary>
internal static class ServerBinary
{
    /// <summary>The full path of <paramref name="program"/> on PATH, or in /usr/sbin (Debian's nginx), which a user's PATH may lack.</summary>
    public static string Require(string program, string package) =>
        (Environment.GetEnvironmentVariable("PATH") + ":/usr/sbin").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists)
        ?? throw Missing(program, package);

    /// <summary>The newest installed PostgreSQL's bin folder (Debian keeps it off PATH).</summary>
    public static string PostgresBin() =>
        (Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [])
            .Select(version => Path.Combine(version, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
            .OrderBy(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
            .LastOrDefault()
        ?? throw Missing("initdb", "postgresql");

    private static InvalidOperationException Missing(string program, string package) =>
        new($"{program} is not installed: install the Debian package '{package}' (./test.sh, the README's test command, installs it).");
}
