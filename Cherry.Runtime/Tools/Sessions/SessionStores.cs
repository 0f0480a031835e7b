using System.Collections.Concurrent;

namespace Cherry;

/// <summary>
/// What the sessions tools of every app in a host share, owned by DI: one file store per folder, and one sweep per
/// store however many handlers use it. Disposed with the host, which stops the sweeps.
/// </summary>
internal sealed class SessionStores(TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<string, FileSessionStore> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ISessionStore, ITimer> _sweeps = new(ReferenceEqualityComparer.Instance);

    /// <summary>The store for <paramref name="folder"/>, which is created at start-up if it is not there yet.</summary>
    public FileSessionStore File(string folder) => _files.GetOrAdd(Path.GetFullPath(folder), path =>
    {
        Directory.CreateDirectory(path);
        return new FileSessionStore(path, time);
    });

    public void Sweep(ISessionStore store, TimeSpan period) =>
        _sweeps.GetOrAdd(store, s => time.CreateTimer(_ => _ = s.CleanUpAsync(CancellationToken.None).AsTask(), null, period, period));

    public void Dispose()
    {
        foreach (var sweep in _sweeps.Values)
        {
            sweep.Dispose();
        }
    }
}
