using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Cherry;

/// <summary>The HA1 of a user (<c>H(user:realm:password)</c>) for an algorithm (<c>MD5</c> or <c>SHA-256</c>), or null for an unknown user.</summary>
public delegate string? GetHa1(string realm, string user, string algorithm);

/// <summary>
/// CherryPy's <c>auth_digest</c> (before_handler 1), RFC 2617 and RFC 7616: challenges for MD5 and SHA-256 (MD5 first,
/// which every client reads), MD5-sess and SHA-256-sess, qop <c>auth</c> and <c>auth-int</c>. Nonces carry a timestamp
/// and an HMAC of it under <see cref="AuthDigestOptions.Key"/>; an old one is answered <c>stale="true"</c>. Beyond CherryPy: the
/// nonce-count must grow per nonce (a replay is refused), the <c>uri</c> must be the request's, <c>opaque</c>
/// must round-trip, and RFC 2069's answer without qop is refused unless <see cref="AuthDigestOptions.AllowLegacyNoQop"/>. The HA1
/// source is the <see cref="GetHa1"/> registered in DI under the realm's name.
/// </summary>
public sealed class AuthDigestTool : Tool
{
    public const string ToolName = ToolCatalog.AuthDigest.Name;

    private const string Unparseable = "The Authorization header could not be parsed.";
    private INonceCounter? _counter;
    private GetHa1? _getHa1;

    public override string Name => ToolName;

    public AuthDigestOptions Options { get; set; } = new();

    /// <summary>How long a nonce is honoured before the client is asked again, <c>stale="true"</c> (not configurable).</summary>
    public TimeSpan NonceLifetime { get; set; } = TimeSpan.FromSeconds(600);

    public override void Configure(ToolArguments arguments) => Options = Options.Bind(arguments);

    public override void Resolve(IServiceProvider services, ToolArguments arguments)
    {
        _getHa1 = services.GetKeyedService<GetHa1>(Options.Realm)
            ?? throw arguments.Malformed(ToolCatalog.AuthDigest.Realm.Key, $"no GetHa1 is registered for the realm '{Options.Realm}': add builder.Services.AddKeyedSingleton<GetHa1>(\"{Options.Realm}\", ...), for example AuthDigestTool.Ha1FromPasswords(...).");
        _counter = services.GetRequiredService<INonceCounter>();
    }

    public override void Attach(ToolChainBuilder chain)
    {
        // auth-int hashes the body, which the body processor would otherwise consume first.
        chain.Add(Name, HookPoint.OnStartResource, 50, false, request =>
        {
            if (request.Headers.Authorization.ToString().Contains("auth-int", StringComparison.OrdinalIgnoreCase))
            {
                request.HttpContext.Request.EnableBuffering();
            }
            return ValueTask.CompletedTask;
        });
        chain.Add(Name, HookPoint.BeforeHandler, 1, false, AuthenticateAsync);
    }

