namespace Cherry;

/// <summary>
/// auth_digest's arguments and their defaults. <see cref="AuthDigestAttribute"/> sets them, configuration's
/// <c>tools.auth_digest.*</c> overrides them; their keys and rules are declared once in Shared/ToolCatalog.cs.
/// </summary>
public sealed record AuthDigestOptions
{
    /// <summary>
    /// The realm, required and without a double quote; the <see cref="GetHa1"/> registered in DI under it gives the
    /// users' HA1 (<c>realm</c>).
    /// </summary>
    public string Realm { get; init; } = "";

    /// <summary>The secret nonces are signed with; required (<c>key</c>).</summary>
    public string Key { get; init; } = "";

    /// <summary>The charset advertised in the challenge unless it is ISO-8859-1 (<c>accept_charset</c>).</summary>
    public string AcceptCharset { get; init; } = "utf-8";

    /// <summary>
    /// Accepts RFC 2069's answer without qop (<c>allow_legacy_no_qop</c>). It has no nonce-count, so each nonce then
    /// serves one request: a replay is answered <c>stale="true"</c>. Off by default (CherryPy accepts it).
    /// </summary>
    public bool AllowLegacyNoQop { get; init; }

    /// <summary>
    /// The algorithms challenged with, one <c>WWW-Authenticate</c> each, in order (<c>algorithms</c>): MD5 and SHA-256
    /// by default (RFC 7616; MD5 first, which every client reads). <c>["MD5"]</c> challenges as CherryPy does; an
    /// answer in an algorithm not listed is challenged again.
    /// </summary>
    public string[] Algorithms { get; init; } = ["MD5", "SHA-256"];

    /// <summary>
    /// Offers Basic as the fallback on the same path (<c>basic_fallback</c>), as the old <c>httpauth.doAuth</c> did: the
    /// challenge lists the Digest challenges, then <c>Basic realm="..."</c>, and a Basic answer is let in when
    /// <c>MD5(user:realm:password)</c> of the password sent equals the user's MD5 HA1, so the same
    /// <see cref="GetHa1"/> serves both. Basic sends the password itself: over HTTPS only. Off by default.
    /// </summary>
    public bool BasicFallback { get; init; }

    /// <summary>
    /// The key of the <see cref="Cherry.GetHa1"/> that answers for this path's users, when it is not the realm's: one realm with
    /// a password source per path, as CherryPy's per-path <c>get_ha1</c> (<c>get_ha1</c>).
    /// </summary>
    public string? GetHa1 { get; init; }

    internal AuthDigestOptions Bind(ToolArguments arguments) => new()
    {
        Realm = arguments.Bind(ToolCatalog.AuthDigest.Realm, Realm),
        Key = arguments.Bind(ToolCatalog.AuthDigest.Key, Key),
        AcceptCharset = arguments.Bind(ToolCatalog.AuthDigest.AcceptCharset, AcceptCharset),
        AllowLegacyNoQop = arguments.Bind(ToolCatalog.AuthDigest.AllowLegacyNoQop, AllowLegacyNoQop),
        Algorithms = arguments.Bind(ToolCatalog.AuthDigest.Algorithms, Algorithms),
        BasicFallback = arguments.Bind(ToolCatalog.AuthDigest.BasicFallback, BasicFallback),
        GetHa1 = arguments.Bind(ToolCatalog.AuthDigest.GetHa1, GetHa1),
    };
}
