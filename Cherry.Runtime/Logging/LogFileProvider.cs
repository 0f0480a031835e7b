using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Cherry;

/// <summary>What a log file takes: the access log's lines, or Cherry's warnings and errors.</summary>
internal enum LogFileKind
{
    /// <summary>CherryPy's access_file: the <c>Cherry.Access</c> lines as the access log tool wrote them.</summary>
    Access,

    /// <summary>CherryPy's error_file: Warning and above from Cherry's categories, with the exception's stack trace.</summary>
    Error,
}

/// <summary>
/// The logging provider behind <c>log.access_file</c> and <c>log.error_file</c>. Microsoft.Extensions.Logging has no
/// file provider, and the key needs only appending lines, so it is written here rather than taken from a package. Files
/// are added at start-up (<see cref="CherryLogging"/>), after the loggers may exist, so each logger reads the current
/// sinks. The writers belong to <see cref="CherryLogging"/>, which DI disposes; this provider owns nothing.
/// </summary>
internal sealed class LogFileProvider(TimeProvider time) : ILoggerProvider
{
    private const string AccessCategory = "Cherry.Access";
    private const string CherryCategories = "Cherry.";

    private ImmutableArray<(LogFileWriter Writer, LogFileKind Kind)> _sinks = [];

    /// <summary>Adds a sink; the same file for the same kind (two apps naming it) is added once, so no line is doubled.</summary>
    public void Add(LogFileWriter writer, LogFileKind kind) =>
        ImmutableInterlocked.Update(ref _sinks, (sinks, sink) => sinks.Contains(sink) ? sinks : sinks.Add(sink), (writer, kind));

    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class FileLogger(LogFileProvider provider, string category) : ILogger
    {
        private readonly bool _access = category == AccessCategory;
        private readonly bool _cherry = category.StartsWith(CherryCategories, StringComparison.Ordinal);

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel)
        {
            foreach (var (_, kind) in provider._sinks)
            {
                if (Takes(kind, logLevel))
                {
                    return true;
                }
            }
            return false;
        }

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            string? access = null, error = null;
            foreach (var (writer, kind) in provider._sinks)
            {
                if (!Takes(kind, logLevel))
                {
                    continue;
                }
                writer.Write(kind == LogFileKind.Access
                    ? access ??= formatter(state, exception)
                    : error ??= ErrorLine(logLevel, formatter(state, exception), exception));
            }
        }

        private bool Takes(LogFileKind kind, LogLevel level) => level != LogLevel.None && kind switch
        {
            LogFileKind.Access => _access,
            _ => _cherry && level >= LogLevel.Warning,
        };

        /// <summary>CherryPy's error log line, <c>[time] context message</c>, then the traceback; the category is the context.</summary>
        private string ErrorLine(LogLevel level, string message, Exception? exception)
        {
            var line = new StringBuilder()
                .Append('[').Append(provider.Now()).Append("] ")
                .Append(category).Append(' ').Append(level).Append(": ").Append(message);
            if (exception is not null)
            {
                line.Append('\n').Append(exception);
            }
            return line.ToString();
        }
    }

    private string Now() => time.GetUtcNow().ToString("dd/MMM/yyyy:HH:mm:ss", CultureInfo.InvariantCulture);
}
