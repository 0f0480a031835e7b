using System.Net;
using Xunit.Abstractions;

namespace Cherry.Publish.Tests;

/// <summary>The AOT gate: every sample publishes as a native binary with zero trim/AOT warnings, and the binary serves.</summary>
[Trait("Category", "Slow")]
public sealed class AotTests(ITestOutputHelper output)
{
    /// <summary>Publishes a sample natively with warnings as errors; returns its directory, binary and size.</summary>
    private static async Task<(string Directory, string Binary, long Size)> PublishAsync(string sample)
    {
        var publishDirectory = Path.Combine(Path.GetTempPath(), "cherry-aot-" + Guid.NewGuid().ToString("N"));
        var (exitCode, log) = await Repository.RunAsync("dotnet",
            $"publish samples/{sample}/{sample}.csproj -c Release -r linux-x64 -p:PublishAot=true -warnaserror -o \"{publishDirectory}\"",
            Repository.Root, TimeSpan.FromMinutes(10));
        Assert.True(exitCode == 0, "publish failed:\n" + log);
        var warnings = log.Split('\n').Where(l => l.Contains("warning", StringComparison.OrdinalIgnoreCase) && (l.Contains("IL2") || l.Contains("IL3"))).ToList();
        Assert.Empty(warnings);

        var binary = Path.Combine(publishDirectory, sample);
        Assert.True(File.Exists(binary), "no native binary at " + binary);
        Assert.False(File.Exists(Path.Combine(publishDirectory, sample + ".dll")), "a native publish has no IL entry assembly");
        return (publishDirectory, binary, new FileInfo(binary).Length);
    }

