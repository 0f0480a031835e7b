using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cherry.Integration.Tests;

/// <summary>A real Kestrel server on 127.0.0.1 with an ephemeral port, hosting Cherry apps for a test.</summary>
public sealed class CherryServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CherryServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = address };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<CherryServer> StartAsync(
        Action<WebApplication> map,
        Action<CherryOptions>? configure = null,
        string environment = "Development",
        IDictionary<string, string?>? settings = null,
        Action<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>? kestrel = null,
        Action<IServiceCollection>? services = null,
        string? contentRoot = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment, ContentRootPath = contentRoot });
        builder.WebHost.UseKestrel(o =>
        {
            // First, so that endpoint defaults it sets (Protocols = Http2 for h2c) apply to the listener below.
            kestrel?.Invoke(o);
            o.Listen(IPAddress.Loopback, 0);
        });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        builder.Services.AddCherry(configure);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new CherryServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
