using System.Runtime.CompilerServices;

namespace Cherry.Analyzers.Tests;

/// <summary>
/// The Markdown a reader is sent to: the root README.md, every page under docs/, and the README.md of each sample,
/// template and package folder. One list for the tests that hold those pages to the code (linked into
/// Cherry.Runtime.Tests, whose DocsConfigTests loads their config examples).
/// </summary>
internal static class Documents
{
    /// <summary>The repository's root folder.</summary>
    public static string Root([CallerFilePath] string path = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));

    /// <summary>Each document's path relative to <see cref="Root"/>, with <c>/</c> separators, in ordinal order.</summary>
    public static IReadOnlyList<string> Markdown()
    {
        var root = Root();
        var files = new List<string> { Path.Combine(root, "README.md") };
        files.AddRange(Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories));
        var folders = new[] { "samples", "templates" }.Select(f => Path.Combine(root, f)).Concat(Directory.EnumerateDirectories(root, "Cherry.*"));
        files.AddRange(folders.SelectMany(f => Directory.EnumerateFiles(f, "README.md", SearchOption.AllDirectories)));
        return [.. files
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(segment => segment is "bin" or "obj"))
            .Order(StringComparer.Ordinal)];
    }

    public static string Read(string document) => File.ReadAllText(Path.Combine(Root(), document)).ReplaceLineEndings("\n");
}
