using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Cherry.Conformance.Tests;

/// <summary>Which real client sends a step.</summary>
public enum Client
{
    /// <summary>HttpClient, no redirects, no cookie container, no decompression.</summary>
    HttpClient,

    /// <summary>Bytes on a socket, for requests no client library will send (no Host, dot segments, no length).</summary>
    Raw,

    /// <summary>The curl binary with the step's options (<c>--digest</c>, <c>--http1.0</c>, <c>--compressed</c>).</summary>
    Curl,

    /// <summary>A Python 3 script (xmlrpc.client, urllib); the answer is what it prints.</summary>
    Python,
}

/// <summary>How a step's bodies are compared after normalisation.</summary>
public enum BodyComparison
{
    /// <summary>Error statuses compare the error page's title and message; other statuses the whole text.</summary>
    Auto,
    Text,
    Json,
    /// <summary>The keys of the statistics namespaces named "… Applications" (values are live figures).</summary>
    StatisticsKeys,
    /// <summary>XML compared without insignificant whitespace and declaration quoting.</summary>
    Xml,
    /// <summary>The first line only (pages whose rest lists live figures).</summary>
    FirstLine,
    None,
}

/// <summary>One request of a case, sent the same way to both servers.</summary>
public sealed record Step(string Method, string Target)
{
    public Client Client { get; init; } = Client.HttpClient;

    public IReadOnlyList<(string Name, string Value)> Headers { get; init; } = [];

    public byte[]? Body { get; init; }

    public string? ContentType { get; init; }

    /// <summary>Send the body without a length (chunked).</summary>
    public bool Chunked { get; init; }

    public Version Version { get; init; } = HttpVersion.Version11;

    /// <summary>Extra curl options; the URL is appended.</summary>
    public IReadOnlyList<string> CurlOptions { get; init; } = [];

    /// <summary>For <see cref="Client.Raw"/>: the request text, with {host} for the server's host:port.</summary>
    public string? RawRequest { get; init; }

    /// <summary>For <see cref="Client.Python"/>: the script, with {url} for the server's base URL (ending in a slash).</summary>
    public string? Script { get; init; }

    /// <summary>Headers compared beyond the standard set.</summary>
    public IReadOnlyList<string> Compare { get; init; } = [];

    /// <summary>Headers whose presence (not value) is compared: dates, ages, live validators.</summary>
    public IReadOnlyList<string> Present { get; init; } = [];

    public BodyComparison BodyComparison { get; init; } = BodyComparison.Auto;

    /// <summary>
    /// Compare the status only: the answer comes from the HTTP server layer (cheroot or Kestrel), not from the
    /// framework, so its headers and body are the server's own.
    /// </summary>
    public bool StatusOnly { get; init; }

    /// <summary>A pause before the step, for ages and clocks.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Send the cookies earlier steps of the case set (each server its own).</summary>
    public bool WithCookies { get; init; }

    /// <summary>Completes the step from what this server answered before (a digest response to its own nonce).</summary>
    public Func<Step, CaseState, Step>? Prepare { get; init; }

    public Step With(string name, string value) => this with { Headers = [.. Headers, (name, value)] };

    public override string ToString()
    {
        var text = Method + " " + Target;
        if (Headers.Count > 0)
        {
            text += " " + string.Join(", ", Headers.Select(h => $"{h.Name}: {h.Value}"));
        }
        if (Body is { Length: > 0 } body)
        {
            text += " body " + Encoding.UTF8.GetString(body);
        }
        return Client switch
        {
            Client.Curl => "curl " + string.Join(" ", CurlOptions) + " " + text,
            Client.Python => "python: " + Script!.Split('\n')[0] + " …",
            Client.Raw => "raw " + text,
            _ => Version == HttpVersion.Version10 ? "HTTP/1.0 " + text : text,
        };
    }
}

/// <summary>What a server answered to a step.</summary>
public sealed class Observed
{
    public required int Status { get; init; }

