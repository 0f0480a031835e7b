using Cherry.Integration.Tests.App;
using Microsoft.AspNetCore.Builder;

namespace Cherry.Integration.Tests;

/// <summary>The reference-app mirror, mounted as CherryPy mounts reference_app.py, shared by a test class.</summary>
public sealed class ReferenceAppFixture : IAsyncLifetime
{
    public CherryServer Server { get; private set; } = null!;

    public HttpClient Client => Server.Client;

    /// <summary>
    /// The sessions tool at /sram and /sfile, whose handlers take a Session: without it the app does not start
    /// (samples/Conformance turns it on there through conformance.conf).
    /// </summary>
    public static CherryAppOptions WithSessions(CherryAppOptions options) =>
        options.Set("/sram", "tools.sessions.on", "True").Set("/sfile", "tools.sessions.on", "True");

    public async Task InitializeAsync()
    {
        Server = await CherryServer.StartAsync(app =>
        {
            app.MapCherry<ReferenceRoot>("/", o => ReferenceAppFixture.WithSessions(o).ErrorPage("/nodef", 404, page => $"custom 404 page: {page.Status} | {page.Message}"));
            app.MapCherry<Conformance.Mounted>("/mounted/app");
        });
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
