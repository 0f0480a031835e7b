using System.Security.Cryptography;
using System.Text;

namespace Cherry.Http;

/// <summary>The authentication schemes <see cref="AuthorizationHeader"/> reads.</summary>
public enum AuthorizationScheme
{
    /// <summary>RFC 7617: <c>Basic base64(user:password)</c>.</summary>
    Basic,

    /// <summary>RFC 2617/7616: <c>Digest username="...", realm="...", ...</c>.</summary>
    Digest,
}

/// <summary>
/// An <c>Authorization</c> header read into its scheme and fields (the old <c>cherrypy.lib.httpauth.parseAuthorization</c>):
/// for Basic the user name and password, for Digest the fields RFC 2617 §3.2.2 lists, unquoted. <see cref="Parse"/> answers
/// null for no credentials or a scheme other than Basic and Digest, and raises only <see cref="HeaderFormatException"/>.
/// <see cref="CheckPassword"/> and <see cref="CheckHa1"/> check the answer (httpauth's <c>checkResponse</c>).
/// </summary>
public sealed class AuthorizationHeader
{
    private const string HeaderName = "Authorization";

    private readonly Dictionary<string, string> _fields;

    private AuthorizationHeader(AuthorizationScheme scheme, Dictionary<string, string> fields, string userName, string? password)
    {
        Scheme = scheme;
        _fields = fields;
        UserName = userName;
        Password = password;
    }

    public AuthorizationScheme Scheme { get; }

    /// <summary>The user name: Basic's part before the colon, Digest's <c>username</c>.</summary>
    public string UserName { get; }

    /// <summary>Basic's password as sent (decoded, NFC-normalised); null for Digest.</summary>
    public string? Password { get; }

    /// <summary>Digest's fields by name (case-insensitive), values unquoted; empty for Basic.</summary>
    public IReadOnlyDictionary<string, string> Fields => _fields;

    public string? Realm => Field("realm");

    public string? Nonce => Field("nonce");

    /// <summary>The request-target the client hashed (<c>uri</c>).</summary>
    public string? Uri => Field("uri");

    /// <summary>The request-digest, as sent (<c>response</c>).</summary>
    public string? Response => Field("response");

    /// <summary><c>auth</c>, <c>auth-int</c>, or null for RFC 2069's answer without qop.</summary>
    public string? Qop => Field("qop");

    /// <summary>The nonce-count, eight hex digits as sent (<c>nc</c>).</summary>
    public string? NonceCount => Field("nc");

    /// <summary>The client nonce (<c>cnonce</c>).</summary>
    public string? ClientNonce => Field("cnonce");

    public string? Opaque => Field("opaque");

    /// <summary>
    /// Digest's algorithm in upper case (<c>MD5</c> when the client names none, <c>MD5-SESS</c>, <c>SHA-256</c>,
    /// <c>SHA-256-SESS</c>); null for Basic.
    /// </summary>
    public string? Algorithm => Scheme == AuthorizationScheme.Digest ? (Field("algorithm")?.ToUpperInvariant() ?? "MD5") : null;

    /// <summary>The hash of <see cref="Algorithm"/> without <c>-SESS</c>: <c>MD5</c> or <c>SHA-256</c>; null for Basic.</summary>
    public string? HashAlgorithm => Algorithm is { } algorithm && algorithm.EndsWith("-SESS", StringComparison.Ordinal) ? algorithm[..^"-SESS".Length] : Algorithm;

    private string? Field(string name) => _fields.TryGetValue(name, out var value) ? value : null;

