using Microsoft.AspNetCore.Http;

namespace Cherry.Integration.Tests.App;

/// <summary>A user-written tool: appends its name to X-Trace when its hook point runs.</summary>
public sealed class TraceTool(string label, HookPoint point, int priority, bool failsafe = false, int failWith = 0) : HookTool
{
    public override string Name => "trace_" + label;

    public override HookPoint Point => point;

    public override int Priority => priority;

    public override bool Failsafe => failsafe;

    public override ValueTask RunAsync(Request request)
    {
        request.Response.Headers.Append("X-Trace", label);
        if (failWith != 0)
        {
            throw new HttpError(failWith, "tool " + label + " failed");
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>The attribute a user writes to put <see cref="TraceTool"/> on a handler or class.</summary>
public sealed class TraceAttribute(string label, HookPoint point, int priority = 50) : ToolAttribute
{
    public bool Failsafe { get; set; }

    public int FailWith { get; set; }

    public override Tool CreateTool() => new TraceTool(label, point, priority, Failsafe, FailWith);
}

/// <summary>A handler tool: serves the response itself, so the handler never runs.</summary>
public sealed class ServeItselfAttribute : ToolAttribute
{
    public override Tool CreateTool() => new ServeItselfTool();

    private sealed class ServeItselfTool : HookTool
    {
        public override string Name => "serve_itself";

        public override HookPoint Point => HookPoint.BeforeHandler;

        public override ValueTask RunAsync(Request request)
        {
            request.Response.SetText("served by tool");
            request.Handled = true;
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>An error tool: replaces the error response, as xmlrpc and err_redirect do.</summary>
public sealed class PlainErrorsAttribute : ToolAttribute
{
    public override Tool CreateTool() => new PlainErrorsTool();

    private sealed class PlainErrorsTool : HookTool
    {
        public override string Name => "plain_errors";

        public override HookPoint Point => HookPoint.OnStartResource;

        public override ValueTask RunAsync(Request request)
        {
            request.ErrorResponse = static (r, exception) =>
            {
                r.Response.Headers.Clear();
                r.Response.Status = "200";
                r.Response.ContentType = "text/plain";
                r.Response.SetText("fault: " + exception.Message);
                return ValueTask.CompletedTask;
            };
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>Counts requests whose on_end_request hook ran (after the response was written).</summary>
public sealed class EndCounterAttribute : ToolAttribute
{
    private static int _count;

    public static int Count => Volatile.Read(ref _count);

    public override Tool CreateTool() => new EndCounterTool();

    private sealed class EndCounterTool : HookTool
    {
        public override string Name => "end_counter";

        public override HookPoint Point => HookPoint.OnEndRequest;

        public override ValueTask RunAsync(Request request)
        {
            Interlocked.Increment(ref _count);
            return ValueTask.CompletedTask;
        }
    }
}

[Trace("class-early", HookPoint.BeforeHandler, 5)]
public sealed class LifecycleRoot
{
    public Section Section { get; } = new();

    [Exposed]
    public string Index() => "lifecycle";

    [Exposed]
    [Trace("method-40", HookPoint.BeforeHandler, 40)]
    [Trace("method-10", HookPoint.BeforeHandler, 10)]
    [Trace("start", HookPoint.OnStartResource)]
    [Trace("finalize", HookPoint.BeforeFinalize)]
    [Trace("end-resource", HookPoint.OnEndResource)]
    public string Ordered() => "ordered";

    [Exposed]
    [Trace("first", HookPoint.BeforeHandler, 10, FailWith = 409)]
    [Trace("skipped", HookPoint.BeforeHandler, 20)]
    [Trace("failsafe", HookPoint.BeforeHandler, 30, Failsafe = true)]
    [Trace("finalize", HookPoint.BeforeFinalize)]
    public string Failing() => "never";

    [Exposed, ServeItself]
    public string Served() => throw new InvalidOperationException("the handler must not run");

    [Exposed, PlainErrors]
    public string Faulty() => throw new InvalidOperationException("broken");

    [Exposed, EndCounter]
    public string Counted() => "counted";

    [Exposed]
    [Trace("before-error", HookPoint.BeforeErrorResponse)]
    [Trace("after-error", HookPoint.AfterErrorResponse)]
    public string Crash() => throw new InvalidOperationException("crash");
}

[Trace("section", HookPoint.BeforeHandler, 20)]
public sealed class Section
{
    [Exposed]
    public string Index() => "section index";

    [Exposed]
    public string Leaf() => "section leaf";
}
