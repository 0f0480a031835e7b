using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace Cherry;

/// <summary>Checks a user name and password for a realm (CherryPy's <c>checkpassword(realm, user, password)</c>).</summary>
public delegate bool CheckPassword(string realm, string user, string password);

/// <summary>
/// CherryPy's <c>auth_basic</c> (before_handler 1): HTTP Basic authentication. The password check is the
/// <see cref="CheckPassword"/> registered in DI under the realm's name (<c>AddKeyedSingleton&lt;CheckPassword&gt;("earth", ...)</c>),
/// so configuration names only the realm. On success <see cref="Request.Login"/> is the user.
/// </summary>
public sealed class AuthBasicTool : HookTool
{
    public const string ToolName = ToolCatalog.AuthBasic.Name;

    private CheckPassword? _check;

    public override string Name => ToolName;

    public override HookPoint Point => HookPoint.BeforeHandler;

    public override int Priority => 1;

    public AuthBasicOptions Options { get; set; } = new();

    public override void Configure(ToolArguments arguments) => Options = Options.Bind(arguments);

    public override void Resolve(IServiceProvider services, ToolArguments arguments) =>
        _check = services.GetKeyedService<CheckPassword>(Options.Realm)
            ?? throw arguments.Malformed(ToolCatalog.AuthBasic.Realm.Key, $"no CheckPassword is registered for the realm '{Options.Realm}': add builder.Services.AddKeyedSingleton<CheckPassword>(\"{Options.Realm}\", (realm, user, password) => ...), for example AuthBasicTool.CheckPasswordDict(...).");

    public override ValueTask RunAsync(Request request)
    {
        var check = _check!;
        var header = request.Headers.Authorization.ToString();
        var space = header.IndexOf(' ');
        if (header.Length > 0 && space > 0 && header[..space].Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            var (user, password) = Decode(header[(space + 1)..].Trim());
            if (check(Options.Realm, user, password))
            {
                request.Login = user;
                return ValueTask.CompletedTask;
            }
        }
        else if (header.Length > 0 && space < 0 && header.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            throw new HttpError(400, "Bad Request");
        }
        var charset = Options.AcceptCharset.Equals("iso-8859-1", StringComparison.OrdinalIgnoreCase) ? "" : $", charset=\"{Options.AcceptCharset.ToUpperInvariant()}\"";
        request.Response.Headers.WWWAuthenticate = $"Basic realm=\"{Options.Realm}\"{charset}";
        throw new HttpError(401, "You are not authorized to access that resource");
    }

    /// <summary>Decodes base64 credentials with the accepted charset, then ISO-8859-1, NFC-normalised.</summary>
    private (string User, string Password) Decode(string token)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(token);
        }
        catch (FormatException)
        {
            throw new HttpError(400, "Bad Request");
        }
        string text;
        try
        {
            text = (Http.Charsets.Find(Options.AcceptCharset) ?? Encoding.Latin1).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.Latin1.GetString(bytes);
        }
        var colon = text.IndexOf(':');
        if (colon < 0)
        {
            throw new HttpError(400, "Bad Request");
        }
        return (text[..colon].Normalize(NormalizationForm.FormC), text[(colon + 1)..].Normalize(NormalizationForm.FormC));
    }

    /// <summary>A <see cref="CheckPassword"/> over a fixed user→password map, compared in constant time.</summary>
    public static CheckPassword CheckPasswordDict(IReadOnlyDictionary<string, string> users) => (_, user, password) =>
    {
        var expected = users.TryGetValue(user, out var known) ? known : "";
        // Hashes first, so that even the lengths compared are equal.
        var matches = CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(password)));
        return matches && known is not null;
    };
}

/// <summary>Turns on <see cref="AuthBasicTool"/>: <c>[AuthBasic(Realm = "earth")]</c>.</summary>
public sealed class AuthBasicAttribute : ToolAttribute
{
    private AuthBasicOptions _options = new();

    /// <inheritdoc cref="AuthBasicOptions.Realm"/>
    public string Realm { get => _options.Realm; set => _options = _options with { Realm = value }; }

    /// <inheritdoc cref="AuthBasicOptions.AcceptCharset"/>
    public string AcceptCharset { get => _options.AcceptCharset; set => _options = _options with { AcceptCharset = value }; }

    public override Tool CreateTool() => new AuthBasicTool { Options = _options };
}
