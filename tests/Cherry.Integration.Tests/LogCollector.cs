using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Cherry.Integration.Tests;

/// <summary>Keeps every log entry of a test server: <c>services.AddLogging(b => b.AddProvider(collector))</c>.</summary>
internal sealed class LogCollector : ILoggerProvider, ILogger
{
    public ConcurrentQueue<(LogLevel Level, string Message, Exception? Error)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((logLevel, formatter(state, exception), exception));

    public void Dispose()
    {
    }
}