    public string Reason { get; init; } = "";

    /// <summary>Every status curl saw on the way (a digest challenge, then the answer).</summary>
    public IReadOnlyList<int> Statuses { get; init; } = [];

    public required Dictionary<string, List<string>> Headers { get; init; }

    public required byte[] Body { get; init; }

    public string? Header(string name) => Headers.TryGetValue(name, out var values) ? string.Join(", ", values) : null;

    public string Text => Encoding.UTF8.GetString(Body);

    public override string ToString() =>
        $"{Status} {Reason}\n{string.Join("\n", Headers.SelectMany(h => h.Value.Select(v => h.Key + ": " + v)))}\n\n{(Text.Length > 600 ? Text[..600] + "…" : Text)}";
}

/// <summary>One server's side of a case: its cookies and what it answered so far.</summary>
public sealed class CaseState
{
    public Dictionary<string, string> Cookies { get; } = new(StringComparer.Ordinal);

    public List<(Step Step, Observed Answer)> History { get; } = [];

    public string CookieHeader => string.Join("; ", Cookies.Select(c => c.Key + "=" + c.Value));

    public void Remember(Step step, Observed answer)
    {
        History.Add((step, answer));
        foreach (var cookie in answer.Headers.GetValueOrDefault("Set-Cookie") ?? [])
        {
            var pair = cookie.Split(';', 2)[0].Split('=', 2);
            Cookies[pair[0].Trim()] = pair.Length > 1 ? pair[1].Trim() : "";
        }
    }
}

