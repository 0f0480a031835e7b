using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Cherry.Integration.Tests.App;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Cherry.Integration.Tests;

/// <summary>The reference app and the upload handlers over h2c (HTTP/2 without TLS, by prior knowledge).</summary>
public sealed class Http2Fixture : IAsyncLifetime
{
    public CherryServer Server { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>A request for HTTP/2 and nothing else: no fallback to HTTP/1.1 could pass a test unnoticed.</summary>
    public static HttpRequestMessage Request(HttpMethod method, string path) =>
        new(method, path) { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };

    public async Task InitializeAsync()
    {
        Server = await CherryServer.StartAsync(
            app =>
            {
                app.MapCherry<ReferenceRoot>("/", o => ReferenceAppFixture.WithSessions(o));
                app.MapCherry<UploadRoot>("/upload");
            },
            kestrel: o => o.ConfigureEndpointDefaults(l => l.Protocols = HttpProtocols.Http2));
        Client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = Server.Address };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>
/// What holds over HTTP/1.1 holds over HTTP/2, whose framing has no Transfer-Encoding: a body without Content-Length
/// is streamed in DATA frames, as chunked HTTP/1.1 streams it.
/// </summary>
public sealed class Http2Tests(Http2Fixture fixture) : IClassFixture<Http2Fixture>
{
    /// <summary>Content whose length is not known in advance: HTTP/1.1 sends it chunked, HTTP/2 without Content-Length.</summary>
    private sealed class UnknownLengthContent : HttpContent
    {
        private readonly byte[] _bytes;

        public UnknownLengthContent(string text, string contentType)
        {
            _bytes = Encoding.UTF8.GetBytes(text);
            Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private async Task<(HttpResponseMessage Response, string Body)> PostAsync(string path, HttpContent content)
    {
        using var request = Http2Fixture.Request(HttpMethod.Post, path);
        request.Content = content;
        var (response, body) = await fixture.Client.FetchAsync(request);
        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.False(request.Content.Headers.ContentLength.HasValue);
        return (response, body);
    }

    [Fact]
    public async Task A_form_body_without_length_is_read_over_http2()
    {
        var (response, body) = await PostAsync("/one", new UnknownLengthContent("p1=streamed", "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("one p1=streamed", body);
    }

    [Fact]
    public async Task An_xml_rpc_call_without_length_is_answered_over_http2()
    {
        const string call = "<?xml version='1.0'?><methodCall><methodName>add</methodName><params>"
            + "<param><value><int>2</int></value></param><param><value><int>3</int></value></param></params></methodCall>";
        var (response, body) = await PostAsync("/xmlrpc/", new UnknownLengthContent(call, "text/xml"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<int>5</int>", body);
    }

    [Fact]
    public async Task A_multipart_upload_without_length_is_read_over_http2()
    {
        const string multipart = "--XyZ\r\nContent-Disposition: form-data; name=\"myfile\"; filename=\"h2.txt\"\r\n"
            + "Content-Type: text/plain\r\n\r\nover http/2\r\n--XyZ--\r\n";
        var (response, body) = await PostAsync("/upload/file_name", new UnknownLengthContent(multipart, "multipart/form-data; boundary=XyZ"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("h2.txt", body);
    }

    [Fact]
    public async Task Curl_uploads_from_stdin_over_h2c_as_it_does_chunked_over_http1()
    {
        var url = new Uri(fixture.Server.Address, "/rest/").ToString();
        string[] form = ["-s", "-T", "-", "-H", "Content-Type: application/x-www-form-urlencoded", "-w", "\n%{http_version} %{http_code}"];
        Assert.Equal("put piped\n2 200", await Curl.RunAsync("value=piped"u8.ToArray(), ["--http2-prior-knowledge", .. form, url]));
        // The same upload over HTTP/1.1 is chunked: the answer the HTTP/2 one must match.
        await using var http1 = await CherryServer.StartAsync(app => app.MapCherry<ReferenceRoot>("/", o => ReferenceAppFixture.WithSessions(o)));
        Assert.Equal("put piped\n1.1 200", await Curl.RunAsync("value=piped"u8.ToArray(), ["--http1.1", .. form, new Uri(http1.Address, "/rest/").ToString()]));
    }

    [Fact]
    public async Task A_post_that_ends_with_its_headers_and_states_no_length_is_still_411()
    {
        // HTTP/1.1's POST with neither Content-Length nor Transfer-Encoding, in HTTP/2's framing: HEADERS with END_STREAM.
        var output = await Curl.RunAsync("-s", "--http2-prior-knowledge", "-X", "POST", "-o", "/dev/null", "-w", "%{http_version} %{http_code}",
            new Uri(fixture.Server.Address, "/one").ToString());
        Assert.Equal("2 411", output);
    }
}
