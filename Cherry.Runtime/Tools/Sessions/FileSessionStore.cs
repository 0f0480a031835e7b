using System.Text.Json;

namespace Cherry;

/// <summary>
/// Sessions as files (CherryPy's FileSession): <c>session-&lt;id&gt;</c> holds the data and expiry as JSON, written to a
/// temporary file and renamed into place so a reader never sees half a session; <c>session-&lt;id&gt;.lock</c> is held
/// open exclusively while the session is in use, which also excludes other processes, and the operating system
/// releases it if a process dies. Requests of one process wait for each other in memory (<see cref="SessionLocks"/>):
/// only one at a time tries the file. The sweep deletes the lock files of sessions that are gone.
/// </summary>
public sealed class FileSessionStore(string directory, TimeProvider? time = null) : ISessionStore
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    private readonly SessionLocks _locks = new(time);

    private long _lockFileOpens;

    private const string Prefix = "session-";
    private const string LockSuffix = ".lock";

    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>The file for an id; an id that would leave the directory is the client's mistake.</summary>
    private string PathOf(string id)
    {
        var path = Path.GetFullPath(Path.Combine(Directory, Prefix + id));
        if (!path.StartsWith(Directory + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new HttpError(400, "Invalid session id in cookie.");
        }
        return path;
    }

    public async ValueTask<IReadOnlyDictionary<string, string>?> LoadAsync(string id, CancellationToken cancellation)
    {
        var path = PathOf(id);
        if (!File.Exists(path))
        {
            return null;
        }
        using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(path, cancellation));
        var root = document.RootElement;
        if (DateTimeOffset.FromUnixTimeMilliseconds(root.GetProperty("expires").GetInt64()) <= _time.GetUtcNow())
        {
            return null;
        }
        return SessionData.Read(root.GetProperty("data"));
    }

    public async ValueTask SaveAsync(string id, IReadOnlyDictionary<string, string> data, DateTimeOffset expires, CancellationToken cancellation)
    {
        var path = PathOf(id);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await using (var stream = File.Create(temporary))
        await using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteNumber("expires", expires.ToUnixTimeMilliseconds());
            writer.WritePropertyName("data");
            SessionData.Write(writer, data);
            writer.WriteEndObject();
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The data and its new expiry are written again, as CherryPy does; a session deleted meanwhile stays gone.</summary>
    public ValueTask RenewAsync(string id, IReadOnlyDictionary<string, string> data, DateTimeOffset expires, CancellationToken cancellation) =>
        File.Exists(PathOf(id)) ? SaveAsync(id, data, expires, cancellation) : ValueTask.CompletedTask;

    public ValueTask DeleteAsync(string id, CancellationToken cancellation)
    {
        File.Delete(PathOf(id));
        return ValueTask.CompletedTask;
    }

    public ValueTask<IAsyncDisposable> LockAsync(string id, TimeSpan? timeout, CancellationToken cancellation)
    {
        var path = PathOf(id) + LockSuffix;
        // Requests of this process queue in memory; only the one at the head opens the lock file, which another
        // process may hold.
        return _locks.AcquireAsync(id, timeout, _ => ValueTask.FromResult<IAsyncDisposable?>(TryLock(path, FileMode.OpenOrCreate)), cancellation);
    }

    /// <summary>How often a lock file was opened, for the tests that count what a waiting request costs.</summary>
    internal long LockFileOpens => Interlocked.Read(ref _lockFileOpens);

    internal SessionLocks Locks => _locks;

    /// <summary>The lock file opened exclusively, or null while another request or process holds it.</summary>
    private FileStream? TryLock(string path, FileMode mode)
    {
        Interlocked.Increment(ref _lockFileOpens);
        FileStream handle;
        try
        {
            // No API tells a held file without trying it: a failed try throws, which is why only one request of this
            // process tries at a time, with backoff.
            handle = new FileStream(path, mode, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
        if (handle.Length == 0)
        {
            return handle;
        }
        // Marked by the sweep, which deleted it after this request opened it: the path names another file now.
        handle.Dispose();
        return null;
    }

    /// <summary>
    /// Deletes a lock file nobody holds. It is marked first, while held: a request that opened it just before the
    /// delete would otherwise lock a file no longer in the directory while another request locks a new one.
    /// </summary>
    private void DeleteLock(string path)
    {
        using var handle = TryLock(path, FileMode.Open);
        if (handle is not null)
        {
            handle.WriteByte(1);
            handle.Flush();
            File.Delete(path);
        }
    }

    public async ValueTask CleanUpAsync(CancellationToken cancellation)
    {
        var locks = new List<string>();
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, Prefix + "*"))
        {
            if (file.EndsWith(LockSuffix, StringComparison.Ordinal))
            {
                locks.Add(file);
                continue;
            }
            if (file.EndsWith(".tmp", StringComparison.Ordinal))
            {
                continue;
            }
            var id = Path.GetFileName(file)[Prefix.Length..];
            try
            {
                if (await LoadAsync(id, cancellation) is null)
                {
                    File.Delete(file);
                }
            }
            catch (Exception ex) when (ex is IOException or JsonException or KeyNotFoundException)
            {
                File.Delete(file);
            }
        }
        // A lock file outlives its session (expired, regenerated, or a process that died holding it).
        foreach (var file in locks.Where(file => !File.Exists(file[..^LockSuffix.Length])))
        {
            DeleteLock(file);
        }
    }
}
