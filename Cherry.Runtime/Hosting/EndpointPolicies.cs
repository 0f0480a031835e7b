using System.Collections.Frozen;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cherry;

/// <summary>
/// ASP.NET Core's endpoint policies on handlers and node classes (<c>[Authorize]</c>, <c>[AllowAnonymous]</c>,
/// <c>[EnableRateLimiting]</c>, <c>[EnableCors]</c>, <c>[RequestTimeout]</c> and their opposites), applied by ASP.NET
/// Core's own middleware after dispatch. To routing a mount is one endpoint, so which handler a request reaches, and
/// so its policies, is known only once Cherry has dispatched it. Then the request's endpoint becomes the handler's
/// (its classes' metadata, root first, then its method's) and the request passes through a branch holding the
/// middleware the tree's attributes need; the branch's end serves the rest of the request. A middleware that answers
/// by itself (a challenge, 403, 429, a CORS preflight, a timeout) ends it there, and Cherry gives its answer.
/// Metadata on the mount itself (<c>MapCherry(...).RequireAuthorization()</c>) is applied before dispatch by the
/// app's own middleware, as for any endpoint.
/// </summary>
internal sealed class EndpointPolicies
{
    private readonly FrozenDictionary<HandlerEntry, Endpoint> _endpoints;
    private readonly RequestDelegate _branch;

    private readonly FrozenSet<string> _bearerSchemes;

    private EndpointPolicies(FrozenDictionary<HandlerEntry, Endpoint> endpoints, RequestDelegate branch, string? defaultChallengeScheme, FrozenSet<string> bearerSchemes)
    {
        _endpoints = endpoints;
        _branch = branch;
        DefaultChallengeScheme = defaultChallengeScheme;
        _bearerSchemes = bearerSchemes;
    }

    /// <summary>The authentication scheme that challenges for an <c>[Authorize]</c> naming none (OpenAPI names it).</summary>
    public string? DefaultChallengeScheme { get; }

    /// <summary>Whether an authentication scheme's handler takes bearer tokens (by its type's name: JwtBearer is a package of its own).</summary>
    public bool IsBearer(string scheme) => _bearerSchemes.Contains(scheme);

    /// <summary>The handler's endpoint, when it carries policies.</summary>
    public Endpoint? EndpointOf(HandlerEntry entry) => _endpoints.GetValueOrDefault(entry);

