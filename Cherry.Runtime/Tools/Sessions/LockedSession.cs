namespace Cherry;

/// <summary>A session's lock, held until disposed, and the data read under it (null when the store has none).</summary>
public readonly record struct LockedSession(IAsyncDisposable Lock, IReadOnlyDictionary<string, string>? Data);
