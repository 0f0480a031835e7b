using Cherry;

namespace Hello;

/// <summary>The site root: <c>/</c>, <c>/hi</c>, <c>/api</c>, <c>/echo</c>, <c>/blog/...</c> and the REST resource <c>/notes</c>.</summary>
public sealed class Root
{
    public Blog Blog { get; } = new();

    public Notes Notes { get; } = new();

    [Exposed]
    public string Index(Request request, string name = "world") => $"{request.Settings.Options<GreetingOptions>().Word} {name}";

    /// <summary>The same greeting with this path's own configuration in code, as CherryPy's <c>_cp_config</c>.</summary>
    [Exposed, Config("greeting.word", "Hi")]
    public string Hi(Request request, string name = "world") => $"{request.Settings.Options<GreetingOptions>().Word} {name}";

    [Exposed, JsonOut]
    public Answer Api() => new(42, ["one", "two"]);

    [Exposed, JsonIn, JsonOut]
    public Greeting Echo([JsonBody] Greeting greeting) => greeting with { Text = greeting.Text.ToUpperInvariant() };

    [Exposed]
    public string Add(int a, int b) => (a + b).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Exposed]
    public string Teapot() => throw new HttpError(418, "I'm a teapot, not a coffee pot.");
}

/// <summary>A sub-tree: <c>/blog/</c> lists, anything deeper reaches <see cref="Default"/> as positional segments.</summary>
public sealed class Blog
{
    [Exposed]
    public string Index() => "The blog";

    [Exposed]
    public string Default(params string[] path) => "Post " + string.Join("/", path);
}
