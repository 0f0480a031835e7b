using System.IO.Compression;
using System.Net;
using System.Text;
using Cherry.Integration.Tests.App;
using Microsoft.AspNetCore.Builder;

namespace Cherry.Integration.Tests;

/// <summary>staticdir under gzip and caching: a small file and one larger than <see cref="GzipTool.MaxBufferedFile"/>.</summary>
public sealed class StaticGzipFixture : IAsyncLifetime
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("cherry-static-gzip-").FullName;

    public string Small { get; } = string.Concat(Enumerable.Repeat("small and compressible; ", 400));

    public string Large { get; } = string.Concat(Enumerable.Range(0, 120_000).Select(i => $"line {i}\n"));

    public CherryServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(Directory, "small.txt"), Small);
        await File.WriteAllTextAsync(Path.Combine(Directory, "large.txt"), Large);
        await File.WriteAllTextAsync(Path.Combine(Directory, "limit.txt"), Large[..(int)GzipTool.MaxBufferedFile]);
        await File.WriteAllTextAsync(Path.Combine(Directory, "past-limit.txt"), Large[..((int)GzipTool.MaxBufferedFile + 1)]);
        Server = await CherryServer.StartAsync(app => app.MapCherry<StaticRoot>("/", o => ReferenceAppFixture.WithSessions(o)
            .Set("/files", "tools.staticdir.on", "True")
            .Set("/files", "tools.staticdir.dir", Directory)
            .Set("/files", "tools.gzip.on", "True")
            .Set("/files", "tools.caching.on", "True")));
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}

public sealed class StaticGzipTests(StaticGzipFixture fixture) : IClassFixture<StaticGzipFixture>
{
    private readonly HttpClient _client = fixture.Server.Client;

    private async Task<(HttpResponseMessage Response, byte[] Body)> GetAsync(string url, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        var response = await _client.SendAsync(request);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    private static string Gunzip(byte[] body)
    {
        using var gunzip = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        return new StreamReader(gunzip).ReadToEnd();
    }

    [Fact]
    public async Task A_small_file_is_compressed_whole_with_a_length_and_cached()
    {
        var (first, body) = await GetAsync("/files/small.txt", ("Accept-Encoding", "gzip"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("gzip", first.Content.Headers.ContentEncoding.Single());
        Assert.NotEqual(true, first.Headers.TransferEncodingChunked);
        Assert.Equal(body.Length, first.Content.Headers.ContentLength);
        Assert.True(body.Length < fixture.Small.Length);
        Assert.Equal(fixture.Small, Gunzip(body));

        var (second, again) = await GetAsync("/files/small.txt", ("Accept-Encoding", "gzip"));
        Assert.True(second.Headers.Age.HasValue, "the second answer comes from the cache");
        Assert.Equal(body, again);

        var (plain, text) = await GetAsync("/files/small.txt");
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal(fixture.Small, Encoding.UTF8.GetString(text));
    }

    [Fact]
    public async Task A_large_file_is_compressed_as_it_is_sent()
    {
        var (response, body) = await GetAsync("/files/large.txt", ("Accept-Encoding", "gzip"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("gzip", response.Content.Headers.ContentEncoding.Single());
        Assert.True(response.Headers.TransferEncodingChunked);
        Assert.True(fixture.Large.Length > GzipTool.MaxBufferedFile);
        Assert.Equal(fixture.Large, Gunzip(body));
    }

    [Theory]
    [InlineData("limit.txt", 0, false)]
    [InlineData("past-limit.txt", 1, true)]
    public async Task A_file_of_the_buffer_limit_is_compressed_whole_and_one_byte_more_as_it_is_sent(string name, int past, bool chunked)
    {
        var (response, body) = await GetAsync("/files/" + name, ("Accept-Encoding", "gzip"));
        Assert.Equal("gzip", response.Content.Headers.ContentEncoding.Single());
        Assert.Equal(chunked, response.Headers.TransferEncodingChunked == true);
        if (!chunked)
        {
            Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        }
        Assert.Equal(fixture.Large[..((int)GzipTool.MaxBufferedFile + past)], Gunzip(body));
    }

    [Fact]
    public async Task A_range_of_a_file_is_sent_as_it_is()
    {
        var (response, body) = await GetAsync("/files/small.txt", ("Accept-Encoding", "gzip"), ("Range", "bytes=0-9"));
        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal(fixture.Small[..10], Encoding.UTF8.GetString(body));
    }
}
