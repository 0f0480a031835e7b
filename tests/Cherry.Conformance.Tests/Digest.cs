using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Cherry.Conformance.Tests;

/// <summary>Hand-built digest answers, as observed/probe9_digest.py builds them, each to the server's own challenge.</summary>
internal static partial class Digest
{
    private const string Realm = "wonderland";
    private const string Key = "a565c27146791cfb";

    private static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));

    public static string Header(string nonce, string? opaque, string uri = "/digest/", string password = "4x5istwelve")
    {
        var ha1 = Md5($"alice:{Realm}:{password}");
        var ha2 = Md5("GET:" + uri);
        const string cnonce = "abcdef";
        const string nc = "00000001";
        var response = Md5($"{ha1}:{nonce}:{nc}:{cnonce}:auth:{ha2}");
        var header = $"Digest username=\"alice\", realm=\"{Realm}\", nonce=\"{nonce}\", uri=\"{uri}\", algorithm=MD5, response=\"{response}\", qop=auth, nc={nc}, cnonce=\"{cnonce}\"";
        return opaque is null ? header : header + $", opaque=\"{opaque}\"";
    }

    /// <summary>CherryPy's own nonce form, <c>timestamp:md5(timestamp:realm:key)</c>, for a time <paramref name="age"/> ago.</summary>
    public static string CherryPyNonce(TimeSpan age)
    {
        var timestamp = (DateTimeOffset.UtcNow - age).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"{timestamp}:{Md5($"{timestamp}:{Realm}:{Key}")}";
    }

    /// <summary>Answers the challenge this server sent in the previous step, for <paramref name="uri"/>.</summary>
    public static Step Answering(this Step step, string uri = "/digest/") => step with
    {
        Prepare = (s, state) =>
        {
            var challenge = state.History[^1].Answer.Header("WWW-Authenticate") ?? "";
            var nonce = Parameter().Match(challenge) is { Success: true } n ? n.Groups[1].Value : "";
            var opaque = Opaque().Match(challenge) is { Success: true } o ? o.Groups[1].Value : null;
            return s.With("Authorization", Header(nonce, opaque, uri));
        },
    };

    /// <summary>Sends the previous step's Authorization again, unchanged.</summary>
    public static Step Replaying(this Step step) => step with
    {
        Prepare = (s, state) => s.With("Authorization", state.History[^1].Step.Headers.Last(h => h.Name == "Authorization").Value),
    };

    [GeneratedRegex("nonce=\"([^\"]*)\"")]
    private static partial Regex Parameter();

    [GeneratedRegex("opaque=\"([^\"]*)\"")]
    private static partial Regex Opaque();
}
