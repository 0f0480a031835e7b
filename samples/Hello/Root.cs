using Cherry;

namespace Hello;

/// <summary>The site root: <c>/</c>, <c>/api</c>, <c>/echo</c>, <c>/blog/...</c> and the REST resource <c>/notes</c>.</summary>
public sealed class Root
{
    public Blog Blog { get; } = new();

    public Notes Notes { get; } = new();

    [Exposed]
    public string Index(string name = "world") => $"Hello {name}";

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
