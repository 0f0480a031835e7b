using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Wiki;

/// <summary>
/// The JSON API's keys for scripts: <c>Authorization: ApiKey &lt;key&gt;</c>, each key configured as
/// <c>Wiki:ApiKeys:&lt;key&gt; = "user:role,role"</c> (appsettings.json has the demo's). ASP.NET Core ships no API-key
/// handler, so this small one is the sample's; <c>[Authorize(Policy = "editors")]</c> on a handler asks it.
/// </summary>
public sealed class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IConfiguration configuration)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var key = header[(SchemeName.Length + 1)..].Trim();
        // Every configured key is compared in fixed time, so the answer's timing tells nothing about a key.
        var match = configuration.GetSection("Wiki:ApiKeys").GetChildren()
            .Where(entry => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(entry.Key), Encoding.UTF8.GetBytes(key)))
            .Select(entry => entry.Value).FirstOrDefault();
        if (match is not { } grant || grant.Split(':', 2) is not [{ Length: > 0 } user, var roles])
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
        }
        var claims = new List<Claim> { new(ClaimTypes.Name, user) };
        claims.AddRange(roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(role => new Claim(ClaimTypes.Role, role)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = SchemeName;
        return base.HandleChallengeAsync(properties);
    }
}
