namespace Cherry.Integration.Tests.App;

/// <summary>A C# mirror of reference_app.py's static section; directories come from configuration, as there.</summary>
public sealed class StaticRoot
{
    public static string Fixtures => Path.Combine(AppContext.BaseDirectory, "Fixtures", "static");

    [Exposed]
    public string Default(params string[] args) => "root default args=" + PyRepr.Tuple(args);

    [Exposed]
    public void Servefile(Request request) => Static.ServeFile(request, Path.Combine(Fixtures, "digits.txt"));

    [Exposed]
    public void Download(Request request) => Static.ServeDownload(request, Path.Combine(Fixtures, "digits.txt"));

    [Exposed]
    public void DownloadUtf8(Request request) =>
        Static.ServeFile(request, Path.Combine(Fixtures, "digits.txt"), disposition: "attachment", name: "dígits ☃.txt");

    [Exposed]
    public void Fileobj(Request request) => Static.ServeFileObj(request, new MemoryStream("Fee\nfie\nfo\nfum"u8.ToArray()), "text/plain");

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
