using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cherry;

/// <summary>Keeps the diagnostic pages to those <see cref="CherryOptions.DiagnosticsAccess"/> names, outside Development.</summary>
internal static class DiagnosticsGate
{
    public const string Refusal =
        "The diagnostic pages are closed outside Development: put an authorization policy on them (RequireAuthorization) or set CherryOptions.DiagnosticsAccess.";

    /// <summary>The page, behind the gate.</summary>
    public static RequestDelegate Guard(RequestDelegate page) => context => IsAdmitted(context) ? page(context) : RefuseAsync(context);

    private static bool IsAdmitted(HttpContext context)
    {
        var services = context.RequestServices;
        if (services.GetService<IHostEnvironment>()?.IsDevelopment() == true)
        {
            return true;
        }
        // A policy on the endpoint: the authorization middleware has already admitted this user, or answered for it.
        var metadata = context.GetEndpoint()?.Metadata;
        if (metadata?.GetMetadata<IAuthorizeData>() is not null && metadata.GetMetadata<IAllowAnonymous>() is null)
        {
            return true;
        }
        return services.GetRequiredService<CherryOptions>().DiagnosticsAccess switch
        {
            DiagnosticsAccess.Anyone => true,
            DiagnosticsAccess.Loopback => context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address),
            _ => false,
        };
    }

    private static Task RefuseAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/plain;charset=utf-8";
        return context.Response.WriteAsync(Refusal);
    }
}
