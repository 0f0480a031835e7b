using Cherry.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Cherry;

/// <summary>Checks a user name and password for a realm (CherryPy's <c>checkpassword(realm, user, password)</c>).</summary>
public delegate bool CheckPassword(string realm, string user, string password);

/// <summary>
/// CherryPy's <c>auth_basic</c> (before_handler 1): HTTP Basic authentication. The password check is the
/// <see cref="CheckPassword"/> registered in DI under the realm's name (<c>AddKeyedSingleton&lt;CheckPassword&gt;("earth", ...)</c>),
/// so configuration names only the realm. On success <see cref="Request.Login"/> is the user.
/// </summary>
public sealed partial class AuthBasicTool : HookTool
{
    private CheckPassword? _check;

    /// <summary>The <see cref="CheckPassword"/> under <see cref="AuthBasicOptions.CheckPassword"/>, else under the realm.</summary>
    public override void Resolve(IServiceProvider services, ToolArguments arguments) =>
        _check = arguments.ResolveKeyed<CheckPassword>(services, ToolCatalog.AuthBasic.Tool.Service!,
            argument => argument == ToolCatalog.AuthBasic.CheckPassword ? Options.CheckPassword : Options.Realm, "AuthBasicTool.CheckPasswordDict(...)");

    public override ValueTask RunAsync(Request request)
    {
        var check = _check!;
        AuthorizationHeader? credentials;
        try
        {
            credentials = AuthorizationHeader.Parse(request.Headers.Authorization.ToString(), Options.AcceptCharset);
        }
        catch (HeaderFormatException)
        {
            throw new HttpError(400, "Bad Request");
        }
        if (credentials is { Scheme: AuthorizationScheme.Basic } && check(Options.Realm, credentials.UserName, credentials.Password!))
        {
            request.Login = credentials.UserName;
            return ValueTask.CompletedTask;
        }
        request.Response.Headers.WWWAuthenticate = AuthenticateChallenge.Basic(Options.Realm, Options.AcceptCharset);
        throw new HttpError(401, "You are not authorized to access that resource");
    }

    /// <summary>A <see cref="CheckPassword"/> over a fixed user→password map, compared in constant time.</summary>
    public static CheckPassword CheckPasswordDict(IReadOnlyDictionary<string, string> users) => (_, user, password) =>
    {
        // An unknown user is compared too, so that the time taken does not tell which users exist.
        var matches = AuthorizationHeader.SecretEquals(users.TryGetValue(user, out var known) ? known : "", password);
        return matches && known is not null;
    };

    /// <summary>
    /// A <see cref="CheckPassword"/> over a user→hashed-password map (the old <c>cherrypy.lib.auth.basic_auth</c>'s
    /// <c>encrypt</c>): the password sent is passed through <paramref name="encrypt"/>, by default <see cref="Md5Hex"/> as
    /// CherryPy's was, then compared in constant time. An unsalted fast hash is weak against a stolen map; it is here
    /// for ports of such maps.
    /// </summary>
    public static CheckPassword CheckHashedPasswordDict(IReadOnlyDictionary<string, string> users, Func<string, string>? encrypt = null)
    {
        var hash = encrypt ?? Md5Hex;
        return (_, user, password) =>
        {
            var matches = AuthorizationHeader.SecretEquals(users.TryGetValue(user, out var known) ? known : "", hash(password));
            return matches && known is not null;
        };
    }

    /// <summary>The MD5 of the password's UTF-8 bytes in lower-case hex: <c>cherrypy.lib.auth</c>'s default <c>encrypt</c>.</summary>
    public static string Md5Hex(string password) => DigestResponse.Hash("MD5", password);
}
