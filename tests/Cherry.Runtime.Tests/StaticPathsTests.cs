namespace Cherry.Runtime.Tests;

/// <summary>
/// The static tools' own path checks. Through Kestrel these requests never arrive (it refuses a NUL in the target and
/// removes dot segments), so they are asserted here, for any server layer that lets them through.
/// </summary>
public sealed class StaticPathsTests
{
    private static readonly string Root = Path.TrimEndingDirectorySeparator(Path.GetTempPath());

    [Theory]
    [InlineData("/a\0.txt")]
    [InlineData("/\0")]
    public void A_nul_byte_is_400(string remainder) =>
        Assert.Equal(400, Assert.Throws<HttpError>(() => StaticPaths.Inside(Root, Root, remainder, out _)).StatusCode);

    [Theory]
    [InlineData("/../x")]
    [InlineData("/a/../../x")]
    [InlineData("/..%2Fx")]
    public void A_path_that_leaves_the_directory_is_403(string remainder) =>
        Assert.Equal(403, Assert.Throws<HttpError>(() => StaticPaths.Inside(Root, Root, remainder, out _)).StatusCode);

    [Fact]
    public void What_the_path_names_comes_back_already_read()
    {
        var root = Directory.CreateTempSubdirectory("cherry-static-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "docs"));
            File.WriteAllText(Path.Combine(root, "docs", "a.txt"), "abc");

            Assert.Equal(Path.Combine(root, "docs", "a.txt"), StaticPaths.Inside(root, root, "/docs/a.txt", out var file));
            Assert.Equal(3, Assert.IsType<FileInfo>(file).Length);
            Assert.NotNull(StaticPaths.Inside(root, root, "/docs/", out var directory));
            Assert.IsType<DirectoryInfo>(directory);
            Assert.NotNull(StaticPaths.Inside(root, root, "", out var top));
            Assert.IsType<DirectoryInfo>(top);
            Assert.Null(StaticPaths.Inside(root, root, "/docs/missing.txt", out var missing));
            Assert.Null(missing);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