    /// <summary>The scheme <paramref name="value"/> names, or null when it names none or another one.</summary>
    public static AuthorizationScheme? SchemeOf(string? value)
    {
        var text = value.AsSpan().TrimStart();
        var space = text.IndexOfAny(' ', '\t');
        var scheme = space < 0 ? text : text[..space];
        return scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) ? AuthorizationScheme.Basic
            : scheme.Equals("Digest", StringComparison.OrdinalIgnoreCase) ? AuthorizationScheme.Digest
            : null;
    }

    /// <summary>
    /// Reads an <c>Authorization</c> value: null when it is empty or names another scheme. Basic credentials are
    /// decoded with <paramref name="charset"/>, or ISO-8859-1 where that fails. A Digest answer must carry
    /// username, realm, nonce, uri and response, an algorithm of <c>MD5</c>, <c>MD5-sess</c>, <c>SHA-256</c> or
    /// <c>SHA-256-sess</c>, and cnonce and nc exactly when it has a qop of <c>auth</c> or <c>auth-int</c>.
    /// </summary>
    /// <exception cref="HeaderFormatException">The value names Basic or Digest but does not parse.</exception>
    public static AuthorizationHeader? Parse(string? value, string charset = "utf-8")
    {
        var scheme = SchemeOf(value);
        if (scheme is null)
        {
            return null;
        }
        var text = value!.Trim();
        var rest = text[(scheme == AuthorizationScheme.Basic ? "Basic" : "Digest").Length..].Trim();
        if (rest.Length == 0)
        {
            throw new HeaderFormatException(HeaderName, "no credentials follow the scheme");
        }
        return scheme == AuthorizationScheme.Basic ? ParseBasic(rest, charset) : ParseDigest(rest);
    }

    private static AuthorizationHeader ParseBasic(string token, string charset)
    {
        var bytes = new byte[token.Length];
        if (!Convert.TryFromBase64String(token, bytes, out var length))
        {
            throw new HeaderFormatException(HeaderName, "the Basic credentials are not base64");
        }
        var decoded = bytes.AsSpan(0, length);
        string text;
        try
        {
            text = (Charsets.Find(charset) ?? Encoding.Latin1).GetString(decoded);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.Latin1.GetString(decoded);
        }
        var colon = text.IndexOf(':');
        if (colon < 0)
        {
            throw new HeaderFormatException(HeaderName, "the Basic credentials have no colon");
        }
        return new AuthorizationHeader(AuthorizationScheme.Basic, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase),
            text[..colon].Normalize(NormalizationForm.FormC), text[(colon + 1)..].Normalize(NormalizationForm.FormC));
    }

    private static AuthorizationHeader ParseDigest(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in HeaderElement.SplitOutsideQuotes(text, ','))
        {
            var item = part.Trim();
            if (item.Length == 0)
            {
                continue;
            }
            var equals = item.IndexOf('=');
            if (equals <= 0)
            {
                throw new HeaderFormatException(HeaderName, $"'{item}' is not a name=value pair");
            }
            fields[item[..equals].Trim()] = HeaderElement.Unquote(item[(equals + 1)..].Trim());
        }
        string Required(string name) =>
            fields.TryGetValue(name, out var value) && value.Length > 0 ? value : throw new HeaderFormatException(HeaderName, $"the Digest answer has no {name}");
        var userName = Required("username");
        _ = (Required("realm"), Required("nonce"), Required("uri"), Required("response"));
        if (fields.TryGetValue("algorithm", out var algorithm) && algorithm.ToUpperInvariant() is not ("MD5" or "MD5-SESS" or "SHA-256" or "SHA-256-SESS"))
        {
            throw new HeaderFormatException(HeaderName, $"the algorithm '{algorithm}' is not supported");
        }
        var qop = fields.GetValueOrDefault("qop", "");
        var counted = fields.ContainsKey("cnonce") || fields.ContainsKey("nc");
        if (qop.Length > 0)
        {
            if (qop is not ("auth" or "auth-int"))
            {
                throw new HeaderFormatException(HeaderName, $"the qop '{qop}' is not supported");
            }
            _ = (Required("cnonce"), Required("nc"));
        }
        else if (counted)
        {
            throw new HeaderFormatException(HeaderName, "cnonce and nc come only with a qop");
        }
        return new AuthorizationHeader(AuthorizationScheme.Digest, fields, userName, password: null);
    }

    /// <summary>
    /// Checks the answer against the user's <paramref name="password"/>: Basic compares the password sent (passed through
    /// <paramref name="encrypt"/> first when given, for a store of hashed passwords, as <c>cherrypy.lib.auth</c>'s
    /// <c>encrypt</c>); Digest computes the HA1 from it and checks the request-digest as <see cref="CheckHa1"/> does.
    /// </summary>
    /// <param name="password">The stored password (for Basic with <paramref name="encrypt"/>, its stored hash).</param>
    /// <param name="method">The request method (Digest's A2).</param>
    /// <param name="encrypt">Basic only: applied to the password sent before the comparison.</param>
    /// <param name="entityBodyHash">Digest with qop <c>auth-int</c> only: <c>H(entity-body)</c> in the answer's hash.</param>
    public bool CheckPassword(string password, string method = "GET", Func<string, string>? encrypt = null, string? entityBodyHash = null)
    {
        if (Scheme == AuthorizationScheme.Basic)
        {
            var sent = encrypt is null ? Password! : encrypt(Password!);
            return SecretEquals(sent, password);
        }
        return CheckHa1(DigestResponse.Ha1(HashAlgorithm!, UserName, Realm!, password), method, entityBodyHash);
    }

    /// <summary>
    /// Checks a Digest answer against the user's stored <paramref name="ha1"/> (<c>H(user:realm:password)</c> in the
    /// answer's hash; for <c>-sess</c> algorithms the session key is derived from it). False for Basic, which carries
    /// no digest.
    /// </summary>
    public bool CheckHa1(string ha1, string method = "GET", string? entityBodyHash = null) =>
        Scheme == AuthorizationScheme.Digest
        && SecretEquals(DigestResponse.Expected(this, ha1, method, entityBodyHash), Response!.ToLowerInvariant());

    /// <summary>Compares two secrets in time that depends on neither: their hashes, so even the lengths compared are equal.</summary>
    internal static bool SecretEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(a)), SHA256.HashData(Encoding.UTF8.GetBytes(b)));
}
