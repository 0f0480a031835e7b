using System.Globalization;
using Cherry.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cherry;

/// <summary>The HA1 of a user (<c>H(user:realm:password)</c>) for an algorithm (<c>MD5</c> or <c>SHA-256</c>), or null for an unknown user.</summary>
public delegate string? GetHa1(string realm, string user, string algorithm);

/// <summary>
/// CherryPy's <c>auth_digest</c> (before_handler 1), RFC 2617 and RFC 7616: challenges for MD5 and SHA-256 (MD5 first,
/// which every client reads), MD5-sess and SHA-256-sess, qop <c>auth</c> and <c>auth-int</c>. Nonces carry a timestamp
/// and an HMAC of it under <see cref="AuthDigestOptions.Key"/>; an old one is answered <c>stale="true"</c>. Beyond CherryPy: the
/// nonce-count must grow per nonce (a replay is refused), the <c>uri</c> must be the request's, <c>opaque</c>
/// must round-trip, and RFC 2069's answer without qop is refused unless <see cref="AuthDigestOptions.AllowLegacyNoQop"/>. The HA1
/// source is the <see cref="GetHa1"/> registered in DI under the realm's name. <see cref="AuthDigestOptions.BasicFallback"/>
/// offers Basic beside Digest. The parsing, arithmetic, nonces and challenges are <c>Cherry.Http</c>'s
/// <see cref="AuthorizationHeader"/>, <see cref="DigestResponse"/>, <see cref="DigestNonce"/> and <see cref="AuthenticateChallenge"/>.
/// </summary>
public sealed partial class AuthDigestTool : Tool
{
    private const string Unparseable = "The Authorization header could not be parsed.";
    private INonceCounter? _counter;
    private GetHa1? _getHa1;

    private NonceSource? _nonceSource;

    /// <summary>The nonces of <see cref="Options"/>' key and realm, made once per options (one reference, so always a matching pair).</summary>
    private DigestNonce Nonces
    {
        get
        {
            var source = _nonceSource;
            if (source is null || !ReferenceEquals(source.Options, Options))
            {
                source = new NonceSource(Options, new DigestNonce(Options.Key, Options.Realm));
                _nonceSource = source;
            }
            return source.Nonces;
        }
    }

    private sealed record NonceSource(AuthDigestOptions Options, DigestNonce Nonces);

    /// <summary>How long a nonce is honoured before the client is asked again, <c>stale="true"</c> (not configurable).</summary>
    public TimeSpan NonceLifetime { get; set; } = TimeSpan.FromSeconds(600);

    public override void Resolve(IServiceProvider services, ToolArguments arguments)
    {
        _getHa1 = arguments.ResolveKeyed<GetHa1>(services, ToolCatalog.AuthDigest.Tool.Service!,
            argument => argument == ToolCatalog.AuthDigest.GetHa1 ? Options.GetHa1 : Options.Realm, "AuthDigestTool.Ha1FromPasswords(...)");
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
        var scheme = AuthorizationHeader.SchemeOf(header);
        if (scheme is null || (scheme == AuthorizationScheme.Basic && !Options.BasicFallback))
        {
            throw Challenge(request, stale: false);
        }
        AuthorizationHeader credentials;
        try
        {
            credentials = AuthorizationHeader.Parse(header, Options.AcceptCharset)!;
        }
        catch (HeaderFormatException)
        {
            throw new HttpError(400, scheme == AuthorizationScheme.Basic ? "Bad Request" : Unparseable);
        }
        if (scheme == AuthorizationScheme.Basic)
        {
            // The store keeps HA1 = MD5(user:realm:password): hash the password sent the same way and compare, for an
            // unknown user too, so that the time taken does not tell which users exist.
            var stored = getHa1(Options.Realm, credentials.UserName, "MD5");
            var matches = credentials.CheckPassword(stored ?? "", encrypt: password => DigestResponse.Ha1("MD5", credentials.UserName, Options.Realm, password));
            if (!matches || stored is null)
            {
                throw Challenge(request, stale: false);
            }
            request.Login = credentials.UserName;
            return;
        }
        var (nonce, uri, qop) = (credentials.Nonce!, credentials.Uri!, credentials.Qop ?? "");
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
        if (credentials.Realm != Options.Realm || !Nonces.TryRead(nonce, out var issued) || (credentials.Opaque is { } opaque && opaque != Nonces.Opaque))
        {
            throw Challenge(request, stale: false);
        }
        var hashAlgorithm = credentials.HashAlgorithm!;
        if (!Options.Algorithms.Contains(hashAlgorithm, StringComparer.OrdinalIgnoreCase))
        {
            // Not an algorithm this realm offers: ask again with the ones it does.
            throw Challenge(request, stale: false);
        }
        var ha1 = getHa1(Options.Realm, credentials.UserName, hashAlgorithm);
        var bodyHash = qop == "auth-int" ? await BodyHashAsync(request, hashAlgorithm) : null;
        if (ha1 is null || !credentials.CheckHa1(ha1, request.Method, bodyHash))
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
        if ((qop.Length > 0 && !long.TryParse(credentials.NonceCount, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out count))
            || !await AdvanceAsync(request, counter, nonce, count, issued + NonceLifetime))
        {
            throw Challenge(request, stale: qop.Length == 0);
        }
        request.Login = credentials.UserName;
    }

