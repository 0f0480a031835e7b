namespace Cherry.Integration.Tests.App;

/// <summary>Paths as CherryPy decodes them, and URLs relative to the handler, for <see cref="PathTests"/>.</summary>
public sealed class PathRoot
{
    public PathSection Section { get; } = new();

    [Exposed("Von B\u00fclow")]
    public string VonBulow() => "reached by its ISO-8859-1 name";

    [Exposed("caf\u00e9")]
    public string Cafe() => "reached by its UTF-8 name";

    [Exposed]
    public string Back(Request request) => request.Url("./");

    [Exposed]
    public string Default(params string[] rest) => "default:" + string.Join("|", rest);
}

public sealed class PathSection
{
    [Exposed]
    public string Index(Request request) => request.Url("./next");
}