    private async ValueTask AuthenticateAsync(Request request)
    {
        var getHa1 = _getHa1!;
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Digest ", StringComparison.OrdinalIgnoreCase))
        {
            throw Challenge(request, stale: false);
        }
        var fields = Parse(header["Digest ".Length..]) ?? throw new HttpError(400, Unparseable);
        string Field(string name) => fields.TryGetValue(name, out var value) ? value : "";
        var (user, realm, nonce, uri, response) = (Field("username"), Field("realm"), Field("nonce"), Field("uri"), Field("response"));
        var algorithm = fields.TryGetValue("algorithm", out var a) ? a.ToUpperInvariant() : "MD5";
        var qop = Field("qop");
        var (cnonce, nc) = (Field("cnonce"), Field("nc"));
        if (user.Length == 0 || realm.Length == 0 || nonce.Length == 0 || uri.Length == 0 || response.Length == 0
            || algorithm is not ("MD5" or "MD5-SESS" or "SHA-256" or "SHA-256-SESS")
            || (qop.Length > 0 && (qop is not ("auth" or "auth-int") || cnonce.Length == 0 || nc.Length == 0))
            || (qop.Length == 0 && (cnonce.Length > 0 || nc.Length > 0)))
        {
            throw new HttpError(400, Unparseable);
        }
        if (qop.Length == 0 && !Options.AllowLegacyNoQop)
        {
            // Without qop nothing tells one request from a replay of it; the challenge asks for qop="auth".
            throw Challenge(request, stale: false);
        }
        var http = request.HttpContext.Request;
        var target = http.Path.Value + http.QueryString.Value;
        // RFC 7616 §3.4.6: clients copy the request-target as they sent it, percent-encoding and all. The decoded
        // path names the same resource and stays accepted (an absolute-form target also carries scheme and host).
        if (uri != RequestTarget.Raw(request.HttpContext)
            && uri != target && uri != http.PathBase.Value + target)
        {
            throw new HttpError(400, "The Authorization header's uri does not match the request.");
        }
        if (realm != Options.Realm || !NonceIsAuthentic(nonce, out var issued) || (fields.TryGetValue("opaque", out var opaque) && opaque != Opaque()))
        {
            throw Challenge(request, stale: false);
        }
        var baseAlgorithm = algorithm.StartsWith("SHA-256", StringComparison.Ordinal) ? "SHA-256" : "MD5";
        if (!Options.Algorithms.Contains(baseAlgorithm, StringComparer.OrdinalIgnoreCase))
        {
            // Not an algorithm this realm offers: ask again with the ones it does.
            throw Challenge(request, stale: false);
        }
        var ha1 = getHa1(Options.Realm, user, baseAlgorithm);
        if (ha1 is null)
        {
            throw Challenge(request, stale: false);
        }
        if (algorithm.EndsWith("-SESS", StringComparison.Ordinal))
        {
            ha1 = Hash(baseAlgorithm, $"{ha1}:{nonce}:{cnonce}");
        }
        var ha2 = qop == "auth-int"
            ? Hash(baseAlgorithm, $"{request.Method}:{uri}:{await BodyHashAsync(request, baseAlgorithm)}")
            : Hash(baseAlgorithm, $"{request.Method}:{uri}");
        var expected = qop.Length > 0
            ? Hash(baseAlgorithm, $"{ha1}:{nonce}:{nc}:{cnonce}:{qop}:{ha2}")
            : Hash(baseAlgorithm, $"{ha1}:{nonce}:{ha2}");
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(response.ToLowerInvariant())))
        {
            throw Challenge(request, stale: false);
        }
        if (request.App.Time.GetUtcNow() - issued > NonceLifetime)
        {
            throw Challenge(request, stale: true);
        }
        var counter = _counter!;
        // A nonce-count that does not grow is a replayed request. The legacy answer has none: it counts as 1, so its
        // nonce serves once, and stale="true" lets an honest client answer the fresh nonce without asking the user.
        var count = 1L;
        if ((qop.Length > 0 && !long.TryParse(nc, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out count))
            || !await counter.AdvanceAsync(nonce, count, issued + NonceLifetime, request.Aborted))
        {
            throw Challenge(request, stale: qop.Length == 0);
        }
        request.Login = user;
    }

    private static async ValueTask<string> BodyHashAsync(Request request, string algorithm)
    {
        var http = request.HttpContext.Request;
        if (!http.Body.CanSeek)
        {
            return Hash(algorithm, "");
        }
        http.Body.Position = 0;
        var bytes = await RequestBodyReader.ReadBytesAsync(http, request.Aborted);
        http.Body.Position = 0;
        return HashBytes(algorithm, bytes);
    }

    private HttpError Challenge(Request request, bool stale)
    {
        var nonce = NewNonce(request.App.Time.GetUtcNow());
        var charset = Options.AcceptCharset.Equals("iso-8859-1", StringComparison.OrdinalIgnoreCase) ? "" : $", charset=\"{Options.AcceptCharset.ToUpperInvariant()}\"";
        var extra = (stale ? ", stale=\"true\"" : "") + charset;
        var challenges = new string[Options.Algorithms.Length];
        for (var i = 0; i < challenges.Length; i++)
        {
            challenges[i] = $"Digest realm=\"{Options.Realm}\", nonce=\"{nonce}\", algorithm=\"{Options.Algorithms[i].ToUpperInvariant()}\", qop=\"auth\", opaque=\"{Opaque()}\"{extra}";
        }
        request.Response.Headers.WWWAuthenticate = new Microsoft.Extensions.Primitives.StringValues(challenges);
        return new HttpError(401, "You are not authorized to access that resource");
    }

    /// <summary>
    /// A nonce: the issue time, a random part (so that no two challenges share a nonce-count sequence), and an
    /// HMAC of both with the realm, under the key.
    /// </summary>
    public string NewNonce(DateTimeOffset issued)
    {
        var seconds = issued.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var unique = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        return seconds + ":" + unique + ":" + Sign(seconds + ":" + unique + ":" + Options.Realm);
    }

    private bool NonceIsAuthentic(string nonce, out DateTimeOffset issued)
    {
        issued = default;
        var parts = nonce.Split(':');
        if (parts.Length != 3 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }
        var expected = Sign(parts[0] + ":" + parts[1] + ":" + Options.Realm);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(parts[2])))
        {
            return false;
        }
        issued = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return true;
    }

    private string Opaque() => Sign("opaque:" + Options.Realm)[..32];

    private string Sign(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Options.Key), Encoding.UTF8.GetBytes(text)));

    public static string Hash(string algorithm, string text) => HashBytes(algorithm, Encoding.UTF8.GetBytes(text));

    private static string HashBytes(string algorithm, byte[] bytes) =>
        Convert.ToHexStringLower(algorithm == "SHA-256" ? SHA256.HashData(bytes) : MD5.HashData(bytes));

    /// <summary>Splits <c>name=value, name="quoted value"</c>; null when the header does not parse.</summary>
    private static Dictionary<string, string>? Parse(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in Http.HeaderElement.SplitOutsideQuotes(text, ','))
        {
            var item = part.Trim();
            if (item.Length == 0)
            {
                continue;
            }
            var equals = item.IndexOf('=');
            if (equals <= 0)
            {
                return null;
            }
            var value = item[(equals + 1)..].Trim();
            if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
            {
                value = value[1..^1].Replace("\\\"", "\"");
            }
            fields[item[..equals].Trim()] = value;
        }
        return fields;
    }

    /// <summary>HA1 from a user→password map, for either algorithm (CherryPy's <c>get_ha1_dict_plain</c>).</summary>
    public static GetHa1 Ha1FromPasswords(IReadOnlyDictionary<string, string> users) =>
        (realm, user, algorithm) => users.TryGetValue(user, out var password) ? Hash(algorithm, $"{user}:{realm}:{password}") : null;

    /// <summary>HA1 from a user→MD5-HA1 map (CherryPy's <c>get_ha1_dict</c>); SHA-256 clients are refused.</summary>
    public static GetHa1 Ha1FromDictionary(IReadOnlyDictionary<string, string> ha1s) =>
        (_, user, algorithm) => algorithm == "MD5" && ha1s.TryGetValue(user, out var ha1) ? ha1 : null;

    /// <summary>HA1 from an Apache htdigest file (<c>user:realm:md5-ha1</c> lines), read once.</summary>
    public static GetHa1 Ha1FromHtdigestFile(string path)
    {
        var entries = File.ReadAllLines(path)
            .Select(line => line.Split(':'))
            .Where(parts => parts.Length == 3)
            .ToDictionary(parts => (parts[0], parts[1]), parts => parts[2]);
        return (realm, user, algorithm) => algorithm == "MD5" && entries.TryGetValue((user, realm), out var ha1) ? ha1 : null;
    }
}

