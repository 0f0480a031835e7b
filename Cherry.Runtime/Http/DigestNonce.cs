using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Cherry.Http;

/// <summary>
/// Digest nonces that need no server state (httpauth's <c>calculateNonce</c>, signed): the issue time, a random part
/// (so that no two challenges share a nonce-count sequence), and an HMAC-SHA-256 of both with the realm under a secret
/// key. <see cref="TryRead"/> gives back the issue time of a nonce this key and realm made, so the caller decides how
/// long one is honoured. <see cref="Opaque"/> is the challenge's <c>opaque</c>, fixed per key and realm.
/// </summary>
public sealed class DigestNonce
{
    private readonly byte[] _key;
    private readonly string _realm;

    /// <param name="key">The secret nonces are signed with.</param>
    /// <param name="realm">The realm; a nonce made for one realm is not authentic in another.</param>
    public DigestNonce(string key, string realm)
    {
        _key = Encoding.UTF8.GetBytes(key);
        _realm = realm;
        Opaque = Sign("opaque:" + realm)[..32];
    }

    /// <summary>32 hex digits a client returns unchanged.</summary>
    public string Opaque { get; }

    /// <summary>A fresh nonce issued at <paramref name="issued"/>: <c>seconds:random:hmac</c>.</summary>
    public string Create(DateTimeOffset issued)
    {
        var seconds = issued.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var unique = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        return seconds + ":" + unique + ":" + Sign(seconds + ":" + unique + ":" + _realm);
    }

    /// <summary>True, with its issue time, when <paramref name="nonce"/> was made with this key for this realm.</summary>
    public bool TryRead(string nonce, out DateTimeOffset issued)
    {
        issued = default;
        var parts = nonce.Split(':');
        if (parts.Length != 3 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }
        var expected = Sign(parts[0] + ":" + parts[1] + ":" + _realm);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(parts[2])))
        {
            return false;
        }
        issued = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return true;
    }

    private string Sign(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text)));
}
