using System.Net;
using Cherry.Integration.Tests.App;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

// These tests prove that start-up refuses mistakes itself, for the sources the build cannot see; here they are
// written as constant Set calls, which the analyzers also report (CHERRY0018/0019), so the build's reports are off.
#pragma warning disable CHERRY0018, CHERRY0019

namespace Cherry.Integration.Tests;

/// <summary>
/// A namespace bound to an options class (<c>options.ConfigNamespace&lt;StoreOptions&gt;("store")</c>): its keys typed and
/// read back per path, from every source, with the sections' inheritance; bad keys and values stop start-up, all at once.
/// </summary>
public sealed class TypedConfigTests : IAsyncLifetime
{
    private CherryServer _server = null!;

    public async Task InitializeAsync() => _server = await CherryServer.StartAsync(
        app => app.MapCherry<TypedConfigRoot>("/", o => o
            .Set("/area", "store.Pool", "9").Set("/area", "store.hosts", "a, b").Set("/area", "store.max_bytes", "5000000000")),
        options => options.ConfigNamespace<StoreOptions>("store").Config.Set("global", "store.connection_string", "Server=x").Set("global", "store.ratio", "0.25"));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("/", "Server=x|5|0|0.25|False|Fast|")]
    [InlineData("/area/", "Server=x|9|5000000000|0.25|False|Fast|a,b")]
    [InlineData("/area/safe", "Server=x|9|5000000000|0.25|True|Safe|a,b")]
    public async Task The_options_bound_at_a_path_have_the_keys_in_force_there(string url, string expected)
    {
        var (response, body) = await _server.Client.FetchAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, body);
    }

    [Fact]
    public void Dependency_injection_gives_the_global_binding()
    {
        var options = _server.Services.GetRequiredService<IOptions<StoreOptions>>().Value;
        Assert.Equal("Server=x|1|0|0.25|False|Fast|", StoreOptions.Describe(options));
    }

    [Fact]
    public async Task Bad_keys_and_values_from_sources_the_build_cannot_see_stop_start_up_all_at_once()
    {
        var error = await Assert.ThrowsAsync<CherryConfigurationException>(() => CherryServer.StartAsync(
            app => app.MapCherry<TypedConfigRoot>("/", o => o.Set("/", "store.pool", "many").Set("/area", "store.pol", "3").Set("/area", "store.mode", "Slow")),
            options => options.ConfigNamespace<StoreOptions>("store")));
        var messages = error.Errors.Select(e => e.Message).ToList();
        Assert.Equal(3, messages.Count);
        Assert.Contains(messages, m => m.Contains("section '/', key 'store.pool': StoreOptions.Pool: expected an integer.", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("section '/area', key 'store.pol': StoreOptions has no settable property for 'pol'. Did you mean 'pool'?", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("section '/area', key 'store.mode': StoreOptions.Mode: expected one of Fast, Safe.", StringComparison.Ordinal));
    }
}