/// <summary>Turns on <see cref="AuthDigestTool"/>: <c>[AuthDigest(Realm = "wonderland", Key = "...")]</c>.</summary>
public sealed class AuthDigestAttribute : ToolAttribute
{
    private AuthDigestOptions _options = new();

    /// <inheritdoc cref="AuthDigestOptions.Realm"/>
    public string Realm { get => _options.Realm; set => _options = _options with { Realm = value }; }

    /// <inheritdoc cref="AuthDigestOptions.Key"/>
    public string Key { get => _options.Key; set => _options = _options with { Key = value }; }

    /// <inheritdoc cref="AuthDigestOptions.AcceptCharset"/>
    public string AcceptCharset { get => _options.AcceptCharset; set => _options = _options with { AcceptCharset = value }; }

    /// <inheritdoc cref="AuthDigestOptions.AllowLegacyNoQop"/>
    public bool AllowLegacyNoQop { get => _options.AllowLegacyNoQop; set => _options = _options with { AllowLegacyNoQop = value }; }

    /// <inheritdoc cref="AuthDigestOptions.Algorithms"/>
    public string[] Algorithms { get => _options.Algorithms; set => _options = _options with { Algorithms = value }; }

    public override Tool CreateTool() => new AuthDigestTool { Options = _options };
}
