namespace Cherry.Integration.Tests.App;

/// <summary>Handlers that read the application's own config keys back, for <see cref="ApplicationConfigTests"/>.</summary>
public sealed class AppConfigRoot
{
    public AppConfigSection Section { get; } = new();

    [Exposed]
    public string Index(Request request, string key) => Read(request, key);

    [Exposed("page.html")]
    public string Page(Request request, string key) => Read(request, key);

    [Exposed]
    public string Fail() => throw new InvalidOperationException("a failure with a trace");

    [Exposed("base")]
    public string BaseUrl(Request request) => request.Base;

    internal static string Read(Request request, string key) => request.Settings.Config.TryGetValue(key, out var value) ? value : "(none)";
}

public sealed class AppConfigSection
{
    [Exposed]
    public string Index(Request request, string key) => AppConfigRoot.Read(request, key);

    [Exposed]
    public string Fail() => throw new InvalidOperationException("a failure with a trace");

    [Exposed("base")]
    public string BaseUrl(Request request) => request.Base;
}