    /// <summary>
    /// Starts a published sample as an operator would over TLS: no --urls, the address in ASPNETCORE_URLS and the
    /// certificate in Kestrel's settings (environment variables), then asks for <paramref name="path"/> over HTTP/2.
    /// </summary>
    private async Task AssertServesOverHttpsAsync(string binary, string arguments, string path, string expected)
    {
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=127.0.0.1", key, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        var names = new System.Security.Cryptography.X509Certificates.SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var pfx = Path.Combine(Directory.CreateTempSubdirectory("cherry-tls-").FullName, "server.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "secret"));
        var port = Repository.FreePort();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"https://127.0.0.1:{port}",
            ["Kestrel__Certificates__Default__Path"] = pfx,
            ["Kestrel__Certificates__Default__Password"] = "secret",
        };
        var log = new System.Text.StringBuilder();
        var (process, _) = await Repository.StartServerAsync(binary, arguments, port, Path.GetDirectoryName(pfx), environment, log);
        try
        {
            var thumbprint = certificate.Thumbprint;
            using var client = new HttpClient(new SocketsHttpHandler
            {
                SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == thumbprint },
            })
            {
                BaseAddress = new Uri($"https://127.0.0.1:{port}"),
                DefaultRequestVersion = HttpVersion.Version20,
                DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            };
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpVersion.Version20, response.Version);
            Assert.Contains(expected, await response.Content.ReadAsStringAsync());
            output.WriteLine($"{Path.GetFileName(binary)} served {path} over HTTPS and HTTP/2 from ASPNETCORE_URLS and Kestrel's certificate settings");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(Path.GetDirectoryName(pfx)!, recursive: true);
        }
    }

    [Fact]
    public async Task Conformance_publishes_native_with_zero_warnings_and_serves_the_reference_url_space()
    {
        var (publishDirectory, binary, size) = await PublishAsync("Conformance");
        var sessions = Directory.CreateTempSubdirectory("cherry-aot-sessions-").FullName;
        var port = Repository.FreePort();
        var (process, startUp) = await Repository.StartServerAsync(binary, $"{port} {sessions}", port);
        try
        {
            output.WriteLine($"native binary: {size / 1024.0 / 1024.0:F1} MiB, listening after {startUp.TotalMilliseconds:F0} ms");
            using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

            Assert.Equal("a=1 b=2 rest=('3', '4') kw=[('k', 'v')]", await client.GetStringAsync("/args/1/2/3/4?k=v"));
            Assert.Equal("""{"answer":42,"list":[1,"two"]}""", await client.GetStringAsync("/json/out"));
            var echo = await client.PostAsync("/json/echo", new StringContent("[13, \"c\"]", System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal("""{"received":[13,"c"]}""", await echo.Content.ReadAsStringAsync());
            Assert.Equal("0123456789abcdefghij", await client.GetStringAsync("/static/digits.txt"));
            Assert.Equal("text/x-digits", (await client.GetAsync("/static_noindex/digits.txt")).Content.Headers.ContentType!.ToString());
            var file = await client.GetAsync("/sfile/");
            Assert.StartsWith("counter=1 id=", await file.Content.ReadAsStringAsync());
            Assert.Single(Directory.GetFiles(sessions, "session-*"), f => !f.EndsWith(".lock", StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/basic/")).StatusCode);
            var rpc = await client.PostAsync("/xmlrpc/", new StringContent(
                "<?xml version='1.0'?><methodCall><methodName>add</methodName><params><param><value><int>2</int></value></param><param><value><int>3</int></value></param></params></methodCall>",
                System.Text.Encoding.UTF8, "text/xml"));
            Assert.Contains("<int>5</int>", await rpc.Content.ReadAsStringAsync());
            Assert.Contains("\"Cherry Applications\"", await client.GetStringAsync("/cpstats/data"));
            // Without a port, as an operator starts it: ASPNETCORE_URLS and Kestrel's certificate settings.
            await AssertServesOverHttpsAsync(binary, sessions, "/json/out", "\"answer\":42");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(publishDirectory, recursive: true);
            Directory.Delete(sessions, recursive: true);
        }
    }

    [Fact]
    public async Task Hello_publishes_native_with_zero_warnings_and_serves_its_routes()
    {
        var (publishDirectory, binary, size) = await PublishAsync("Hello");
        Assert.True(File.Exists(Path.Combine(publishDirectory, "appsettings.json")), "appsettings.json is not published");
        var port = Repository.FreePort();
        // Started from another folder: the content root is the binary's own, so appsettings.json still applies.
        var elsewhere = Directory.CreateTempSubdirectory("cherry-cwd-").FullName;
        var log = new System.Text.StringBuilder();
        var (process, startUp) = await Repository.StartServerAsync(binary, $"--urls http://127.0.0.1:{port}", port, workingDirectory: elsewhere, output: log);
        try
        {
            output.WriteLine($"native binary: {size / 1024.0 / 1024.0:F1} MiB, listening after {startUp.TotalMilliseconds:F0} ms");
            using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

            Assert.Equal("Hello Ada", await client.GetStringAsync("/?name=Ada"));
            await AssertServesOverHttpsAsync(binary, "", "/?name=Tls", "Hello Tls");
            // A typed config namespace bound by generated code, with a handler's [Config] in force at its path.
            Assert.Equal("Hi Ada", await client.GetStringAsync("/hi?name=Ada"));
            var api = await client.GetAsync("/api");
            Assert.Equal("application/json", api.Content.Headers.ContentType!.ToString());
            Assert.Equal("""{"value":42,"words":["one","two"]}""", await api.Content.ReadAsStringAsync());

            var echo = await client.PostAsync("/echo", new StringContent("""{"text":"hi","times":2}""", System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal("""{"text":"HI","times":2}""", await echo.Content.ReadAsStringAsync());
            // The client's mistake is named, not a NullReferenceException in the handler.
            var empty = await client.PostAsync("/echo", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
            // A [JsonOut] handler's errors are problem documents (RFC 9457); the detail names the missing member.
            Assert.Equal("application/problem+json", empty.Content.Headers.ContentType!.MediaType);
            using var problem = System.Text.Json.JsonDocument.Parse(await empty.Content.ReadAsStringAsync());
            Assert.Contains("'text'", problem.RootElement.GetProperty("detail").GetString());

            Assert.Equal("Post 2024/spring", await client.GetStringAsync("/blog/2024/spring"));
            Assert.Equal(HttpStatusCode.MovedPermanently, (await client.GetAsync("/blog")).StatusCode);

            var created = await client.PostAsync("/notes/", new FormUrlEncodedContent([new("text", "native")]));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var notes = await client.GetAsync("/notes/1");
            Assert.Equal("native", await notes.Content.ReadAsStringAsync());
            Assert.Equal("DELETE, GET, HEAD, POST", string.Join(", ", notes.Content.Headers.Allow));

            var missing = await client.GetAsync("/no/such/page");
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.StartsWith("<h1>Nothing here</h1>", await missing.Content.ReadAsStringAsync());

            var bad = await client.GetAsync("/add?a=1&b=two");
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            // The document null reaches no handler that takes no null.
            var nothing = await client.PostAsync("/echo", new StringContent("null", System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);

            // The request fuzzer against the native binary: no 5xx, no hang.
            var (failures, summary) = await Cherry.Integration.Tests.FuzzRunner.RunAsync(client.BaseAddress!,
                ["/", "/hi", "/api", "/echo", "/add", "/teapot", "/blog/", "/blog/2024/spring", "/notes/", "/notes/1", "/nonexistent"], 1_000);
            output.WriteLine(summary);
            Assert.True(failures.Count == 0, string.Join("\n\n", failures));
            // appsettings.json keeps ASP.NET Core's per-request hosting lines out of the log.
            lock (log)
            {
                Assert.DoesNotContain("Request starting", log.ToString());
            }

            // Hello names no gzip tool anywhere the generator looks, so the binary does not hold it: configuration
            // that turns it on stops start-up and says how to opt in.
            var (exitCode, trimmed) = await Repository.RunAsync(binary, $"--urls http://127.0.0.1:{Repository.FreePort()} --Cherry:Apps:/:/:tools.gzip.on=True", elsewhere, TimeSpan.FromMinutes(1));
            Assert.NotEqual(0, exitCode);
            Assert.Contains("the built-in tool 'gzip' is not in this app", trimmed);
            Assert.Contains("options.Tools.Register(() => new GzipTool())", trimmed);

            // A misspelt key of the typed namespace from the command line (a source the build cannot see) stops start-up
            // with the nearest property, through the generated binder's own description of GreetingOptions.
            var (typoExit, typo) = await Repository.RunAsync(binary, $"--urls http://127.0.0.1:{Repository.FreePort()} --Cherry:Apps:/:/hi:greeting.wrod=Hey", elsewhere, TimeSpan.FromMinutes(1));
            Assert.NotEqual(0, typoExit);
            Assert.Contains("GreetingOptions has no settable property for 'wrod'. Did you mean 'word'?", typo);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(publishDirectory, recursive: true);
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Fact]
    public async Task Tutorials_publishes_native_with_zero_warnings_and_serves_the_download_and_error_tutorials()
    {
        var (publishDirectory, binary, size) = await PublishAsync("Tutorials");
        Assert.True(File.Exists(Path.Combine(publishDirectory, "files", "custom_error.html")), "files/ is published beside the binary");
        output.WriteLine($"native binary: {size / 1024.0 / 1024.0:F1} MiB");
        // Started from another folder: files/ is read from the binary's own folder, its content root.
        var elsewhere = Directory.CreateTempSubdirectory("cherry-cwd-").FullName;
        try
        {
            await AssertServesOverHttpsAsync(binary, "tut01", "/", "Hello world!");
            // One process per tutorial, as the app runs one at a time; both from the same publish.
            await RunAsync("tut09", async client =>
            {
                var download = await client.GetAsync("/download");
                Assert.Equal("application/x-download", download.Content.Headers.ContentType!.ToString());
                Assert.Equal("attachment; filename=\"pdf_file.pdf\"", download.Content.Headers.ContentDisposition!.ToString());
                Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(publishDirectory, "files", "pdf_file.pdf")), await download.Content.ReadAsByteArrayAsync());
            });
            await RunAsync("tut10", async client =>
            {
                // Production: no tracebacks until the tool, resolved from DI, applies the switch the link flips.
                Assert.Contains("Toggle tracebacks on", await client.GetStringAsync("/"));
                Assert.Equal(HttpStatusCode.SeeOther, (await client.GetAsync("/toggleTracebacks")).StatusCode);
                var forbidden = await client.GetAsync("/error?code=403");
                Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
                var page = await forbidden.Content.ReadAsStringAsync();
                Assert.Contains("<h2>You can't do that!</h2>", page);
                Assert.Contains("Cherry.HttpError", page);
            });
        }
        finally
        {
            Directory.Delete(publishDirectory, recursive: true);
            Directory.Delete(elsewhere, recursive: true);
        }

        async Task RunAsync(string tutorial, Func<HttpClient, Task> check)
        {
            var port = Repository.FreePort();
            var (process, startUp) = await Repository.StartServerAsync(binary, $"{tutorial} --urls http://127.0.0.1:{port}", port, workingDirectory: elsewhere);
            try
            {
                output.WriteLine($"{tutorial} listening after {startUp.TotalMilliseconds:F0} ms");
                using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
                await check(client);
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
    }

    /// <remarks>
    /// The wiki uses all five of issue 18's features: its root is built by DI (MapCherry&lt;Root&gt;()), the edit form
    /// takes an upload, the API's errors are problem documents, edits drop cached views, and /openapi.json describes it.
    /// </remarks>
    [Fact]
    public async Task Wiki_publishes_native_with_zero_warnings_and_serves_pages_login_the_api_and_assets()
    {
        var (publishDirectory, binary, size) = await PublishAsync("Wiki");
        Assert.True(File.Exists(Path.Combine(publishDirectory, "wiki.conf")), "wiki.conf is published beside the binary");
        Assert.True(File.Exists(Path.Combine(publishDirectory, "static", "wiki.css")), "static/ is published beside the binary");
        var port = Repository.FreePort();
        // Started from another folder: wiki.conf and static/ were published by the content convention and are read
        // from the binary's own folder, its content root.
        var elsewhere = Directory.CreateTempSubdirectory("cherry-cwd-").FullName;
        var (process, startUp) = await Repository.StartServerAsync(binary, $"--urls http://127.0.0.1:{port}", port, workingDirectory: elsewhere);
        try
        {
            output.WriteLine($"native binary: {size / 1024.0 / 1024.0:F1} MiB, listening after {startUp.TotalMilliseconds:F0} ms");
            using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

            Assert.Contains("Welcome to the wiki", await client.GetStringAsync("/page/FrontPage"));
            await AssertServesOverHttpsAsync(binary, "", "/page/FrontPage", "Welcome to the wiki");
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/page/NoSuchPage")).StatusCode);

            var login = await client.PostAsync("/edit/do_login", new FormUrlEncodedContent([new("username", "demo"), new("password", "demo"), new("from_page", "/")]));
            Assert.True((int)login.StatusCode is >= 300 and < 400, "login answered " + login.StatusCode);
            var cookie = login.Headers.GetValues("Set-Cookie").Select(v => v.Split(';')[0]).Single(v => v.StartsWith("wiki_sid=", StringComparison.Ordinal));

            using var put = new HttpRequestMessage(HttpMethod.Put, "/api/pages/Native") { Content = new StringContent("""{"title":"Native <AOT>","text":"x"}""", System.Text.Encoding.UTF8, "application/json") };
            put.Headers.Add("Cookie", cookie);
            var created = await client.SendAsync(put);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Contains("\"title\":\"Native \\u003CAOT\\u003E\"", await created.Content.ReadAsStringAsync());
            Assert.Contains("<h1 class=\"title\">Native &lt;AOT&gt;</h1>", await client.GetStringAsync("/page/Native"));
            // The view is cached now; an edit through the API drops it (CacheInvalidator).
            Assert.NotNull((await client.GetAsync("/page/Native")).Headers.Age);
            using var edit = new HttpRequestMessage(HttpMethod.Put, "/api/pages/Native") { Content = new StringContent("""{"title":"Edited natively"}""", System.Text.Encoding.UTF8, "application/json") };
            edit.Headers.Add("Cookie", cookie);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(edit)).StatusCode);
            var fresh = await client.GetAsync("/page/Native");
            Assert.Null(fresh.Headers.Age);
            Assert.Contains("<h1 class=\"title\">Edited natively</h1>", await fresh.Content.ReadAsStringAsync());

            using var missing = new HttpRequestMessage(HttpMethod.Put, "/api/pages/Native") { Content = new StringContent("""{"text":"no title"}""", System.Text.Encoding.UTF8, "application/json") };
            missing.Headers.Add("Cookie", cookie);
            var refused = await client.SendAsync(missing);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
            Assert.Contains("\\u0027title\\u0027", await refused.Content.ReadAsStringAsync());

            // Natively too: the generated validation walk (a 400 keyed by member), the [Authorize] policy through the
            // API-key scheme, and the rate-limited search.
            var invalid = await client.PostAsync("/api/pages/", new StringContent("""{"name":"a b","title":" "}""", System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
            using (var problem = System.Text.Json.JsonDocument.Parse(await invalid.Content.ReadAsStringAsync()))
            {
                Assert.Equal(["name", "title"], problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name));
            }
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.DeleteAsync("/api/pages/Native")).StatusCode);
            using var export = new HttpRequestMessage(HttpMethod.Get, "/api/export");
            export.Headers.Add("Authorization", "ApiKey demo-editor-key");
            Assert.Contains("\"name\":\"Native\"", await (await client.SendAsync(export)).Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/search?q=wiki")).StatusCode);

            // An upload: the edit form takes the page's text from a file (a Part bound by generated code).
            using var form = new HttpRequestMessage(HttpMethod.Get, "/edit/Uploaded");
            form.Headers.Add("Cookie", cookie);
            var csrf = System.Text.RegularExpressions.Regex.Match(await (await client.SendAsync(form)).Content.ReadAsStringAsync(), "name=\"csrf\" value=\"([0-9A-F]+)\"").Groups[1].Value;
            Assert.NotEmpty(csrf);
            var upload = new MultipartFormDataContent { { new StringContent(csrf), "csrf" }, { new StringContent("Uploaded natively"), "title" } };
            upload.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes("text from a file")), "file", "page.txt");
            using var post = new HttpRequestMessage(HttpMethod.Post, "/edit/Uploaded") { Content = upload };
            post.Headers.Add("Cookie", cookie);
            Assert.Equal(HttpStatusCode.SeeOther, (await client.SendAsync(post)).StatusCode);
            Assert.Contains("text from a file", await client.GetStringAsync("/page/Uploaded"));

            // The OpenAPI document, written at build time, describes the JSON API and the upload.
            var openApi = await client.GetAsync("/openapi.json");
            Assert.Equal("application/json", openApi.Content.Headers.ContentType!.MediaType);
            using (var document = System.Text.Json.JsonDocument.Parse(await openApi.Content.ReadAsStringAsync()))
            {
                Assert.StartsWith("3.1", document.RootElement.GetProperty("openapi").GetString());
                var paths = document.RootElement.GetProperty("paths");
                Assert.True(paths.TryGetProperty("/api/pages/{name}", out _));
                Assert.True(paths.GetProperty("/edit/{name}").GetProperty("post").GetProperty("requestBody").GetProperty("content").TryGetProperty("multipart/form-data", out _));
            }

            using var css = new HttpRequestMessage(HttpMethod.Get, "/static/wiki.css");
            css.Headers.Add("Accept-Encoding", "gzip");
            var asset = await client.SendAsync(css);
            Assert.Equal("gzip", Assert.Single(asset.Content.Headers.ContentEncoding));
            Assert.Equal("public, max-age=86400", asset.Headers.CacheControl!.ToString());
            Assert.NotNull(asset.Content.Headers.Expires);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(publishDirectory, recursive: true);
            Directory.Delete(elsewhere, recursive: true);
        }
    }
}
