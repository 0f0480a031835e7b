namespace CherryPySuite.Apps;

/// <summary>
/// The folder of the Python test module being run (its <c>curdir</c> or <c>localDir</c>), which cherry_suite.py names in
/// <c>CHERRY_SUITE_TEST_DIR</c>: the static fixtures the ports serve are there (run.sh's overlay puts them beside
/// Debian's test files), and so are the files the tests write and read (the big file, session files).
/// </summary>
public static class TestModule
{
    public static string Directory => Environment.GetEnvironmentVariable("CHERRY_SUITE_TEST_DIR")
        ?? throw new InvalidOperationException("CHERRY_SUITE_TEST_DIR names the test module's folder (cherry_suite.py sets it).");
}
