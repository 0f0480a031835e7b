using Microsoft.Extensions.DependencyInjection;

namespace Cherry;

/// <summary>
/// The app's service collection, kept by <c>AddCherry</c> so that start-up can tell a scoped registration from a
/// singleton one (the built provider does not say) when it builds the tree's nodes.
/// </summary>
internal sealed class ServiceRegistrations(IServiceCollection services)
{
    public IServiceCollection Services { get; } = services;
}
