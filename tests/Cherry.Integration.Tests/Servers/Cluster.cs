using System.Globalization;
using System.Reflection;
using System.Text;

namespace Cherry.Integration.Tests;

/// <summary>
/// Instances of tests/ClusterApp, each its own OS process, behind nginx, sharing sessions and cached pages through a
/// redis-server of their own (the test kills and restarts it, so not the shared one of <see cref="TestServers"/>).
/// Everything runs from a temporary folder on free loopback ports and ends with <see cref="DisposeAsync"/>, or with
/// the test process through the watchdogs.
/// </summary>
internal sealed class Cluster : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string _directory;
    private readonly int _redisPort;
    private readonly Dictionary<string, ChildProcess> _instances = [];
    private ChildProcess? _redis;
    private ChildProcess? _nginx;

    private Cluster(string directory, int redisPort)
    {
        _directory = directory;
        _redisPort = redisPort;
    }

    /// <summary>The load balancer's address: every request of the test goes through it.</summary>
    public Uri Address { get; private set; } = null!;

    public static async Task<Cluster> StartAsync(params string[] names)
    {
        var cluster = new Cluster(Directory.CreateTempSubdirectory("cherry-cluster-").FullName, Ports.Free());
        try
        {
            await cluster.StartRedisAsync();
            var ports = names.ToDictionary(name => name, _ => Ports.Free());
            await Task.WhenAll(ports.Select(p => cluster.StartInstanceAsync(p.Key, p.Value)));
            await cluster.StartNginxAsync(ports.Values);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Redis on the cluster's port, its data in the cluster's folder. With appendfsync no, Redis writes each change to
    /// its append-only file (to the OS, not the disk) before it answers, so what it acknowledged survives
    /// <see cref="KillRedisAsync"/> (not a machine crash, which is not tested); everysec may hold writes back for up to
    /// two seconds while a slow fsync runs, and lose them all to the kill.
    /// </summary>
    public async Task StartRedisAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
        _redis = ChildProcess.Start("redis", ServerBinary.Require("redis-server", "redis-server"),
            ["--port", Invariant(_redisPort), "--bind", "127.0.0.1", "--dir", _directory, "--appendonly", "yes", "--appendfsync", "no", "--save", ""]);
        await _redis.WaitListeningAsync(_redisPort, StartTimeout);
    }

    /// <summary><c>kill -9</c> of Redis.</summary>
    public Task KillRedisAsync() => _redis!.KillAsync();

    /// <summary><c>kill -9</c> of one instance.</summary>
    public Task KillInstanceAsync(string name) => _instances[name].KillAsync();

    /// <summary>What every process wrote, and nginx's error log: for a failure's message.</summary>
    public string Logs()
    {
        var logs = new StringBuilder();
        foreach (var process in _instances.Values.Append(_redis).Append(_nginx).OfType<ChildProcess>())
        {
            logs.Append(CultureInfo.InvariantCulture, $"--- {process.Name}\n{process.Output}");
        }
        var nginxLog = Path.Combine(_directory, "error.log");
        return logs.Append("--- nginx error.log\n").Append(File.Exists(nginxLog) ? File.ReadAllText(nginxLog) : "").ToString();
    }

    private async Task StartInstanceAsync(string name, int port)
    {
        var app = Path.GetFullPath(typeof(Cluster).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ClusterApp").Value!);
        if (!File.Exists(app))
        {
            throw new FileNotFoundException($"{app} is missing; build the solution first.");
        }
        var instance = ChildProcess.Start("instance " + name, "dotnet",
            [app, "--urls", $"http://127.0.0.1:{port}", "--redis", $"127.0.0.1:{_redisPort}", "--instance", name],
            new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Logging__LogLevel__Default"] = "Warning" });
        lock (_instances)
        {
            _instances[name] = instance;
        }
        await instance.WaitListeningAsync(port, StartTimeout);
    }

    private async Task StartNginxAsync(IEnumerable<int> instancePorts)
    {
        var port = Ports.Free();
        var configuration = Path.Combine(_directory, "nginx.conf");
        await File.WriteAllTextAsync(configuration, NginxSite(port, instancePorts));
        _nginx = ChildProcess.Start("nginx", ServerBinary.Require("nginx", "nginx"),
            ["-p", _directory + "/", "-c", configuration, "-e", Path.Combine(_directory, "error.log")]);
        await _nginx.WaitListeningAsync(port, StartTimeout);
        Address = new Uri($"http://127.0.0.1:{port}/");
    }

    /// <summary>
    /// Round robin over the instances. A request whose instance refuses the connection, or does not accept it in
    /// time, goes to the next instance (proxy_next_upstream error timeout); one already sent is not sent again if its
    /// method is not idempotent (nginx's default), so a POST in flight at a crash fails rather than runs twice. An
    /// instance that failed is left out for a second, then tried again.
    /// </summary>
    private string NginxSite(int port, IEnumerable<int> instancePorts) => NginxConfiguration.Write(_directory, $$"""
            upstream cherry {
                {{string.Join(" ", instancePorts.Select(p => $"server 127.0.0.1:{p} max_fails=1 fail_timeout=1s;"))}}
            }
            server {
                listen 127.0.0.1:{{port}};
                location / {
                    proxy_pass http://cherry;
                    # As docs/guide/deployment.md says: HTTP/1.1 upstream, or CherryPy's HTTP/1.0 rules apply.
                    proxy_http_version 1.1;
                    proxy_set_header Connection "";
                    proxy_set_header Host $http_host;
                    proxy_next_upstream error timeout;
                    proxy_connect_timeout 2s;
                }
            }
        """);

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _instances.Values.Append(_nginx).Append(_redis).OfType<ChildProcess>())
        {
            await process.DisposeAsync();
        }
        Directory.Delete(_directory, recursive: true);
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
