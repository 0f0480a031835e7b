namespace Cherry.Integration.Tests.App;

/// <summary>One tree serving two sites by host name (<see cref="CherryAppOptions.VirtualHost"/>), for <see cref="VirtualHostTests"/>.</summary>
public sealed class VirtualHostRoot
{
    public VirtualSite Shop { get; } = new("shop");

    [Exposed]
    public string Index() => "main index";

    [Exposed]
    public string Default(params string[] rest) => "main default:" + string.Join("|", rest);
}

public sealed class VirtualSite(string name)
{
    [Exposed]
    public string Index() => name + " index";

    [Exposed]
    public string Item(string id) => name + " item " + id;

    [Exposed]
    public string Where(Request request) => request.PathInfo + " " + request.Url("next");
}
