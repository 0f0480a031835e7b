using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Cherry.Integration.Tests.App;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;

namespace Cherry.Integration.Tests;

/// <summary>
/// docs/guide/deployment.md's two nginx blocks, read from the page as they are written, in front of a Cherry app that
/// follows the guide (UseForwardedHeaders with the prefix): the Debian nginx on loopback, ending TLS with HTTP/2 for the
/// client. The client connects from 127.0.0.3, so the address the app sees is the client's, not nginx's (127.0.0.1).
/// </summary>
[Trait("Category", "Slow")]
public sealed partial class NginxDeploymentTests : IAsyncLifetime
{
    private const string ClientAddress = "127.0.0.3";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly string _directory = Directory.CreateTempSubdirectory("cherry-nginx-").FullName;
    private CherryServer _app = null!;
    private ChildProcess _nginx = null!;
    private X509Certificate2 _certificate = null!;
    private HttpClient _client = null!;
    private Uri _front = null!;

    public async Task InitializeAsync()
    {
        var files = Directory.CreateDirectory(Path.Combine(_directory, "files")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(files, "big.bin"), Enumerable.Range(0, 200_000).Select(i => (byte)(i % 251)).ToArray());
        _app = await CherryServer.StartAsync(
            app =>
            {
                app.UseForwardedHeaders(new ForwardedHeadersOptions
                {
                    ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedPrefix,
                });
                app.MapCherry<DeployedRoot>("/", o => o
                    .Set("/", "tools.sessions.on", "True")
                    .Set("/files", "tools.staticdir.on", "True")
                    .Set("/files", "tools.staticdir.dir", files));
            },
            services: services => services.AddKeyedSingleton("wonderland", AuthDigestTool.Ha1FromPasswords(new Dictionary<string, string> { ["alice"] = "4x5istwelve" })));

        _certificate = SelfSigned();
        await File.WriteAllTextAsync(Path.Combine(_directory, "cert.pem"), _certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(Path.Combine(_directory, "key.pem"), _certificate.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
        var port = Ports.Free();
        var configuration = Path.Combine(_directory, "nginx.conf");
        await File.WriteAllTextAsync(configuration, Configuration(port, _app.Address.Port));
        _nginx = ChildProcess.Start("nginx", ServerBinary.Require("nginx", "nginx"), ["-p", _directory + "/", "-c", configuration, "-e", Path.Combine(_directory, "error.log")]);
        await _nginx.WaitListeningAsync(port, StartTimeout);
        _front = new Uri($"https://127.0.0.1:{port}/");
        _client = new HttpClient(Handler(), disposeHandler: true)
        {
            BaseAddress = _front,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_nginx is not null)
        {
            await _nginx.DisposeAsync();
        }
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        _certificate?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task The_client_reaches_the_app_over_https_and_http2_and_the_app_sees_its_scheme_and_address()
    {
        foreach (var prefix in new[] { "", "/app" })
        {
            using var response = await _client.GetAsync(prefix + "/where");
            Assert.Equal(HttpVersion.Version20, response.Version);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal($"scheme=https remote={ClientAddress} url=https://127.0.0.1:{_front.Port}{prefix}/where", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task A_range_of_a_large_file_is_the_range_alone()
    {
        foreach (var prefix in new[] { "", "/app" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, prefix + "/files/big.bin");
            request.Headers.Range = new RangeHeaderValue(1000, 1099);
            using var response = await _client.SendAsync(request);
            Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
            Assert.Equal("bytes 1000-1099/200000", response.Content.Headers.ContentRange!.ToString());
            Assert.Equal(Enumerable.Range(1000, 100).Select(i => (byte)(i % 251)), await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task Redirects_keep_the_scheme_host_and_prefix_and_the_session_cookie_is_secure_in_the_apps_path()
    {
        foreach (var prefix in new[] { "", "/app" })
        {
            using var moved = await _client.GetAsync(prefix + "/moved");
            Assert.Equal(HttpStatusCode.SeeOther, moved.StatusCode);
            Assert.Equal($"https://127.0.0.1:{_front.Port}{prefix}/where", moved.Headers.Location!.ToString());

            using var visit = await _client.GetAsync(prefix + "/visit");
            var cookie = visit.Headers.GetValues("Set-Cookie").Single();
            Assert.Matches("; [Ss]ecure(;|$)", cookie);
            Assert.Contains($"; path={(prefix.Length == 0 ? "/" : prefix)};", cookie + ";");
        }
    }

    [Fact]
    public async Task Curl_logs_in_with_digest_through_the_proxy_with_and_without_the_prefix()
    {
        foreach (var prefix in new[] { "", "/app" })
        {
            var body = await Curl.RunAsync("-sS", "--http2", "--cacert", Path.Combine(_directory, "cert.pem"), "--interface", ClientAddress,
                "--digest", "-u", "alice:4x5istwelve", "-w", " %{http_code} %{http_version}", new Uri(_front, prefix + "/digest/").ToString());
            Assert.Equal("Hello alice 200 2", body);
        }
    }

    [Fact]
    public async Task An_upload_passes_through_whole()
    {
        var file = RandomNumberGenerator.GetBytes(300_000);
        foreach (var prefix in new[] { "", "/app" })
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "data.bin" } };
            using var response = await _client.PostAsync(prefix + "/upload", form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("data.bin:300000", await response.Content.ReadAsStringAsync());
        }
    }

    /// <summary>
    /// A server for the guide's blocks: TLS with HTTP/2 on a free port, the blocks' upstream set to the app's port, in
    /// the frame the cluster test's nginx has too.
    /// </summary>
    private string Configuration(int port, int appPort)
    {
        var blocks = NginxBlocks().Matches(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "deployment.md")))
            .Select(m => m.Groups["code"].Value)
            .Where(block => block.TrimStart().StartsWith("location ", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(2, blocks.Count);
        var locations = string.Join("\n", blocks).Replace("127.0.0.1:8080", "127.0.0.1:" + appPort, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:" + appPort + "/;", locations);
        return NginxConfiguration.Write(_directory, $$"""
                client_max_body_size 10m;
                server {
                    listen 127.0.0.1:{{port}} ssl http2;
                    ssl_certificate {{_directory}}/cert.pem;
                    ssl_certificate_key {{_directory}}/key.pem;
            {{locations}}
                }
            """);
    }

    private HttpMessageHandler Handler()
    {
        var thumbprint = _certificate.Thumbprint;
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.GetCertHashString() == thumbprint,
            },
            // From 127.0.0.3: the proxy's own address is 127.0.0.1, so the two can be told apart.
            ConnectCallback = async (context, cancellation) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(ClientAddress), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellation);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    [GeneratedRegex(@"^```nginx[ \t]*\n(?<code>.*?)^```[ \t]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex NginxBlocks();
}
