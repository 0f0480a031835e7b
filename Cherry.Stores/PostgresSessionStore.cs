using Npgsql;

namespace Cherry.Stores;

/// <summary>
/// Sessions in PostgreSQL through Npgsql: a <c>cherry_sessions</c> table (created when missing) and a transaction-free
/// advisory lock per session, held on its own connection until released, so instances sharing the database exclude
/// each other and a lock dies with its connection. Requests of one instance wait for each other in memory
/// (<see cref="SessionLocks"/>): only one at a time holds a connection and asks PostgreSQL for the lock.
/// </summary>
public sealed class PostgresSessionStore(NpgsqlDataSource dataSource, string table = "cherry_sessions", TimeProvider? time = null) : ISessionStore
{
    private readonly SessionLocks _locks = new(time);

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
        await using var command = dataSource.CreateCommand($"SELECT data FROM {table} WHERE id = $1 AND expires > now()");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        return await command.ExecuteScalarAsync(cancellation) is byte[] data ? SessionData.FromJson(data) : null;
    }

    public async ValueTask SaveAsync(string id, IReadOnlyDictionary<string, string> data, DateTimeOffset expires, CancellationToken cancellation)
    {
        await EnsureTableAsync(cancellation);
        await using var command = dataSource.CreateCommand(
            $"INSERT INTO {table} (id, data, expires) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET data = excluded.data, expires = excluded.expires");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = SessionData.ToJson(data) });
        command.Parameters.Add(new NpgsqlParameter { Value = expires.UtcDateTime });
        await command.ExecuteNonQueryAsync(cancellation);
    }

    /// <summary>Moves the expiry column only; a row gone meanwhile stays gone.</summary>
    public async ValueTask RenewAsync(string id, IReadOnlyDictionary<string, string> data, DateTimeOffset expires, CancellationToken cancellation)
    {
        await EnsureTableAsync(cancellation);
        await using var command = dataSource.CreateCommand($"UPDATE {table} SET expires = $2 WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = expires.UtcDateTime });
        await command.ExecuteNonQueryAsync(cancellation);
    }

    public async ValueTask DeleteAsync(string id, CancellationToken cancellation)
    {
        await EnsureTableAsync(cancellation);
        await using var command = dataSource.CreateCommand($"DELETE FROM {table} WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await command.ExecuteNonQueryAsync(cancellation);
    }

    public async ValueTask<IAsyncDisposable> LockAsync(string id, TimeSpan? timeout, CancellationToken cancellation)
    {
        // Opened by the request at the head of this instance's queue only: a waiting request holds no pooled connection.
        NpgsqlConnection? connection = null;
        try
        {
            return await _locks.AcquireAsync(id, timeout, async ct =>
            {
                connection ??= await dataSource.OpenConnectionAsync(ct);
                await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(hashtextextended($1, 0))", connection);
                command.Parameters.Add(new NpgsqlParameter { Value = id });
                return await command.ExecuteScalarAsync(ct) is true ? new Release(connection, id) : null;
            }, cancellation);
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

    private sealed class Release(NpgsqlConnection connection, string id) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtextextended($1, 0))", connection);
                command.Parameters.Add(new NpgsqlParameter { Value = id });
                await command.ExecuteScalarAsync();
            }
            finally
            {
                // Closing the connection would release the lock anyway; pooled connections must not keep it.
                await connection.DisposeAsync();
            }
        }
    }
}
