using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Cherry;

public static class CherryServiceCollectionExtensions
{
    /// <summary>Adds Cherry's services. Kestrel's own <c>Server</c> header gives way to Cherry's.</summary>
    public static IServiceCollection AddCherry(this IServiceCollection services, Action<CherryOptions>? configure = null)
    {
        var options = new CherryOptions();
        configure?.Invoke(options);
        services.AddSingleton(options);
        services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        return services;
    }
}
