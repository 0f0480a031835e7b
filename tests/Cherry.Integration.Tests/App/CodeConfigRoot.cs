namespace Cherry.Integration.Tests.App;

/// <summary>Handlers configured in code with [Config], for <see cref="CodeConfigTests"/>.</summary>
[Config("tools.gzip.on", true), Config("shade", "light"), Config("colour", "white")]
public sealed class CodeConfigRoot
{
    public CodeConfigPlain Plain { get; } = new();

    [Exposed]
    public string Index() => CodeConfigPlain.Text;

    [Exposed, Config("tools.gzip.on", false)]
    public string Raw() => CodeConfigPlain.Text;

    [Exposed]
    public string Read(Request request, string key) => AppConfigRoot.Read(request, key);
}

[Config("colour", "blue")]
public sealed class CodeConfigPlain
{
    internal const string Text = "a body long enough to be worth compressing, a body long enough to be worth compressing";

    [Exposed]
    public string Index() => Text;

    [Exposed]
    public string Read(Request request, string key) => AppConfigRoot.Read(request, key);
}

// What the build reports (CHERRY0018/0019) is suppressed here, as a project may: start-up must still refuse it.
#pragma warning disable CHERRY0018, CHERRY0019
[Config("tools.caching.delay", "soon")]
public sealed class BadCodeConfigRoot
{
    [Exposed, Config("tools.gzipp.on", true), Config("tools.sessions.name", "'sid'")]
    public string Index() => "never served";
}
#pragma warning restore CHERRY0018, CHERRY0019