    private static async ValueTask<string> BodyHashAsync(Request request, string algorithm)
    {
        var http = request.HttpContext.Request;
        if (!http.Body.CanSeek)
        {
            return DigestResponse.Hash(algorithm, "");
        }
        http.Body.Position = 0;
        var bytes = await RequestBodyReader.ReadBytesAsync(http, request.Aborted);
        http.Body.Position = 0;
        return DigestResponse.Hash(algorithm, bytes);
    }

    /// <summary>A shared counter's store that cannot be reached is a 503 the client can retry, not a 500 (logged).</summary>
    private static async ValueTask<bool> AdvanceAsync(Request request, INonceCounter counter, string nonce, long count, DateTimeOffset expires)
    {
        try
        {
            return await counter.AdvanceAsync(nonce, count, expires, request.Aborted);
        }
        catch (Exception ex) when (StoreOutage.IsCause(ex))
        {
            request.App.Logger.LogError("The nonce counter store {Store} is unavailable: {Error}", counter.GetType().Name, ex.Message);
            throw new StoreOutage("nonce counter", ex);
        }
    }

    private HttpError Challenge(Request request, bool stale)
    {
        var issued = request.App.Time.GetUtcNow();
        var charset = Options.AcceptCharset;
        string[] challenges;
        if (Options.BasicFallback)
        {
            challenges = AuthenticateChallenge.DigestWithBasicFallback(Options.Realm, Nonces, issued, Options.Algorithms, stale, charset);
        }
        else
        {
            var nonce = Nonces.Create(issued);
            challenges = new string[Options.Algorithms.Length];
            for (var i = 0; i < challenges.Length; i++)
            {
                challenges[i] = AuthenticateChallenge.Digest(Options.Realm, nonce, Options.Algorithms[i], Nonces.Opaque, stale, charset);
            }
        }
        request.Response.Headers.WWWAuthenticate = new Microsoft.Extensions.Primitives.StringValues(challenges);
        return new HttpError(401, "You are not authorized to access that resource");
    }

    /// <summary>A nonce issued at <paramref name="issued"/>, as this tool's challenges carry (<see cref="DigestNonce.Create"/>).</summary>
    public string NewNonce(DateTimeOffset issued) => Nonces.Create(issued);

    /// <inheritdoc cref="DigestResponse.Hash(string, string)"/>
    public static string Hash(string algorithm, string text) => DigestResponse.Hash(algorithm, text);

    /// <summary>HA1 from a user→password map, for either algorithm (CherryPy's <c>get_ha1_dict_plain</c>).</summary>
    public static GetHa1 Ha1FromPasswords(IReadOnlyDictionary<string, string> users) =>
        (realm, user, algorithm) => users.TryGetValue(user, out var password) ? DigestResponse.Ha1(algorithm, user, realm, password) : null;

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
