namespace Cherry;

/// <summary>What one <see cref="ICacheStore.ReadAsync"/> found: each index record asked for (null where absent), and the response.</summary>
public sealed record CacheRecords(string?[] Indexes, CachedResponse? Response);
