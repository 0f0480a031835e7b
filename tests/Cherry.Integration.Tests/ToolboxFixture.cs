using Cherry.Integration.Tests.App;
using Microsoft.AspNetCore.Builder;

namespace Cherry.Integration.Tests;

/// <summary>The toolbox mirror with the config-only tools switched on, as an INI file would.</summary>
public sealed class ToolboxFixture : IAsyncLifetime
{
    public CherryServer Server { get; private set; } = null!;

    public static Task<CherryServer> StartAsync(Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null) =>
        CherryServer.StartAsync(app => app.MapCherry<ToolboxRoot>("/", o => o
            .Set("/configured", "tools.gzip.on", "True")
            .Set("/configured", "tools.etags.on", "True")
            .Set("/configured", "tools.etags.autotags", "True")
            .Set("/configured", "tools.expires.on", "True")
            .Set("/configured", "tools.expires.secs", "60")
            .Set("/configured", "tools.expires.force", "True")
            .Set("/configured/accepting", "tools.accept.on", "True")
            .Set("/configured/accepting", "tools.accept.media", "application/json")), services: services);

    public async Task InitializeAsync() => Server = await StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
