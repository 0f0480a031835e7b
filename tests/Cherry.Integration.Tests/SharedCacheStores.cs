using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;

namespace Cherry.Integration.Tests;

/// <summary>The two ways the caching tool's store lives on the test Redis, for servers that share what they cache.</summary>
public enum SharedCache
{
    /// <summary><see cref="DistributedCacheStore"/> over ASP.NET Core's Redis <see cref="IDistributedCache"/>.</summary>
    DistributedCache,

    /// <summary><see cref="Stores.RedisCacheStore"/>: one MGET per lookup.</summary>
    Redis,
}

internal static class SharedCacheStores
{
    /// <summary>
    /// Registers a store of <paramref name="kind"/> over the test Redis under a key prefix of its own: servers given the
    /// same registration share their entries, and no other test sees them.
    /// </summary>
    public static async Task<Action<IServiceCollection>> RegistrationAsync(SharedCache kind)
    {
        var prefix = "cherry-test-" + Guid.NewGuid().ToString("N") + ":";
        if (kind == SharedCache.Redis)
        {
            var multiplexer = await StoreServers.RedisAsync();
            return services => services.AddSingleton<ICacheStore>(new Stores.RedisCacheStore(multiplexer, prefix));
        }
        var redis = await TestServers.RedisAsync();
        return services =>
        {
            services.AddStackExchangeRedisCache(o =>
            {
                o.Configuration = redis;
                o.InstanceName = prefix;
            });
            services.AddSingleton<ICacheStore>(sp => new DistributedCacheStore(sp.GetRequiredService<IDistributedCache>()));
        };
    }
}
