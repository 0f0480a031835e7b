namespace Cherry.Http;

/// <summary>
/// <c>WWW-Authenticate</c> values (httpauth's <c>basicAuth</c>, <c>digestAuth</c> and <c>doAuth</c>). Realms and
/// other values are quoted strings, with <c>"</c> and <c>\</c> escaped. A charset is written only when it is not
/// ISO-8859-1 (RFC 7617 §2.1, RFC 7616 §3.3).
/// </summary>
public static class AuthenticateChallenge
{
    /// <summary><c>Basic realm="..."</c>, with <c>charset="UTF-8"</c> unless <paramref name="charset"/> is ISO-8859-1 or null.</summary>
    public static string Basic(string realm, string? charset = null) =>
        $"Basic realm={Quote(realm)}{Charset(charset)}";

    /// <summary>
    /// <c>Digest realm="...", nonce="...", algorithm="...", qop="auth", opaque="..."</c>, then <c>stale="true"</c> and the
    /// charset when asked for.
    /// </summary>
    public static string Digest(string realm, string nonce, string algorithm = "MD5", string? opaque = null, bool stale = false, string? charset = null) =>
        $"Digest realm={Quote(realm)}, nonce={Quote(nonce)}, algorithm={Quote(algorithm.ToUpperInvariant())}, qop=\"auth\""
        + (opaque is null ? "" : $", opaque={Quote(opaque)}")
        + (stale ? ", stale=\"true\"" : "")
        + Charset(charset);

    /// <summary>
    /// The challenge that offers Digest with Basic as the fallback (httpauth's <c>doAuth</c>): one Digest challenge per
    /// algorithm, in order, then Basic. Set them as the fields of one <c>WWW-Authenticate</c> header (HTTP reads repeated
    /// fields as one list); a client takes the first scheme it supports, so Digest when it can.
    /// </summary>
    public static string[] DigestWithBasicFallback(string realm, DigestNonce nonces, DateTimeOffset issued, IReadOnlyList<string>? algorithms = null, bool stale = false, string? charset = null)
    {
        algorithms ??= ["MD5"];
        var nonce = nonces.Create(issued);
        var challenges = new string[algorithms.Count + 1];
        for (var i = 0; i < algorithms.Count; i++)
        {
            challenges[i] = Digest(realm, nonce, algorithms[i], nonces.Opaque, stale, charset);
        }
        challenges[^1] = Basic(realm, charset);
        return challenges;
    }

    private static string Charset(string? charset) =>
        charset is null || charset.Equals("iso-8859-1", StringComparison.OrdinalIgnoreCase) ? "" : $", charset={Quote(charset.ToUpperInvariant())}";

    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
