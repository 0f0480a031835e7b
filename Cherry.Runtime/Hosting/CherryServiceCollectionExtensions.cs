using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cherry;

public static class CherryServiceCollectionExtensions
{
    /// <summary>Adds Cherry's services. Kestrel's own <c>Server</c> header gives way to Cherry's.</summary>
    public static IServiceCollection AddCherry(this IServiceCollection services, Action<CherryOptions>? configure = null)
    {
        var options = new CherryOptions();
        configure?.Invoke(options);
        services.AddSingleton(options);
        options.Register(services);
        services.TryAddSingleton(new ServiceRegistrations(services));
        // The clock of every tool and store; a test registers a FakeTimeProvider instead.
        services.TryAddSingleton(TimeProvider.System);
        // The caching tool's store; register a DistributedCacheStore instead to share it between instances.
        services.TryAddSingleton<ICacheStore>(s => new MemoryCacheStore(s.GetRequiredService<TimeProvider>()));
        // The sessions tool's default store; register another ISessionStore to share sessions between instances.
        services.TryAddSingleton<ISessionStore>(s => new RamSessionStore(s.GetRequiredService<TimeProvider>()));
        // Digest nonce-counts; register a shared INonceCounter when several instances serve one realm.
        services.TryAddSingleton<INonceCounter>(s => new MemoryNonceCounter(s.GetRequiredService<TimeProvider>()));
        // What the tools of every app share: file session stores and sweepers, cache computations in flight, and the
        // cache's generations, which handlers renew through CacheInvalidator.
        services.TryAddSingleton(s => new SessionStores(s.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<CacheFlights>();
        services.TryAddSingleton<CacheReads>();
        services.TryAddSingleton(s => new CacheInvalidator(s.GetRequiredService<ICacheStore>()));
        // cherrypy.url() outside a request: URLs from the server's listening address.
        services.TryAddSingleton(s => new CherryUrls(s.GetService<Microsoft.AspNetCore.Hosting.Server.IServer>()));
        // Statistics (CherryPy's logging.statistics), the cpstats figures and meter, and the GC page's request count.
        services.AddMetrics();
        services.TryAddSingleton<Statistics>();
        services.TryAddSingleton(s => new RequestStatistics(s.GetRequiredService<Statistics>(), s.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), s.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<RequestTracker>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRequestObserver, RequestTracker>(static provider => provider.GetRequiredService<RequestTracker>()));
        // CherryPy's log.* keys: log.screen's console filter (an options source, as the keys are read after Build) and
        // the log files, which close with the host.
        services.TryAddSingleton(_ => new ScreenFilter());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<LoggerFilterOptions>, ScreenFilter>(s => s.GetRequiredService<ScreenFilter>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOptionsChangeTokenSource<LoggerFilterOptions>, ScreenFilter>(s => s.GetRequiredService<ScreenFilter>()));
        services.TryAddSingleton(s => new CherryLogging(s.GetRequiredService<TimeProvider>(), s.GetRequiredService<ScreenFilter>()));
        services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        return services;
    }
}
