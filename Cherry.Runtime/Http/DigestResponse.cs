using System.Security.Cryptography;
using System.Text;

namespace Cherry.Http;

/// <summary>
/// The arithmetic of an HTTP Digest answer (RFC 2617 §3.2.2, RFC 7616 §3.4): the hashes in lower-case hex, HA1 from a
/// password, the <c>-sess</c> session key (httpauth's <c>md5SessionKey</c>) and the request-digest a client must send.
/// Algorithms are <c>MD5</c> and <c>SHA-256</c>, each also with <c>-sess</c>.
/// </summary>
public static class DigestResponse
{
    /// <summary><c>H(text)</c>: the UTF-8 bytes of <paramref name="text"/> hashed, in lower-case hex.</summary>
    /// <exception cref="ArgumentException"><paramref name="algorithm"/> is not MD5 or SHA-256 (with or without -sess).</exception>
    public static string Hash(string algorithm, string text) => Hash(algorithm, Encoding.UTF8.GetBytes(text));

    /// <summary><c>H(bytes)</c> in lower-case hex: what qop <c>auth-int</c> takes of the entity body.</summary>
    /// <exception cref="ArgumentException"><paramref name="algorithm"/> is not MD5 or SHA-256 (with or without -sess).</exception>
    public static string Hash(string algorithm, ReadOnlySpan<byte> bytes) => IsSha256(algorithm)
        ? Convert.ToHexStringLower(SHA256.HashData(bytes))
        : Convert.ToHexStringLower(MD5.HashData(bytes));

    /// <summary>HA1 as a store keeps it: <c>H(user:realm:password)</c>.</summary>
    public static string Ha1(string algorithm, string userName, string realm, string password) =>
        Hash(algorithm, $"{userName}:{realm}:{password}");

    /// <summary>The <c>-sess</c> algorithms' A1 hashed: <c>H(HA1:nonce:cnonce)</c>, from the stored HA1.</summary>
    public static string SessionHa1(string algorithm, string ha1, string nonce, string clientNonce) =>
        Hash(algorithm, $"{ha1}:{nonce}:{clientNonce}");

    /// <summary>
    /// The request-digest a client holding <paramref name="ha1"/> sends for <paramref name="credentials"/>'s nonce, uri,
    /// qop, nc and cnonce: <c>H(HA1:nonce:nc:cnonce:qop:HA2)</c>, or RFC 2069's <c>H(HA1:nonce:HA2)</c> without qop,
    /// where <c>HA2 = H(method:uri)</c> (<c>H(method:uri:H(body))</c> for <c>auth-int</c>).
    /// </summary>
    /// <param name="entityBodyHash">For <c>auth-int</c>, <c>H(entity-body)</c>; the empty body's hash when null.</param>
    /// <exception cref="ArgumentException"><paramref name="credentials"/> is not a Digest answer.</exception>
    public static string Expected(AuthorizationHeader credentials, string ha1, string method, string? entityBodyHash = null)
    {
        if (credentials.Scheme != AuthorizationScheme.Digest)
        {
            throw new ArgumentException("Only a Digest answer has a request-digest.", nameof(credentials));
        }
        var algorithm = credentials.HashAlgorithm!;
        var (nonce, clientNonce, qop) = (credentials.Nonce!, credentials.ClientNonce ?? "", credentials.Qop ?? "");
        var a1 = credentials.Algorithm!.EndsWith("-SESS", StringComparison.Ordinal) ? SessionHa1(algorithm, ha1, nonce, clientNonce) : ha1;
        var ha2 = qop == "auth-int"
            ? Hash(algorithm, $"{method}:{credentials.Uri}:{entityBodyHash ?? Hash(algorithm, "")}")
            : Hash(algorithm, $"{method}:{credentials.Uri}");
        return qop.Length > 0
            ? Hash(algorithm, $"{a1}:{nonce}:{credentials.NonceCount}:{clientNonce}:{qop}:{ha2}")
            : Hash(algorithm, $"{a1}:{nonce}:{ha2}");
    }

    private static bool IsSha256(string algorithm) =>
        algorithm.ToUpperInvariant() switch
        {
            "SHA-256" or "SHA-256-SESS" => true,
            "MD5" or "MD5-SESS" => false,
            _ => throw new ArgumentException($"'{algorithm}' is not a digest algorithm (MD5, SHA-256).", nameof(algorithm)),
        };
}
