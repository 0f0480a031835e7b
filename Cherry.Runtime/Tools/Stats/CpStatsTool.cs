using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Cherry;

/// <summary>
/// CherryPy's <c>cpstats</c> tool: per-request figures in the <c>Cherry Applications</c> namespace (the keys of
/// CherryPy's <c>CherryPy Applications</c>), per-thread request records, URI set tracking and slow queries, and the same
/// figures as <see cref="System.Diagnostics.Metrics"/> instruments on the <c>Cherry</c> meter for OpenTelemetry and
/// dotnet-counters.
/// </summary>
public sealed partial class CpStatsTool : Tool
{
    public const string NamespaceName = "Cherry Applications";

    private RequestStatistics? _statistics;

    /// <summary>Takes the host's figures and instruments, which every handler's cpstats adds to.</summary>
    public override void Resolve(IServiceProvider services, ToolArguments arguments) =>
        _statistics = services.GetRequiredService<RequestStatistics>();

    public override void Attach(ToolChainBuilder chain)
    {
        var slot = chain.ReserveSlot();
        chain.Add(Name, HookPoint.OnStartResource, 0, true, request =>
        {
            if (_statistics!.Enabled)
            {
                _statistics.Started();
                request.SetToolState(slot, Stopwatch.GetTimestamp());
            }
            return ValueTask.CompletedTask;
        });
        chain.Add(Name, HookPoint.OnEndRequest, 50, true, request =>
        {
            if (request.GetToolState(slot) is long started)
            {
                _statistics!.Record(request, Stopwatch.GetElapsedTime(started), this);
            }
            return ValueTask.CompletedTask;
        });
    }
}
