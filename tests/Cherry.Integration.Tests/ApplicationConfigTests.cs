using System.Net;
using Cherry.Integration.Tests.App;

namespace Cherry.Integration.Tests;

/// <summary>
/// The application's own config keys (CherryPy's <c>request.config.get('foo')</c> and custom namespaces), per-path
/// <c>request.show_tracebacks</c>, and sections named by URL reaching members with punctuation: found missing by
/// CherryPy's own test_config.
/// </summary>
public sealed class ApplicationConfigTests : IAsyncLifetime
{
    private CherryServer _server = null!;

    public async Task InitializeAsync() => _server = await CherryServer.StartAsync(
        app => app.MapCherry<AppConfigRoot>("/", o => o
            .Set("/", "colour", "red").Set("/", "size", "small")
            .Set("/section", "colour", "blue")
            .Set("/page.html", "colour", "green").Set("/page.html", "response.headers.X-Page", "yes")
            .Set("/section", "request.show_tracebacks", "False")),
        options =>
        {
            options.ConfigNamespaces.Add("db");
            options.Config.Set("global", "db.scheme", "sqlite").Set("global", "size", "large");
            options.ShowTracebacks = true;
        });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("/?key=colour", "red")]
    [InlineData("/?key=size", "small")]
    [InlineData("/section/?key=colour", "blue")]
    [InlineData("/section/?key=size", "small")]
    [InlineData("/section/?key=db.scheme", "sqlite")]
    [InlineData("/?key=missing", "(none)")]
    [InlineData("/?key=tools.no.such", "(none)")]
    public async Task Keys_without_a_namespace_or_in_a_declared_one_are_read_per_path(string url, string expected)
    {
        var (response, body) = await _server.Client.FetchAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, body);
    }

    [Fact]
    public async Task A_section_named_by_url_reaches_a_member_whose_segment_has_punctuation()
    {
        var (response, body) = await _server.Client.FetchAsync("/page.html?key=colour");
        Assert.Equal("green", body);
        Assert.Equal("yes", response.Headers.GetValues("X-Page").Single());
    }

    [Fact]
    public async Task Show_tracebacks_can_be_switched_off_for_a_path()
    {
        var (shown, page) = await _server.Client.FetchAsync("/fail");
        Assert.Equal(HttpStatusCode.InternalServerError, shown.StatusCode);
        Assert.Contains("a failure with a trace", page);
        var (hidden, quiet) = await _server.Client.FetchAsync("/section/fail");
        Assert.Equal(HttpStatusCode.InternalServerError, hidden.StatusCode);
        Assert.DoesNotContain("a failure with a trace", quiet);
    }

    [Fact]
    public async Task A_dotted_key_in_an_undeclared_namespace_still_stops_start_up()
    {
        var error = await Assert.ThrowsAsync<CherryConfigurationException>(() =>
            CherryServer.StartAsync(app => app.MapCherry<AppConfigRoot>("/", o => o.Set("/", "db.scheme", "x"))));
        Assert.Contains("key 'db.scheme'", error.Message);
        Assert.Contains("CherryOptions.ConfigNamespaces", error.Message);
    }

    [Fact]
    public async Task None_switches_off_a_text_tool_argument_and_an_own_key_set_above()
    {
        await using var server = await CherryServer.StartAsync(app => app.MapCherry<AppConfigRoot>("/", o => o
            .Set("/", "tools.proxy.on", "True").Set("/", "tools.proxy.base", "www.example.test").Set("/", "colour", "red")
            .Set("/section", "tools.proxy.base", null).Set("/section", "colour", null)));
        Assert.Equal("http://www.example.test", (await server.Client.FetchAsync("/base")).Body);
        Assert.Equal(server.Address.ToString().TrimEnd('/'), (await server.Client.FetchAsync("/section/base")).Body);
        Assert.Equal("red", (await server.Client.FetchAsync("/?key=colour")).Body);
        Assert.Equal("(none)", (await server.Client.FetchAsync("/section/?key=colour")).Body);
    }

    [Theory]
    [InlineData("tools.decode.default_encoding", "key 'tools.decode.default_encoding': None is only for a text argument")]
    [InlineData("tools.gzip.on", "key 'tools.gzip.on': None is only for a text argument")]
    [InlineData("response.headers.X-A", "key 'response.headers.X-A': None switches off only")]
    public async Task None_is_refused_where_nothing_can_be_switched_off(string key, string expected)
    {
        var error = await Assert.ThrowsAsync<CherryConfigurationException>(() =>
            CherryServer.StartAsync(app => app.MapCherry<AppConfigRoot>("/", o => o.Set("/", "tools.decode.on", "True").Set("/section", key, null))));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task Ini_values_are_read_as_python_literals()
    {
        var path = Path.Combine(Path.GetTempPath(), "cherry-appconfig-" + Guid.NewGuid().ToString("N") + ".conf");
        await File.WriteAllTextAsync(path, "[/]\nones: \"11\"\nneg: -1234\ntools.proxy.on = True\ntools.proxy.base = 'www.example.test'\n[/section]\ntools.proxy.base = None\n");
        try
        {
            await using var server = await CherryServer.StartAsync(app => app.MapCherry<AppConfigRoot>("/", o => o.AddIniFile(path)));
            Assert.Equal("11", (await server.Client.FetchAsync("/?key=ones")).Body);
            Assert.Equal("-1234", (await server.Client.FetchAsync("/?key=neg")).Body);
            Assert.Equal(server.Address.ToString().TrimEnd('/'), (await server.Client.FetchAsync("/section/base")).Body);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
