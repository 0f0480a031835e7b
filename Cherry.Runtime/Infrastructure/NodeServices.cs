using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;

namespace Cherry.Infrastructure;

/// <summary>
/// What generated code builds a tree's root (and the nodes its constructor takes) from, once at start-up: each
/// constructor parameter is a service from DI, checked so that a mistake stops start-up naming the class, the
/// parameter and the fix, instead of surfacing in a request.
/// </summary>
/// <remarks>For generated code; not meant to be called by hand.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class NodeServices
{
    private readonly IServiceProvider _services;
    private readonly IServiceCollection? _registrations;

    internal NodeServices(IServiceProvider services)
    {
        _services = services;
        _registrations = services.GetService<ServiceRegistrations>()?.Services;
    }

    /// <summary>The service for <paramref name="parameter"/> of <paramref name="owner"/>'s constructor.</summary>
    public T Get<T>(string owner, string parameter) where T : notnull
    {
        var descriptor = _registrations?.LastOrDefault(d => d.ServiceType == typeof(T) && !d.IsKeyedService);
        if (descriptor?.Lifetime == ServiceLifetime.Scoped)
        {
            throw new InvalidOperationException(
                $"{owner}'s constructor parameter '{parameter}' takes {typeof(T).FullName}, which is registered as scoped: a tree node lives "
                + "as long as the app, so it would keep one request's instance for all. Take it in a handler parameter marked "
                + "[FromServices] (resolved per request), or register it as a singleton.");
        }
        if (descriptor is null && _services.GetService<IServiceProviderIsService>()?.IsService(typeof(T)) == false)
        {
            throw new InvalidOperationException(
                $"{owner}'s constructor parameter '{parameter}' takes {typeof(T).FullName}, which is not registered: add it to "
                + "builder.Services (for example builder.Services.AddSingleton<" + typeof(T).Name + ">(...)) before builder.Build().");
        }
        return _services.GetRequiredService<T>();
    }
}
