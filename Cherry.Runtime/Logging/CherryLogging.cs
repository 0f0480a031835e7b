using Microsoft.Extensions.Logging;

namespace Cherry;

/// <summary>
/// Applies each application's <c>log.*</c> keys to the host's logging at start-up: the files they name (opened here,
/// shared when two apps name the same one) and <c>log.screen</c>. A DI singleton, so the files close with the host.
/// </summary>
internal sealed class CherryLogging(TimeProvider time, ScreenFilter screen) : IAsyncDisposable, IDisposable
{
    private readonly Dictionary<string, LogFileWriter> _files = new(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
    private readonly LogFileProvider _provider = new(time);
    private readonly Lock _gate = new();
    private bool _added;

    /// <summary>Relative file names resolve against <paramref name="contentRoot"/>, as every other file in config does.</summary>
    public void Apply(LogSettings settings, string contentRoot, ILoggerFactory factory)
    {
        if (!settings.Screen)
        {
            screen.Silence();
        }
        lock (_gate)
        {
            if (settings.AccessFile is { } access)
            {
                _provider.Add(Open(access, contentRoot), LogFileKind.Access);
            }
            if (settings.ErrorFile is { } error)
            {
                _provider.Add(Open(error, contentRoot), LogFileKind.Error);
            }
            // The factory takes the provider only when some app names a file, so an app without one pays nothing per line.
            if (!_added && _files.Count > 0)
            {
                factory.AddProvider(_provider);
                _added = true;
            }
        }
    }

    private LogFileWriter Open(LogFileSetting setting, string contentRoot)
    {
        var path = Path.GetFullPath(Path.Combine(contentRoot, setting.Path));
        if (!_files.TryGetValue(path, out var writer))
        {
            _files[path] = writer = LogFileWriter.Open(path, setting.Section, setting.Key);
        }
        return writer;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var writer in TakeFiles())
        {
            await writer.DisposeAsync().ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        foreach (var writer in TakeFiles())
        {
            writer.Dispose();
        }
    }

    private LogFileWriter[] TakeFiles()
    {
        lock (_gate)
        {
            var files = _files.Values.ToArray();
            _files.Clear();
            return files;
        }
    }
}
