using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cherry.Integration.Tests;

/// <summary>
/// Debian's Chromium, headless, driven over the Chrome DevTools Protocol (a WebSocket), with a fresh profile.
/// No browser is downloaded: ./test.sh installs the distribution's package.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> _pending = new();
    private readonly ConcurrentQueue<string> _events = new();
    private readonly CancellationTokenSource _stop = new();
    private int _nextId;
    private Task _receiver = Task.CompletedTask;

    private HeadlessChromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    public static async Task<HeadlessChromium> StartAsync()
    {
        var profile = Directory.CreateTempSubdirectory("cherry-chromium-").FullName;
        var start = new ProcessStartInfo(ServerBinary.Require("chromium", "chromium")) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--no-first-run", "--disable-quic", "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank",
                 })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var browser = new HeadlessChromium(process, profile);
        var portFile = Path.Combine(profile, "DevToolsActivePort");
        // Chromium creates the file before it writes the port into it: wait for the line, not the file.
        string? port = null;
        for (var i = 0; i < 200 && port is null; i++)
        {
            if (File.Exists(portFile) && await File.ReadAllLinesAsync(portFile) is [{ Length: > 0 } first, ..])
            {
                port = first;
                break;
            }
            await Task.Delay(50);
        }
        if (port is null)
        {
            throw new InvalidOperationException("chromium wrote no DevTools port within 10 s.");
        }
        using var http = new HttpClient();
        var targets = JsonNode.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/json/list"))!.AsArray();
        var page = targets.First(t => (string?)t!["type"] == "page")!;
        await browser._socket.ConnectAsync(new Uri((string)page["webSocketDebuggerUrl"]!), CancellationToken.None);
        browser._receiver = browser.ReceiveAsync();
        await browser.SendAsync("Page.enable");
        return browser;
    }

    public async Task<JsonNode?> SendAsync(string method, JsonObject? parameters = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        return await reply.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Runs <paramref name="action"/> and waits for the page load it causes.</summary>
    public async Task LoadAsync(Func<Task> action)
    {
        _events.Clear();
        await action();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!_events.Contains("Page.loadEventFired"))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The page did not load.");
            }
            await Task.Delay(20);
        }
    }

    public Task NavigateAsync(string url) => LoadAsync(() => SendAsync("Page.navigate", new JsonObject { ["url"] = url }));

    public async Task<string> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true });
        return result?["result"]?["value"]?.ToString() ?? "";
    }

    public async Task ScreenshotAsync(string path)
    {
        var result = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png" });
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, Convert.FromBase64String((string)result!["data"]!));
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[1 << 20];
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult received;
                do
                {
                    received = await _socket.ReceiveAsync(buffer, _stop.Token);
                    message.Write(buffer, 0, received.Count);
                }
                while (!received.EndOfMessage);
                var node = JsonNode.Parse(message.ToArray())!;
                if (node["id"] is { } id && _pending.TryRemove((int)id, out var reply))
                {
                    reply.TrySetResult(node["result"]);
                }
                else if (node["method"] is { } method)
                {
                    _events.Enqueue((string)method!);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or JsonException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        await _receiver;
        _socket.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium's last writes may race the deletion; the profile is in a temporary folder.
        }
    }
}