/// <summary>Sends steps to one server through the step's client.</summary>
public sealed class Sender(ServerProcess server)
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionLifetime = TimeSpan.Zero,
    });

    public ServerProcess Server => server;

    public Task<Observed> SendAsync(Step step, string cookies) => step.Client switch
    {
        Client.HttpClient => SendWithHttpClientAsync(step, cookies),
        Client.Raw => SendRawAsync(step),
        Client.Curl => SendWithCurlAsync(step, cookies),
        Client.Python => RunPythonAsync(step),
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    };

    private async Task<Observed> SendWithHttpClientAsync(Step step, string cookies)
    {
        using var request = new HttpRequestMessage(new HttpMethod(step.Method), new Uri(server.Address, step.Target))
        {
            Version = step.Version,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        if (step.Body is not null)
        {
            request.Content = step.Chunked ? new StreamContent(new MemoryStream(step.Body)) : new ByteArrayContent(step.Body);
            if (step.ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", step.ContentType);
            }
        }
        foreach (var (name, value) in step.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content ??= new ByteArrayContent([]);
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }
        if (cookies.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("Cookie", cookies);
        }
        using var response = await Http.SendAsync(request);
        var headers = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            headers[name] = [.. values];
        }
        var body = await response.Content.ReadAsByteArrayAsync();
        return new Observed { Status = (int)response.StatusCode, Reason = response.ReasonPhrase ?? "", Headers = headers, Body = body };
    }

    private async Task<Observed> SendRawAsync(Step step)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(IPAddress.Loopback, server.Port);
        var stream = socket.GetStream();
        var text = step.RawRequest!.Replace("{host}", $"127.0.0.1:{server.Port}");
        await stream.WriteAsync(Encoding.Latin1.GetBytes(text));
        var buffer = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await stream.CopyToAsync(buffer, timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // A server that keeps the connection open after a complete answer: what arrived is the answer.
        }
        return ParseResponses(buffer.ToArray(), headersOnly: false).Last();
    }

    private async Task<Observed> SendWithCurlAsync(Step step, string cookies)
    {
        var bodyFile = Path.GetTempFileName();
        try
        {
            var arguments = new List<string> { "-s", "-D", "-", "-o", bodyFile, "-X", step.Method };
            arguments.AddRange(step.CurlOptions);
            foreach (var (name, value) in step.Headers)
            {
                arguments.AddRange(["-H", $"{name}: {value}"]);
            }
            if (cookies.Length > 0)
            {
                arguments.AddRange(["-H", "Cookie: " + cookies]);
            }
            arguments.Add(new Uri(server.Address, step.Target).ToString());
            var (exit, output, error) = await RunAsync("curl", arguments);
            if (exit != 0)
            {
                throw new InvalidOperationException($"curl failed ({exit}): {error}");
            }
            var responses = ParseResponses(Encoding.Latin1.GetBytes(output), headersOnly: true);
            var last = responses.Last();
            return new Observed
            {
                Status = last.Status,
                Reason = last.Reason,
                Statuses = [.. responses.Select(r => r.Status)],
                Headers = last.Headers,
                Body = await File.ReadAllBytesAsync(bodyFile),
            };
        }
        finally
        {
            File.Delete(bodyFile);
        }
    }

    private async Task<Observed> RunPythonAsync(Step step)
    {
        var (exit, output, error) = await RunAsync("/usr/bin/python3", ["-c", step.Script!.Replace("{url}", server.Address.ToString())]);
        return new Observed
        {
            Status = exit,
            Headers = new(StringComparer.OrdinalIgnoreCase),
            Body = Encoding.UTF8.GetBytes(output + error.Split('\n').LastOrDefault(l => l.Length > 0)),
        };
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Splits raw HTTP/1.x output into its responses: curl's header dump, or one raw exchange.</summary>
    private static List<Observed> ParseResponses(byte[] raw, bool headersOnly)
    {
        var responses = new List<Observed>();
        var position = 0;
        while (position < raw.Length)
        {
            var end = IndexOf(raw, "\r\n\r\n"u8, position);
            var headEnd = end < 0 ? raw.Length : end;
            var lines = Encoding.Latin1.GetString(raw, position, headEnd - position).Split("\r\n");
            var statusParts = lines[0].Split(' ', 3);
            var headers = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in lines.Skip(1))
            {
                var colon = line.IndexOf(':');
                if (colon > 0)
                {
                    var name = line[..colon];
                    if (!headers.TryGetValue(name, out var values))
                    {
                        headers[name] = values = [];
                    }
                    values.Add(line[(colon + 1)..].Trim());
                }
            }
            position = end < 0 ? raw.Length : end + 4;
            var body = Array.Empty<byte>();
            if (headersOnly)
            {
                // curl's header dump: the bodies went to a file.
            }
            else if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparer.OrdinalIgnoreCase))
            {
                (body, position) = Dechunk(raw, position);
            }
            else if (headers.TryGetValue("Content-Length", out var length) && int.TryParse(length[0], out var count))
            {
                count = Math.Min(count, raw.Length - position);
                body = raw[position..(position + count)];
                position += count;
            }
            else
            {
                body = raw[position..];
                position = raw.Length;
            }
            responses.Add(new Observed
            {
                Status = int.Parse(statusParts[1], CultureInfo.InvariantCulture),
                Reason = statusParts.Length > 2 ? statusParts[2] : "",
                Headers = headers,
                Body = body,
            });
        }
        return responses;
    }

    private static (byte[] Body, int Position) Dechunk(byte[] raw, int position)
    {
        var body = new MemoryStream();
        while (position < raw.Length)
        {
            var lineEnd = IndexOf(raw, "\r\n"u8, position);
            var size = Convert.ToInt32(Encoding.Latin1.GetString(raw, position, lineEnd - position).Split(';')[0].Trim(), 16);
            position = lineEnd + 2;
            if (size == 0)
            {
                var trailerEnd = IndexOf(raw, "\r\n"u8, position);
                return (body.ToArray(), trailerEnd < 0 ? raw.Length : trailerEnd + 2);
            }
            body.Write(raw, position, size);
            position += size + 2;
        }
        return (body.ToArray(), position);
    }

    private static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle, int start) =>
        start >= haystack.Length ? -1 : haystack.AsSpan(start).IndexOf(needle) is var i and >= 0 ? start + i : -1;
}
