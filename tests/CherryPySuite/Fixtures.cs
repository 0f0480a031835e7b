namespace CherryPySuite;

/// <summary>
/// The files CherryPy's tests read from their own folder, which Debian does not ship (<c>static/</c>, <c>style.css</c>):
/// the project's <c>Fixtures</c> folder, copied beside the host. run.sh lays the same files into the overlay of
/// Debian's test folder, so the tests that open one themselves find it there.
/// </summary>
public static class Fixtures
{
    public const string Name = "Fixtures";

    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, Name);
}
