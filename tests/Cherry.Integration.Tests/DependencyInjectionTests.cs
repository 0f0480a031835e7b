using System.Net;
using Cherry.Integration.Tests.App;
using Microsoft.Extensions.DependencyInjection;

namespace Cherry.Integration.Tests;

/// <summary>
/// DI into the tree: a root and the nodes its constructor takes are built by generated code at start-up, their other
/// parameters singletons from DI; handler parameters marked [FromServices] are resolved from the request's scope.
/// What cannot work stops start-up naming the class, the parameter and the fix.
/// </summary>
public sealed class DependencyInjectionTests
{
    // Each root is named at its MapCherry call: that is where the generator finds the roots it builds.
    private static Task<CherryServer> StartServicesRootAsync(Action<IServiceCollection> services) =>
        CherryServer.StartAsync(app => app.MapCherry<ServicesRoot>("/"), services: services);

    [Fact]
    public async Task The_root_and_its_node_take_singletons_and_handlers_take_request_scoped_services()
    {
        var greeter = new Greeter("Hello");
        await using var server = await StartServicesRootAsync(services => services.AddSingleton(greeter).AddScoped<RequestStamp>());

        Assert.Equal("Hello, Ada", (await server.Client.FetchAsync("/?name=Ada")).Body);
        Assert.Equal("Hello, catalog", (await server.Client.FetchAsync("/catalog/")).Body);

        // One instance per request, shared by both parameters; a new one for the next request.
        var first = (await server.Client.FetchAsync("/stamp")).Body.Split(' ');
        var second = (await server.Client.FetchAsync("/stamp")).Body.Split(' ');
        Assert.Equal("once", first[1]);
        Assert.Equal("once", second[1]);
        Assert.NotEqual(first[0], second[0]);
    }

    [Fact]
    public async Task An_unregistered_constructor_service_stops_start_up_naming_it()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartServicesRootAsync(services => services.AddScoped<RequestStamp>()));
        Assert.Contains("ServicesRoot's constructor parameter 'greeter' takes Cherry.Integration.Tests.App.Greeter, which is not registered", error.Message);
        Assert.Contains("builder.Services.AddSingleton<Greeter>", error.Message);
    }

    [Fact]
    public async Task A_scoped_service_in_a_node_constructor_stops_start_up()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => CherryServer.StartAsync(app => app.MapCherry<ScopedInNodeRoot>("/"), services: services => services.AddScoped<RequestStamp>()));
        Assert.Contains("ScopedInNodeRoot's constructor parameter 'stamp' takes Cherry.Integration.Tests.App.RequestStamp, which is registered as scoped", error.Message);
        Assert.Contains("[FromServices]", error.Message);
    }

    [Fact]
    public async Task An_unregistered_handler_service_stops_start_up_naming_the_handler()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => CherryServer.StartAsync(app => app.MapCherry<UnregisteredHandlerServiceRoot>("/")));
        Assert.Contains("The handler at / takes Cherry.Integration.Tests.App.RequestStamp in its [FromServices] parameter 'stamp', which is not registered", error.Message);

        await using var server = await CherryServer.StartAsync(app => app.MapCherry<UnregisteredHandlerServiceRoot>("/"), services: services => services.AddScoped<RequestStamp>());
        var (response, _) = await server.Client.FetchAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
