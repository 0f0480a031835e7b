namespace Cherry.Integration.Tests.App;

/// <summary>Handlers that show what the proxy tool established, for <see cref="ProxyTests"/> (the tool is on by configuration).</summary>
public sealed class ProxiedRoot
{
    public ProxiedDirectory Dir { get; } = new();

    [Exposed]
    public string Where(Request request) => $"base={request.Base} scheme={request.Scheme} remote={request.RemoteAddress} url={request.Url()}";

    /// <summary>The redirect tool answers at on_start_resource, before any handler.</summary>
    [Exposed, Redirect("/where", Internal = false)]
    public string Moved() => "never";

    /// <summary>err_redirect answers the failure with a 303 to an absolute path.</summary>
    [Exposed, ErrRedirect("/where", Internal = false)]
    public string Broken() => throw new InvalidOperationException("broken");

    [Exposed]
    public string Visit(Session session)
    {
        session.Set("seen", 1);
        return "visited";
    }
}

public sealed class ProxiedDirectory
{
    [Exposed]
    public string Index() => "directory";
}