    /// <summary>
    /// The policies of a mounted tree, or null when no handler has any. Each attribute whose service or named policy is
    /// missing adds a problem naming the fix to <paramref name="problems"/>, so start-up lists them all at once.
    /// </summary>
    public static EndpointPolicies? Create(DispatchTree tree, IEndpointRouteBuilder routes, List<string> problems)
    {
        var services = routes.ServiceProvider;
        var endpoints = new Dictionary<HandlerEntry, Endpoint>(ReferenceEqualityComparer.Instance);
        var needs = new HashSet<Middleware>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in tree.Handlers)
        {
            if (entry.CreateMetadata is not { } create)
            {
                continue;
            }
            var metadata = create();
            var applies = false;
            for (var i = 0; i < metadata.Length; i++)
            {
                var source = i < entry.MetadataSources.Length ? entry.MetadataSources[i] : metadata[i].GetType().Name;
                if (MiddlewareFor(metadata[i]) is { } middleware)
                {
                    needs.Add(middleware);
                    applies = true;
                }
                foreach (var problem in Check(metadata[i], source, services))
                {
                    if (reported.Add(problem))
                    {
                        problems.Add(problem);
                    }
                }
            }
            // Metadata no middleware reads (declared response types) is for the OpenAPI document only: no branch for it.
            if (applies)
            {
                endpoints[entry] = new Endpoint(null, new EndpointMetadataCollection(metadata), "Cherry handler " + entry.Path);
            }
        }
        if (endpoints.Count == 0)
        {
            return null;
        }
        var branch = routes.CreateApplicationBuilder();
        // ASP.NET Core's order: CORS first (a preflight needs no login), then authorization, then the limiter (which may
        // partition by user), then the timeout around what is left.
        foreach (var middleware in new[] { Middleware.Cors, Middleware.Authorization, Middleware.RateLimiter, Middleware.RequestTimeouts }.Where(needs.Contains))
        {
            try
            {
                // Built alone first: a middleware whose services are missing fails here, and is named.
                Use(routes.CreateApplicationBuilder(), middleware).Build();
                Use(branch, middleware);
            }
            catch (InvalidOperationException)
            {
                problems.Add(MissingService(middleware));
            }
        }
        branch.Run(static context => context.Features.GetRequiredFeature<Passage>().ServeAsync());
        var schemes = services.GetService<IAuthenticationSchemeProvider>();
        var bearer = schemes?.GetAllSchemesAsync().GetAwaiter().GetResult().Where(s => s.HandlerType.Name.Contains("Bearer", StringComparison.Ordinal)).Select(s => s.Name) ?? [];
        return new EndpointPolicies(endpoints.ToFrozenDictionary(ReferenceEqualityComparer.Instance), branch.Build(),
            schemes?.GetDefaultChallengeSchemeAsync().GetAwaiter().GetResult()?.Name, bearer.ToFrozenSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// Runs the request through the branch with the handler's endpoint; <paramref name="serve"/> at its end. False when a
    /// middleware answered instead, or took over the request's failure (a request timeout's 504).
    /// </summary>
    public async Task<bool> PassAsync(Request request, Endpoint endpoint, Func<Request, Task> serve)
    {
        var context = request.HttpContext;
        var mount = context.GetEndpoint();
        var passage = new Passage(request, serve);
        context.Features.Set(passage);
        context.SetEndpoint(endpoint);
        try
        {
            await _branch(context);
        }
        finally
        {
            context.SetEndpoint(mount);
            context.Features.Set<Passage>(null);
        }
        return passage.Served;
    }

    private enum Middleware
    {
        Cors,
        Authorization,
        RateLimiter,
        RequestTimeouts,
    }

    private static Middleware? MiddlewareFor(object metadata) => metadata switch
    {
        IEnableCorsAttribute or IDisableCorsAttribute => Middleware.Cors,
        IAuthorizeData or IAllowAnonymous => Middleware.Authorization,
        EnableRateLimitingAttribute or DisableRateLimitingAttribute => Middleware.RateLimiter,
        RequestTimeoutAttribute or DisableRequestTimeoutAttribute => Middleware.RequestTimeouts,
        _ => null,
    };

    private static IApplicationBuilder Use(IApplicationBuilder builder, Middleware middleware) => middleware switch
    {
        Middleware.Cors => builder.UseCors(),
        Middleware.Authorization => builder.UseAuthorization(),
        Middleware.RateLimiter => builder.UseRateLimiter(),
        _ => builder.UseRequestTimeouts(),
    };

    private static string MissingService(Middleware middleware) => middleware switch
    {
        Middleware.Cors => "Handlers carry [EnableCors] or [DisableCors], but CORS is not registered: call builder.Services.AddCors(...) before builder.Build().",
        Middleware.Authorization => "Handlers carry [Authorize] or [AllowAnonymous], but authorization is not registered: call builder.Services.AddAuthorization(...) before builder.Build().",
        Middleware.RateLimiter => "Handlers carry [EnableRateLimiting] or [DisableRateLimiting], but rate limiting is not registered: call builder.Services.AddRateLimiter(...) with the policies before builder.Build().",
        _ => "Handlers carry [RequestTimeout] or [DisableRequestTimeout], but request timeouts are not registered: call builder.Services.AddRequestTimeouts(...) before builder.Build().",
    };

    /// <summary>What one attribute needs that the app lacks: a named policy, a service, an authentication scheme.</summary>
    private static IEnumerable<string> Check(object metadata, string source, IServiceProvider services)
    {
        switch (metadata)
        {
            case IAuthorizeData authorize:
                if (authorize.Policy is { Length: > 0 } policy
                    && services.GetService<IAuthorizationPolicyProvider>() is { } provider
                    && provider.GetPolicyAsync(policy).GetAwaiter().GetResult() is null)
                {
                    yield return $"{source} names the authorization policy '{policy}', which is not defined: add it with builder.Services.AddAuthorization(o => o.AddPolicy(\"{policy}\", ...)).";
                }
                if (string.IsNullOrEmpty(authorize.AuthenticationSchemes)
                    && services.GetService<IAuthorizationService>() is not null
                    && (services.GetService<IAuthenticationSchemeProvider>() is not { } schemes || schemes.GetDefaultChallengeSchemeAsync().GetAwaiter().GetResult() is null))
                {
                    yield return $"{source} needs a signed-in user, but no authentication scheme challenges anonymous requests: call builder.Services.AddAuthentication(\"<scheme>\").Add...() with a default scheme, or name one in AuthenticationSchemes.";
                }
                break;
            case IEnableCorsAttribute cors when services.GetService<IOptions<CorsOptions>>()?.Value is { } options
                && services.GetService<ICorsService>() is not null && services.GetService<ICorsPolicyProvider>() is DefaultCorsPolicyProvider:
                var name = cors.PolicyName ?? options.DefaultPolicyName;
                if (options.GetPolicy(name) is null)
                {
                    yield return cors.PolicyName is null
                        ? $"{source} asks for the default CORS policy, which is not defined: add it with builder.Services.AddCors(o => o.AddDefaultPolicy(...))."
                        : $"{source} names the CORS policy '{name}', which is not defined: add it with builder.Services.AddCors(o => o.AddPolicy(\"{name}\", ...)).";
                }
                break;
            case RequestTimeoutAttribute { PolicyName: { } timeoutPolicy }
                when services.GetService<IOptions<RequestTimeoutOptions>>()?.Value.Policies.ContainsKey(timeoutPolicy) == false:
                yield return $"{source} names the request timeout policy '{timeoutPolicy}', which is not defined: add it with builder.Services.AddRequestTimeouts(o => o.AddPolicy(\"{timeoutPolicy}\", ...)).";
                break;
        }
    }

    /// <summary>The request in the branch: its end serves the rest of it, and tells whether it got there.</summary>
    private sealed class Passage(Request request, Func<Request, Task> serve)
    {
        /// <summary>The rest of the request ran to its end (a middleware that answered, or swallowed a failure, leaves it false).</summary>
        public bool Served { get; private set; }

        public async Task ServeAsync()
        {
            await serve(request);
            Served = true;
        }
    }
}
