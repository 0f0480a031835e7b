using Cherry.Integration.Tests.App;
using Microsoft.AspNetCore.Builder;

namespace Cherry.Integration.Tests;

/// <summary>The toolbox mirror with the config-only tools switched on, as an INI file would.</summary>
public sealed class ToolboxFixture : IAsyncLifetime
{
    public CherryServer Server { get; private set; } = null!;

    public static Task<CherryServer> StartAsync(Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null) =>
        CherryServer.StartAsync(app => app.MapCherry<ToolboxRoot>("/", o => o
            .Set("/gzip/stream", "response.stream", "True")
            .Set("/gzip/empty_stream", "response.stream", "True")
            .Set("/configured", "tools.gzip.on", "True")
            .Set("/configured", "tools.etags.on", "True")
            .Set("/configured", "tools.etags.autotags", "True")
            .Set("/configured", "tools.expires.on", "True")
            .Set("/configured", "tools.expires.secs", "60")
            .Set("/configured", "tools.expires.force", "True")
            .Set("/configured/accepting", "tools.accept.on", "True")
            .Set("/configured/accepting", "tools.accept.media", "application/json")
            .Set("/configured/allowing", "tools.allow.on", "True")
            .Set("/configured/allowing", "tools.allow.methods", "GET,PUT")
            .Set("/configured/referring", "tools.referer.on", "True")
            .Set("/configured/referring", "tools.referer.pattern", "https://ok\\.test")
            .Set("/configured/proxied", "tools.proxy.on", "True")
            .Set("/configured/proxied", "tools.proxy.remote", "X-Real-IP")
            .Set("/configured/moved", "tools.redirect.on", "True")
            .Set("/configured/moved", "tools.redirect.url", "/configured/accepting")
            .Set("/configured/moved", "tools.redirect.internal", "False")
            .Set("/configured/failing", "tools.err_redirect.on", "True")
            .Set("/configured/failing", "tools.err_redirect.url", "/configured/accepting")
            .Set("/configured/failing", "tools.log_headers.on", "True")
            .Set("/configured/varying", "tools.autovary.on", "True")
            .Set("/configured/nested", "tools.flatten.on", "True")
            .Set("/configured/ranging", "tools.ignore_headers.on", "True")
            .Set("/configured/charset", "tools.encode.encoding", "iso-8859-1")
            .Set("/configured/decoding", "tools.decode.on", "True")
            .Set("/configured/decoding", "tools.decode.encoding", "iso-8859-1")
            .Set("/configured/cached", "tools.caching.on", "True")
            .Set("/configured/cached", "tools.caching.delay", "60")
            .Set("/configured/cached", "tools.log_hooks.on", "True")), services: services);

    public async Task InitializeAsync() => Server = await StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
