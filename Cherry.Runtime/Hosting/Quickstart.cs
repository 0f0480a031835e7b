using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cherry;

/// <summary>
/// CherryPy's <c>cherrypy.quickstart(Root())</c> in one call: <c>await Quickstart.RunAsync&lt;Root&gt;(args);</c> is a
/// whole <c>Program.cs</c>. It listens on 127.0.0.1:8080 (unless <c>--urls</c>, <c>ASPNETCORE_URLS</c> or Kestrel's settings
/// say otherwise, https included), takes the app's folder as the content root, reads <c>appsettings*.json</c> as any
/// ASP.NET Core app does (Development's when <c>ASPNETCORE_ENVIRONMENT</c> says so, with tracebacks on error pages),
/// loads <c>app.conf</c> from the content root when there is one, and mounts the root. An app that
/// needs services, middleware or other endpoints writes the few lines this call stands for (the template shows them).
/// </summary>
public static class Quickstart
{
    /// <summary>The config file the quick start loads from the content root when it exists.</summary>
    public const string ConfigFile = "app.conf";

    /// <param name="args">The command line (<c>--urls</c>, <c>--environment</c>, any configuration key).</param>
    /// <param name="scriptName">Where the tree is mounted (CherryPy's <c>script_name</c>).</param>
    /// <param name="configure">More configuration, after <c>app.conf</c>.</param>
    /// <param name="cancellation">Stops the server (as Ctrl+C or SIGTERM do); the task ends when it has stopped.</param>
    public static async Task RunAsync<TRoot>(string[] args, string scriptName = "/", Action<CherryAppOptions>? configure = null, CancellationToken cancellation = default)
        where TRoot : class
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrelHttpsConfiguration();
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls("http://127.0.0.1:8080");
        }
        builder.Services.AddCherry();
        var app = builder.Build();
        app.MapCherry<TRoot>(scriptName, options =>
        {
            if (File.Exists(Path.Combine(options.ContentRoot, ConfigFile)))
            {
                options.AddIniFile(ConfigFile);
            }
            configure?.Invoke(options);
        });
        await app.StartAsync(cancellation);
        await app.WaitForShutdownAsync(cancellation);
        await app.DisposeAsync();
    }
}
