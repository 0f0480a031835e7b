using Cherry;

namespace Cherry.Tutorials.Tests;

/// <summary>What test_tutorials mounts beside tutorial 10: the request's traceback setting, as Python's repr.</summary>
public sealed class TracebackSetting
{
    [Exposed]
    public string Index(Request request) => request.ShowTracebacks ? "True" : "False";
}
