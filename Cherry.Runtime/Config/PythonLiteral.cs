namespace Cherry;

/// <summary>
/// Reads the Python literals of CherryPy config files (<c>True</c>, <c>3600</c>, <c>'text'</c>, <c>["a", "b"]</c>, <c>{'k': 'v'}</c>, <c>None</c>)
/// into the plain strings Cherry's configuration holds; a bare <c>None</c> is null. The reader is Shared's
/// <see cref="IniLiteral"/>, the same one the build's config checks use.
/// </summary>
public static class PythonLiteral
{
    public static bool TryParse(string text, out string? value) => IniLiteral.TryParse(text, out value);
}
