using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;

namespace Cherry.Integration.Tests;

/// <summary>The caching tool's store on the test Redis, for servers that share what they cache.</summary>
internal static class RedisCacheStore
{
    /// <summary>
    /// Registers a <see cref="DistributedCacheStore"/> over the test Redis under a key prefix of its own: servers
    /// given the same registration share their entries, and no other test sees them.
    /// </summary>
    public static async Task<Action<IServiceCollection>> RegistrationAsync()
    {
        var redis = await TestServers.RedisAsync();
        var instanceName = "cherry-test-" + Guid.NewGuid().ToString("N") + ":";
        return services =>
        {
            services.AddStackExchangeRedisCache(o =>
            {
                o.Configuration = redis;
                o.InstanceName = instanceName;
            });
            services.AddSingleton<ICacheStore>(sp => new DistributedCacheStore(sp.GetRequiredService<IDistributedCache>()));
        };
    }
}
