using Npgsql;
using StackExchange.Redis;

namespace Cherry.Stores;

/// <summary>Digest nonce-counts in Redis: a Lua script stores a count only when it is higher than the stored one.</summary>
public sealed class RedisNonceCounter(IConnectionMultiplexer redis, string prefix = "cherry:nonce:") : INonceCounter
{
    private const string Script = """
        local current = tonumber(redis.call('GET', KEYS[1]) or '-1')
        if tonumber(ARGV[1]) > current then
          redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
          return 1
        end
        return 0
        """;

    public async ValueTask<bool> AdvanceAsync(string nonce, long count, DateTimeOffset expires, CancellationToken cancellation)
    {
        var lifetime = (long)Math.Max(1000, (expires - DateTimeOffset.UtcNow).TotalMilliseconds);
        var result = await redis.GetDatabase().ScriptEvaluateAsync(Script, [prefix + nonce], [count, lifetime]);
        return (long)result == 1;
    }
}

/// <summary>Digest nonce-counts in PostgreSQL: an upsert that only raises the count reports whether it did.</summary>
public sealed class PostgresNonceCounter(NpgsqlDataSource dataSource, string table = "cherry_nonces") : INonceCounter
{
    private volatile bool _ready;

    public async ValueTask<bool> AdvanceAsync(string nonce, long count, DateTimeOffset expires, CancellationToken cancellation)
    {
        if (!_ready)
        {
            await using var create = dataSource.CreateCommand($"CREATE TABLE IF NOT EXISTS {table} (nonce text PRIMARY KEY, count bigint NOT NULL, expires timestamptz NOT NULL)");
            await create.ExecuteNonQueryAsync(cancellation);
            _ready = true;
        }
        await using var command = dataSource.CreateCommand(
            $"INSERT INTO {table} (nonce, count, expires) VALUES ($1, $2, $3) ON CONFLICT (nonce) DO UPDATE SET count = excluded.count WHERE {table}.count < excluded.count RETURNING 1");
        command.Parameters.Add(new NpgsqlParameter { Value = nonce });
        command.Parameters.Add(new NpgsqlParameter { Value = count });
        command.Parameters.Add(new NpgsqlParameter { Value = expires.UtcDateTime });
        return await command.ExecuteScalarAsync(cancellation) is not null;
    }
}

/// <summary>
/// Digest nonce-counts in memcached: each (nonce, count) pair is claimed with the atomic <c>add</c>, so a replayed
/// pair is refused on every instance (memcached has no compare-and-raise, so order is not enforced, only reuse).
/// </summary>
/// <param name="endpoint">The memcached server as <c>host:port</c> (<c>127.0.0.1:11211</c>).</param>
/// <param name="prefix">What every key of this counter starts with.</param>
public sealed class MemcachedNonceCounter(string endpoint, string prefix = "cherry:nonce:") : INonceCounter, IAsyncDisposable
{
    private readonly MemcachedClient _client = MemcachedClient.Parse(endpoint);

    public async ValueTask<bool> AdvanceAsync(string nonce, long count, DateTimeOffset expires, CancellationToken cancellation) =>
        await _client.AddAsync($"{prefix}{nonce}:{count}", [1], expires - DateTimeOffset.UtcNow, cancellation);

    /// <summary>Closes the counter's idle connections.</summary>
    public ValueTask DisposeAsync() => _client.DisposeAsync();
}
