using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Cherry.Stores;

/// <summary>
/// A minimal memcached text-protocol client: get, set, add, touch and delete over one connection per operation from a small
/// pool. Hand-written because no .NET memcached client package is served here.
/// </summary>
internal sealed class MemcachedClient(string host, int port) : IAsyncDisposable
{
    private readonly System.Collections.Concurrent.ConcurrentBag<Connection> _idle = [];

    /// <summary>A client of <c>host:port</c>.</summary>
    /// <exception cref="ArgumentException">The endpoint is not <c>host:port</c> with a port number.</exception>
    public static MemcachedClient Parse(string endpoint)
    {
        var colon = endpoint.LastIndexOf(':');
        return colon > 0 && int.TryParse(endpoint.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? new MemcachedClient(endpoint[..colon], port)
            : throw new ArgumentException($"A memcached endpoint is host:port, not '{endpoint}'.", nameof(endpoint));
    }

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellation)
    {
        var reply = await RunAsync($"get {Key(key)}\r\n", null, readValue: true, cancellation);
        return reply.Value;
    }

    public async ValueTask SetAsync(string key, byte[] value, TimeSpan lifetime, CancellationToken cancellation) =>
        Expect(await RunAsync($"set {Key(key)} 0 {Seconds(lifetime)} {value.Length}\r\n", value, false, cancellation), "STORED");

    /// <returns>False when the key exists already (memcached's atomic add, used as a lock).</returns>
    public async ValueTask<bool> AddAsync(string key, byte[] value, TimeSpan lifetime, CancellationToken cancellation)
    {
        var reply = await RunAsync($"add {Key(key)} 0 {Seconds(lifetime)} {value.Length}\r\n", value, false, cancellation);
        return reply.Line == "STORED" || (reply.Line == "NOT_STORED" ? false : throw new IOException("memcached: " + reply.Line));
    }

    /// <summary>A new lifetime for an item, if it is still there (memcached's touch).</summary>
    public async ValueTask TouchAsync(string key, TimeSpan lifetime, CancellationToken cancellation)
    {
        var reply = await RunAsync($"touch {Key(key)} {Seconds(lifetime)}\r\n", null, false, cancellation);
        if (reply.Line is not ("TOUCHED" or "NOT_FOUND"))
        {
            throw new IOException("memcached: " + reply.Line);
        }
    }

    public async ValueTask DeleteAsync(string key, CancellationToken cancellation)
    {
        var reply = await RunAsync($"delete {Key(key)}\r\n", null, false, cancellation);
        if (reply.Line is not ("DELETED" or "NOT_FOUND"))
        {
            throw new IOException("memcached: " + reply.Line);
        }
    }

    private static void Expect((string Line, byte[]? Value) reply, string expected)
    {
        if (reply.Line != expected)
        {
            throw new IOException("memcached: " + reply.Line);
        }
    }

    /// <summary>
    /// memcached's exptime: seconds from now up to 30 days; past that memcached reads the number as a Unix time, so a
    /// longer lifetime goes as one (a 31-day session sent as seconds was read as a date in 1970 and expired at once).
    /// The server compares it with its own wall clock, so the system clock is the one to add to, not an injected one.
    /// </summary>
    private static string Seconds(TimeSpan lifetime)
    {
        const long MaxRelativeSeconds = 30 * 24 * 60 * 60;
        var seconds = Math.Max(1, (long)Math.Ceiling(lifetime.TotalSeconds));
        var exptime = seconds <= MaxRelativeSeconds ? seconds : DateTimeOffset.UtcNow.ToUnixTimeSeconds() + seconds;
        return exptime.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Keys are ASCII without spaces or control characters, at most 250 bytes: anything else is hashed.</summary>
    private static string Key(string key) =>
        key.Length <= 200 && key.All(c => c > ' ' && c < 127)
            ? key
            : "h:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private async ValueTask<(string Line, byte[]? Value)> RunAsync(string command, byte[]? payload, bool readValue, CancellationToken cancellation)
    {
        var connection = _idle.TryTake(out var idle) ? idle : await Connection.OpenAsync(host, port, cancellation);
        try
        {
            var result = await connection.ExchangeAsync(command, payload, readValue, cancellation);
            _idle.Add(connection);
            return result;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
        }
        return ValueTask.CompletedTask;
    }

    private sealed class Connection : IDisposable
    {
        private readonly TcpClient _client;
        private readonly BufferedStream _stream;

        private Connection(TcpClient client)
        {
            _client = client;
            _stream = new BufferedStream(client.GetStream());
        }

        public static async ValueTask<Connection> OpenAsync(string host, int port, CancellationToken cancellation)
        {
            var client = new TcpClient { NoDelay = true };
            await client.ConnectAsync(host, port, cancellation);
            return new Connection(client);
        }

        public async ValueTask<(string Line, byte[]? Value)> ExchangeAsync(string command, byte[]? payload, bool readValue, CancellationToken cancellation)
        {
            await _stream.WriteAsync(Encoding.ASCII.GetBytes(command), cancellation);
            if (payload is not null)
            {
                await _stream.WriteAsync(payload, cancellation);
                await _stream.WriteAsync("\r\n"u8.ToArray(), cancellation);
            }
            await _stream.FlushAsync(cancellation);
            var line = await ReadLineAsync(cancellation);
            if (!readValue)
            {
                return (line, null);
            }
            if (line == "END")
            {
                return (line, null);
            }
            // VALUE <key> <flags> <bytes>
            var parts = line.Split(' ');
            if (parts.Length < 4 || parts[0] != "VALUE")
            {
                throw new IOException("memcached: " + line);
            }
            var value = new byte[int.Parse(parts[3], CultureInfo.InvariantCulture)];
            await _stream.ReadExactlyAsync(value, cancellation);
            await ReadLineAsync(cancellation);
            var end = await ReadLineAsync(cancellation);
            return end == "END" ? (line, value) : throw new IOException("memcached: " + end);
        }

        private async ValueTask<string> ReadLineAsync(CancellationToken cancellation)
        {
            var line = new StringBuilder();
            var one = new byte[1];
            while (true)
            {
                if (await _stream.ReadAsync(one, cancellation) == 0)
                {
                    throw new IOException("memcached closed the connection.");
                }
                if (one[0] == '\n')
                {
                    return line.ToString().TrimEnd('\r');
                }
                line.Append((char)one[0]);
            }
        }

        public void Dispose()
        {
            _stream.Dispose();
            _client.Dispose();
        }
    }
}
