using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cherry.Integration.Tests.App;

/// <summary>ASP.NET Core's endpoint policies on a tree: [Authorize] on the root class holds below it unless a handler says otherwise.</summary>
[Authorize]
public sealed class PoliciesRoot
{
    public PoliciesAdmin Admin { get; } = new();

    public PoliciesOpen Open { get; } = new();

    [Exposed, AllowAnonymous]
    public string Index() => "public";

    [Exposed]
    public string Me(Request request) => "user " + request.HttpContext.User.Identity?.Name;

    [Exposed, JsonOut]
    public string[] Roles(Request request) => [.. request.HttpContext.User.FindAll(ClaimTypes.Role).Select(c => c.Value)];
}

/// <summary>A node whose class names a policy; one handler adds a role on top.</summary>
[Authorize(Policy = "admin")]
public sealed class PoliciesAdmin
{
    [Exposed]
    public string Index() => "admin";

    [Exposed, Authorize(Roles = "auditor")]
    public string Audit() => "audit";
}

/// <summary>Anonymous below here, with rate limiting, CORS and a timeout per handler.</summary>
[AllowAnonymous]
public sealed class PoliciesOpen
{
    [Exposed, EnableRateLimiting("two")]
    public string Limited() => "limited";

    [Exposed, EnableRateLimiting("two"), JsonOut]
    public string[] LimitedJson() => ["limited"];

    [Exposed]
    public string Unlimited() => "unlimited";

    [Exposed, EnableCors("site")]
    public string Shared() => "shared";

    [Exposed, RequestTimeout("short")]
    public async Task<string> Slow(CancellationToken cancellation)
    {
        await Task.Delay(TimeSpan.FromSeconds(30), cancellation);
        return "late";
    }
}

/// <summary>
/// Test-only authentication: <c>X-User: name;role,role</c> signs in; a challenge is 401 with <c>WWW-Authenticate: Header</c>.
/// </summary>
public sealed class HeaderAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Name = "Header";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers["X-User"].FirstOrDefault() is not { Length: > 0 } value)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var parts = value.Split(';');
        var claims = new List<Claim> { new(ClaimTypes.Name, parts[0]) };
        if (parts.Length > 1)
        {
            claims.AddRange(parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => new Claim(ClaimTypes.Role, r)));
        }
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, Name)), Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 401;
        Response.Headers.WWWAuthenticate = Name;
        return Task.CompletedTask;
    }
}
