using System.Text;
using System.Threading.Channels;

namespace Cherry;

/// <summary>
/// One log file, opened for appending at start-up. Lines go through a channel to one background writer, so a request
/// that logs never waits for the disk or for another request's line; the file is flushed whenever the queue runs dry,
/// so lines reach it promptly. Disposing writes what is queued and closes the file.
/// </summary>
internal sealed class LogFileWriter : IAsyncDisposable, IDisposable
{
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly StreamWriter _file;
    private readonly Task _draining;

    private LogFileWriter(StreamWriter file)
    {
        _file = file;
        _draining = Task.Run(DrainAsync);
    }

    /// <summary>Opens (or creates) <paramref name="path"/>; a folder that is missing or not writable stops start-up.</summary>
    public static LogFileWriter Open(string path, string section, string key)
    {
        try
        {
            // Others may read, rotate or delete the file while it is open, as with a CherryPy log file.
            var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            return new LogFileWriter(new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new CherryConfigurationException(section, key,
                $"cannot open the log file '{path}' for appending ({e.Message}): create its folder, let the process write there, or name another file.");
        }
    }

    /// <summary>Queues a line (a line break is added); after disposal the line is dropped.</summary>
    public void Write(string line) => _lines.Writer.TryWrite(line);

    private async Task DrainAsync()
    {
        var reader = _lines.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            try
            {
                while (reader.TryRead(out var line))
                {
                    await _file.WriteLineAsync(line).ConfigureAwait(false);
                }
                await _file.FlushAsync().ConfigureAwait(false);
            }
            catch (IOException)
            {
                // A full disk loses lines rather than failing the requests that log them; the next batch tries again.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _lines.Writer.TryComplete();
        await _draining.ConfigureAwait(false);
        await _file.DisposeAsync().ConfigureAwait(false);
    }

    public void Dispose()
    {
        _lines.Writer.TryComplete();
        // The drain runs on the thread pool, so waiting for it here cannot deadlock.
        _draining.GetAwaiter().GetResult();
        _file.Dispose();
    }
}
