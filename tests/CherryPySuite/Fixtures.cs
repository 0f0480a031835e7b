namespace CherryPySuite;

/// <summary>
/// The files CherryPy's tests read from their own folder, which Debian does not ship (<c>static/</c>, <c>style.css</c>):
/// the project's <c>Fixtures</c> folder, copied beside the host. cherry_suite.py points the tests that open one
/// themselves at the same folder.
/// </summary>
public static class Fixtures
{
    public const string Name = "Fixtures";

    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, Name);
}
