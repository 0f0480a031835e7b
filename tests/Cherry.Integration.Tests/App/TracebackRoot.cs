namespace Cherry.Integration.Tests.App;

/// <summary>Handlers that override the application's traceback setting for their own request, then fail.</summary>
public sealed class TracebackRoot
{
    [Exposed]
    public string Setting(Request request) => request.ShowTracebacks ? "True" : "False";

    [Exposed]
    public string Shown(Request request)
    {
        request.ShowTracebacks = true;
        throw new InvalidOperationException("shown on purpose");
    }

    [Exposed]
    public string Hidden(Request request)
    {
        request.ShowTracebacks = false;
        throw new InvalidOperationException("hidden on purpose");
    }
}
