using System.Net;
using Cherry.Integration.Tests.App;

namespace Cherry.Integration.Tests;

/// <summary>
/// [Config] on classes and handlers (CherryPy's <c>_cp_config</c>), merged as CherryPy's dispatcher merges it: at each
/// level of the path the code's keys, then the section of that path; a handler's over its class's.
/// </summary>
public sealed class CodeConfigTests : IAsyncLifetime
{
    private CherryServer _server = null!;

    public async Task InitializeAsync() => _server = await CherryServer.StartAsync(app => app.MapCherry<CodeConfigRoot>("/", o => o
        .Set("/", "shade", "dark").Set("/", "colour", "red")
        .Set("/plain", "tools.gzip.on", "False")));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Task<(HttpResponseMessage Response, string Body)> FetchGzipAsync(string url) => _server.Client.FetchAsync(url, ("Accept-Encoding", "gzip"));

    [Fact]
    public async Task A_class_config_turns_a_tool_on_for_its_handlers()
    {
        var (response, _) = await FetchGzipAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task A_config_section_for_the_same_path_overrides_it()
    {
        var (response, body) = await FetchGzipAsync("/plain/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal(CodeConfigPlain.Text, body);
    }

    [Fact]
    public async Task A_handler_config_beats_its_class()
    {
        var (response, body) = await FetchGzipAsync("/raw");
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal(CodeConfigPlain.Text, body);
    }

    [Theory]
    // [/] overrides the root class's key at the same level.
    [InlineData("/read?key=shade", "dark")]
    [InlineData("/plain/read?key=shade", "dark")]
    [InlineData("/read?key=colour", "red")]
    // A deeper class's key overrides the shallower section.
    [InlineData("/plain/read?key=colour", "blue")]
    [InlineData("/read?key=tools.gzip.on", "True")]
    [InlineData("/plain/read?key=tools.gzip.on", "False")]
    public async Task Own_keys_in_code_read_back_per_path(string url, string expected)
    {
        var (response, body) = await _server.Client.FetchAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, body);
    }

    [Fact]
    public async Task Bad_config_in_code_stops_start_up_naming_every_error_and_its_source()
    {
        var error = await Assert.ThrowsAsync<CherryConfigurationException>(() => CherryServer.StartAsync(app => app.MapCherry<BadCodeConfigRoot>("/")));
        var messages = error.Errors.Select(e => e.Message).ToList();
        Assert.Contains(messages, m => m.Contains("'[Config] on Cherry.Integration.Tests.App.BadCodeConfigRoot', key 'tools.caching.delay': expected an integer", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("'[Config] on Cherry.Integration.Tests.App.BadCodeConfigRoot.Index', key 'tools.gzipp.on'", StringComparison.Ordinal)
            && m.Contains("Did you mean 'gzip'?", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("key 'tools.sessions.name': the value 'sid' is written as in an INI file", StringComparison.Ordinal));
        Assert.Equal(3, error.Errors.Count);
    }
}
