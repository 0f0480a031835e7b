using Npgsql;

namespace Cherry.Stores;

/// <summary>
/// Sessions in PostgreSQL through Npgsql: a <c>cherry_sessions</c> table (created when missing) and a transaction-free
/// advisory lock per session, held on its own connection until released, so instances sharing the database exclude
/// each other and a lock dies with its connection. Requests of one instance wait for each other in memory
/// (<see cref="SessionLocks"/>): only one at a time holds a connection and asks PostgreSQL for the lock. While a
/// session is locked, its reads and writes run on the lock's connection, so a request holds one pooled connection,
/// not two, and the lock and the read go in one batch (one round trip). Each write commits at once, so an answered
/// save is never lost: a transaction-scoped lock (<c>pg_advisory_xact_lock</c>) would hold every write until the
/// unlock's COMMIT, and an answer could then report a save that a failed COMMIT took back.
/// </summary>
public sealed class PostgresSessionStore(NpgsqlDataSource dataSource, string table = "cherry_sessions", TimeProvider? time = null) : ISessionStore
{
    private readonly SessionLocks _locks = new(time);

    /// <summary>The connection that holds each session this instance has locked, for that session's commands.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Held> _held = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim _schema = new(1, 1);
    private bool _ready;

    private async ValueTask EnsureTableAsync(CancellationToken cancellation)
    {
        if (_ready)
        {
            return;
        }
        await _schema.WaitAsync(cancellation);
        try
        {
            if (!_ready)
            {
                await using var command = dataSource.CreateCommand(
                    $"CREATE TABLE IF NOT EXISTS {table} (id text PRIMARY KEY, data bytea NOT NULL, expires timestamptz NOT NULL)");
                await command.ExecuteNonQueryAsync(cancellation);
                _ready = true;
            }
        }
        finally
        {
            _schema.Release();
        }
    }

    public async ValueTask<IReadOnlyDictionary<string, string>?> LoadAsync(string id, CancellationToken cancellation)
    {
        await EnsureTableAsync(cancellation);
        var result = await RunAsync(id, $"SELECT data FROM {table} WHERE id = $1 AND expires > now()", [id], scalar: true, cancellation);
        return result is byte[] data ? SessionData.FromJson(data) : null;
    }

    public async ValueTask SaveAsync(string id, IReadOnlyDictionary<string, string> data, DateTimeOffset expires, CancellationToken cancellation)
    {
        await EnsureTableAsync(cancellation);
        await RunAsync(id, $"INSERT INTO {table} (id, data, expires) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET data = excluded.data, expires = excluded.expires",
            [id, SessionData.ToJson(data), expires.UtcDateTime], scalar: false, cancellation);
    }

    /// <summary>Moves the expiry column only; a row gone meanwhile stays gone.</summary>
    public async ValueTask RenewAsync(string id, IReadOnlyDictionary<string, string> data, DateTimeOffset expires, CancellationToken cancellation)
    {
        await EnsureTableAsync(cancellation);
        await RunAsync(id, $"UPDATE {table} SET expires = $2 WHERE id = $1", [id, expires.UtcDateTime], scalar: false, cancellation);
    }

    public async ValueTask DeleteAsync(string id, CancellationToken cancellation)
    {
        await EnsureTableAsync(cancellation);
        await RunAsync(id, $"DELETE FROM {table} WHERE id = $1", [id], scalar: false, cancellation);
    }

    /// <summary>
    /// One command about a session: on the connection that holds its lock when this instance holds it (one command at a
    /// time there), else on a pooled connection.
    /// </summary>
    private async ValueTask<object?> RunAsync(string id, string sql, object[] values, bool scalar, CancellationToken cancellation)
    {
        if (_held.TryGetValue(id, out var held))
        {
            await held.Gate.WaitAsync(cancellation);
            try
            {
                if (!held.Released)
                {
                    await using var onLock = new NpgsqlCommand(sql, held.Connection);
                    return await ExecuteAsync(onLock, values, scalar, cancellation);
                }
            }
            finally
            {
                held.Gate.Release();
            }
        }
        await using var pooled = dataSource.CreateCommand(sql);
        return await ExecuteAsync(pooled, values, scalar, cancellation);
    }

    private static async ValueTask<object?> ExecuteAsync(NpgsqlCommand command, object[] values, bool scalar, CancellationToken cancellation)
    {
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        return scalar ? await command.ExecuteScalarAsync(cancellation) : await command.ExecuteNonQueryAsync(cancellation);
    }

    public async ValueTask<IAsyncDisposable> LockAsync(string id, TimeSpan? timeout, CancellationToken cancellation) =>
        (await LockAsync(id, timeout, read: false, cancellation)).Lock;

    /// <summary>The lock and the read in one batch, so one round trip: the read is kept only when the lock was had.</summary>
    public async ValueTask<LockedSession> LockAndLoadAsync(string id, TimeSpan? timeout, CancellationToken cancellation)
    {
        await EnsureTableAsync(cancellation);
        return await LockAsync(id, timeout, read: true, cancellation);
    }

    private async ValueTask<LockedSession> LockAsync(string id, TimeSpan? timeout, bool read, CancellationToken cancellation)
    {
        // Opened by the request at the head of this instance's queue only: a waiting request holds no pooled connection.
        NpgsqlConnection? connection = null;
        IReadOnlyDictionary<string, string>? data = null;
        try
        {
            var locked = await _locks.AcquireAsync(id, timeout, async ct =>
            {
                connection ??= await dataSource.OpenConnectionAsync(ct);
                await using var batch = new NpgsqlBatch(connection);
                batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_try_advisory_lock(hashtextextended($1, 0))") { Parameters = { new() { Value = id } } });
                if (read)
                {
                    batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT data FROM {table} WHERE id = $1 AND expires > now()") { Parameters = { new() { Value = id } } });
                }
                await using (var reader = await batch.ExecuteReaderAsync(ct))
                {
                    if (!await reader.ReadAsync(ct) || !reader.GetBoolean(0))
                    {
                        return null;
                    }
                    if (read && await reader.NextResultAsync(ct) && await reader.ReadAsync(ct))
                    {
                        data = SessionData.FromJson(reader.GetFieldValue<byte[]>(0));
                    }
                }
                var held = new Held(connection);
                _held[id] = held;
                return new Release(this, held, id);
            }, cancellation);
            return new(locked, data);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
            throw;
        }
    }

    public async ValueTask CleanUpAsync(CancellationToken cancellation)
    {
        await EnsureTableAsync(cancellation);
        await using var command = dataSource.CreateCommand($"DELETE FROM {table} WHERE expires <= now()");
        await command.ExecuteNonQueryAsync(cancellation);
    }

    /// <summary>A lock's connection, with the gate that lets one command at a time use it.</summary>
    private sealed class Held(NpgsqlConnection connection)
    {
        public NpgsqlConnection Connection { get; } = connection;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        /// <summary>Unlocked and closed: a command that waited at the gate meanwhile takes a pooled connection.</summary>
        public bool Released { get; set; }
    }

    private sealed class Release(PostgresSessionStore store, Held held, string id) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            store._held.TryRemove(new KeyValuePair<string, Held>(id, held));
            await held.Gate.WaitAsync();
            try
            {
                held.Released = true;
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtextextended($1, 0))", held.Connection);
                command.Parameters.Add(new NpgsqlParameter { Value = id });
                await command.ExecuteScalarAsync();
            }
            finally
            {
                // Closing the connection would release the lock anyway; pooled connections must not keep it.
                await held.Connection.DisposeAsync();
                held.Gate.Release();
            }
        }
    }
}
