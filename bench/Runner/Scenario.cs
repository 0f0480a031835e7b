namespace Runner;

/// <summary>One measured request kind; every server answers it at the same URL.</summary>
internal sealed record Scenario(string Name, string Path, bool Authenticated = false, bool Sessions = false)
{
    public const string Credentials = "YmVuY2g6YmVuY2g="; // bench:bench

    public static readonly Scenario[] All =
    [
        new("plaintext", "/plaintext"),
        new("json", "/json"),
        new("deep path (20 segments)", "/deep/n/n/n/n/n/n/n/n/n/n/n/n/n/n/n/n/n/n/leaf"),
        new("1,000-handler app", "/large/s42/h7"),
        new("chain: json + auth + cache hit", "/chain/", Authenticated: true),
        new("RAM session read/write", "/session/", Sessions: true),
        new("static 1 MB", "/static/1mb.bin"),
    ];
}
