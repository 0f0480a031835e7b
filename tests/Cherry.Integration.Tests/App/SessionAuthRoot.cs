namespace Cherry.Integration.Tests.App;

/// <summary>The reference app's /sauth: sessions and session_auth switched on by configuration.</summary>
public sealed class SessionAuthRoot
{
    public SessionAuthApp Sauth { get; } = new();
}

public sealed class SessionAuthApp
{
    [Exposed]
    public string Index(Request request) => $"Hi {request.Login}, you are logged in";

    [Exposed, JsonOut]
    public string[] Me(Request request) => [request.Login ?? ""];
}
