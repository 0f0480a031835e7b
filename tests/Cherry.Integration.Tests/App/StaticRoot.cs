using Conformance;

namespace Cherry.Integration.Tests.App;

/// <summary>
/// samples/Conformance's root, whose handlers call lib.static's helpers, plus a relative path; the tests switch
/// staticdir and staticfile on by configuration, as the reference app does.
/// </summary>
public sealed class StaticRoot : Root
{
    public static string Fixtures => Path.Combine(AppContext.BaseDirectory, "Fixtures", "static");

    [Exposed]
    public void Relative(Request request) => Static.ServeFile(request, "Fixtures/static/digits.txt");
}

/// <summary>The attribute form of staticdir, on a sub-tree with a dynamic fallback.</summary>
public sealed class AttributeStaticRoot
{
    public Files Files { get; } = new();

    [Exposed, StaticFile("Fixtures/static/style.css", Root = ".")]
    public string Style() => "dynamic style";
}

[StaticDir("Fixtures/static", Root = ".", Index = "index.html")]
public sealed class Files
{
    [Exposed]
    public string Default(params string[] path) => "dynamic " + string.Join("/", path);
}
