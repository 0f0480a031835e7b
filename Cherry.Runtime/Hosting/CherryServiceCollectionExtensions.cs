using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cherry;

public static class CherryServiceCollectionExtensions
{
    /// <summary>Adds Cherry's services. Kestrel's own <c>Server</c> header gives way to Cherry's.</summary>
    public static IServiceCollection AddCherry(this IServiceCollection services, Action<CherryOptions>? configure = null)
    {
        var options = new CherryOptions();
        configure?.Invoke(options);
        services.AddSingleton(options);
        // The caching tool's store; register a DistributedCacheStore instead to share it between instances.
        services.TryAddSingleton<ICacheStore>(_ => new MemoryCacheStore());
        // The sessions tool's default store; register another ISessionStore to share sessions between instances.
        services.TryAddSingleton<ISessionStore, RamSessionStore>();
        // Digest nonce-counts; register a shared INonceCounter when several instances serve one realm.
        services.TryAddSingleton<INonceCounter, MemoryNonceCounter>();
        services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        return services;
    }
}
