using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Cherry;

/// <summary>
/// <c>log.screen = False</c>: a logging filter rule that keeps Cherry's categories out of the console provider. The keys
/// are read after the host is built, so the rule is added through an options change, which the logger factory applies
/// to the loggers it already made; the other providers (files, OpenTelemetry) still get every line.
/// </summary>
internal sealed class ScreenFilter : IConfigureOptions<LoggerFilterOptions>, IOptionsChangeTokenSource<LoggerFilterOptions>, IDisposable
{
    /// <summary>The rule's category prefix: <c>Cherry.Request</c>, <c>Cherry.Access</c>..., not an application's <c>CherryApp</c>.</summary>
    internal const string Categories = "Cherry.";

    /// <summary>
    /// The console provider's alias ([ProviderAlias("Console")]), as appsettings' <c>Logging:Console</c> names it; a rule
    /// by alias also reaches a replacement console provider that takes the alias.
    /// </summary>
    internal const string ConsoleProvider = "Console";

    private CancellationTokenSource _changed = new();
    private volatile bool _silenced;

    public string? Name => Options.DefaultName;

    public void Configure(LoggerFilterOptions options)
    {
        if (_silenced)
        {
            options.Rules.Add(new LoggerFilterRule(ConsoleProvider, Categories, LogLevel.None, filter: null));
        }
    }

    public IChangeToken GetChangeToken() => new CancellationChangeToken(_changed.Token);

    /// <summary>Turns the rule on, once: the options are rebuilt and the logger factory re-filters every logger.</summary>
    public void Silence()
    {
        if (_silenced)
        {
            return;
        }
        _silenced = true;
        using var fired = Interlocked.Exchange(ref _changed, new CancellationTokenSource());
        fired.Cancel();
    }

    public void Dispose() => _changed.Dispose();
}
