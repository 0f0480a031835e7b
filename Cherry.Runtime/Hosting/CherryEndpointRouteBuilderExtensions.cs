using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cherry;

public static class CherryEndpointRouteBuilderExtensions
{
    // Why RS0026 (overloads with optional parameters) is suppressed on this type's overloads:
    private const string OverloadsByDesign =
        "A root type or a root object: the second argument's type picks one overload.";

    /// <summary>
    /// Mounts the generated dispatch tree of <typeparamref name="TRoot"/> at <paramref name="scriptName"/>
    /// (CherryPy's <c>tree.mount</c>). The longest mounted prefix wins, on segment boundaries. The root is built
    /// once, by generated code: its constructor's parameters are tree nodes (built the same way) or singleton
    /// services from DI; a missing or scoped service stops start-up naming it.
    /// Configuration comes from <c>Cherry:Global</c> and <c>Cherry:Apps:&lt;scriptName&gt;</c> in
    /// <see cref="IConfiguration"/>, then from <paramref name="configure"/>; an unknown key fails here, at start-up.
    /// </summary>
    [SuppressMessage("ApiDesign", "RS0026", Justification = OverloadsByDesign)]
    public static IEndpointConventionBuilder MapCherry<TRoot>(this IEndpointRouteBuilder endpoints, string scriptName = "/", Action<CherryAppOptions>? configure = null)
        where TRoot : class
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapCherry(DispatchTreeRegistry.CreateRoot<TRoot>(new NodeServices(endpoints.ServiceProvider)), scriptName, configure);
    }

    /// <summary>Mounts an existing root object.</summary>
    [SuppressMessage("ApiDesign", "RS0026", Justification = OverloadsByDesign)]
    public static IEndpointConventionBuilder MapCherry<TRoot>(this IEndpointRouteBuilder endpoints, TRoot root, string scriptName = "/", Action<CherryAppOptions>? configure = null)
        where TRoot : class
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(scriptName);
        var services = endpoints.ServiceProvider;
        var options = services.GetService<CherryOptions>()
            ?? throw new InvalidOperationException("Call builder.Services.AddCherry() before MapCherry.");
        // The analyzers read the script name by the same rule: "x", "/x" and "/x/" mount at /x.
        var normalized = ConfigGrammar.ScriptName(scriptName) is var name && name == "/" ? "" : name;

        var environment = services.GetService<IHostEnvironment>();
        var contentRoot = environment?.ContentRootPath is { Length: > 0 } hostRoot ? hostRoot : Directory.GetCurrentDirectory();
        var appOptions = new CherryAppOptions { ContentRoot = contentRoot };
        var configuration = services.GetService<IConfiguration>();
        var config = new CherryConfig().Merge(options.Config);
        // Every source is read before any error stops start-up, so that one run names them all.
        var sourceErrors = new List<CherryConfigurationException>();
        if (configuration is not null)
        {
            var configurationRoot = configuration as IConfigurationRoot;
            config.Merge(CherryConfig.FromConfigurationKeys(configuration.GetSection("Cherry:Global"), CherryConfig.GlobalSection, configurationRoot, sourceErrors));
            config.Merge(CherryConfig.FromConfiguration(configuration.GetSection("Cherry:Apps:" + (normalized.Length == 0 ? "/" : normalized)), configurationRoot, sourceErrors));
        }
        configure?.Invoke(appOptions);
        config.Merge(appOptions.Config);
        sourceErrors.AddRange(appOptions.Errors);

        var showTracebacks = options.ShowTracebacks ?? environment?.IsDevelopment() ?? false;
        var tree = DispatchTreeRegistry.Create<TRoot>(new DispatchTreeContext(options.JsonResolvers.ToArray()));
        var app = new MountedApp(normalized, root, tree, showTracebacks, options.MaxParameters,
            services.GetRequiredService<ILoggerFactory>().CreateLogger("Cherry.Request"), services.GetRequiredService<TimeProvider>(), [.. services.GetServices<IRequestObserver>()])
        {
            Multipart = options.Multipart,
            ValidationMaxDepth = services.GetService<Microsoft.Extensions.Options.IOptions<Microsoft.Extensions.Validation.ValidationOptions>>()?.Value.MaxDepth ?? ArgumentValidation.DefaultMaxDepth,
            PlanChains = appOptions.PlanChains,
            VirtualHosts = appOptions.VirtualHosts.Count > 0 ? new VirtualHosts(appOptions.VirtualHosts, appOptions.UseXForwardedHost) : null,
            OpenApiDocument = DispatchTreeRegistry.OpenApi<TRoot>(),
        };
        try
        {
            new ChainFactory(options.Tools, options.Hooks, options.ConfigNamespaces.ToFrozenSet(StringComparer.Ordinal), options.TypedNamespaces, config, appOptions.ErrorPageRenderers, services, contentRoot).Complete(app);
        }
        catch (CherryConfigurationException e) when (sourceErrors.Count > 0)
        {
            throw CherryConfigurationException.Combine([.. sourceErrors, e]);
        }
        if (sourceErrors.Count > 0)
        {
            throw CherryConfigurationException.Combine(sourceErrors);
        }
        // What only the host's services can tell, all named at once: [FromServices] parameters, the policies' services.
        var problems = new List<string>();
        CheckRequestServices(tree, services, problems);
        app.Policies = EndpointPolicies.Create(tree, endpoints, problems);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join("\n", problems));
        }
        // After the chains, which have checked every log.* key and refused them below [/].
        if (LogKeys.Read(config) is { IsDefault: false } logSettings)
        {
            services.GetRequiredService<CherryLogging>().Apply(logSettings, contentRoot, services.GetRequiredService<ILoggerFactory>());
        }

        ShadowedRoutes.WarnWhenStarted(endpoints, app);
        var pattern = normalized + "/{**cherryPath}";
        // The mounted app rides on its endpoint, where MapCherryOpenApi finds it with the path it is mounted at.
        return endpoints.Map(pattern, app.HandleAsync).WithMetadata(app).WithDisplayName("Cherry " + typeof(TRoot).Name + " at " + (normalized.Length == 0 ? "/" : normalized));
    }

    /// <summary>
    /// Every service a handler takes per request ([FromServices]) must be registered: checked once, here, each missing
    /// one added to <paramref name="missing"/>.
    /// </summary>
    private static void CheckRequestServices(DispatchTree tree, IServiceProvider services, List<string> missing)
    {
        var isService = services.GetService<IServiceProviderIsService>();
        foreach (var entry in tree.Handlers)
        {
            foreach (var (parameter, type) in entry.Services)
            {
                if (isService?.IsService(type) == false)
                {
                    missing.Add($"The handler at {entry.Path} takes {type.FullName} in its [FromServices] parameter '{parameter}', which is not registered: "
                        + "add it to builder.Services before builder.Build().");
                }
            }
        }
    }
}
