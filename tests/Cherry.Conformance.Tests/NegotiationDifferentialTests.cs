using System.IO.Compression;
using System.Net;
using Xunit.Abstractions;

namespace Cherry.Conformance.Tests;

/// <summary>
/// Content negotiation made differential: generated Accept-Charset and Accept-Encoding headers (charsets and codings
/// CherryPy and .NET both know, unknown ones, <c>*</c>, q-values from 0 to 1) go to CherryPy and to Cherry, and the
/// answers are compared whole: status, Content-Type with its charset, Content-Encoding, Vary and the body's bytes
/// (decompressed). Where they differ, the header must fall under a documented deviation.
/// </summary>
public sealed class NegotiationDifferentialTests(DifferentialFixture servers, ITestOutputHelper output) : IClassFixture<DifferentialFixture>
{
    private const int HeadersPerKind = 150;

    private static readonly string[] Charsets = ["utf-8", "UTF-8", "iso-8859-1", "utf-16", "iso-8859-5", "us-ascii", "x-unknown", "*"];
    private static readonly string[] Codings = ["gzip", "x-gzip", "deflate", "identity", "*", "compress", "br"];
    private static readonly string[] Qualities = ["", "", ";q=1", ";q=0.5", ";q=0.001", ";q=0"];

    private static string RandomHeader(Random random, string[] values) =>
        string.Join(", ", Enumerable.Range(0, random.Next(1, 4)).Select(_ => values[random.Next(values.Length)] + Qualities[random.Next(Qualities.Length)]));

    /// <summary>
    /// Whether a different answer to <paramref name="header"/> is the documented deviation (docs/conformance.md,
    /// "`Accept-Encoding: deflate` / `br`"): identity unless refused, brotli, `*` read as RFC 9110 reads it, and a 406
    /// that keeps Vary. Charset negotiation has no deviation: every Accept-Charset answer must be CherryPy's.
    /// </summary>
    private static bool Deviates(string name, string header) =>
        name == "Accept-Encoding" && new[] { "br", "deflate", "compress", "*", "identity;q=0" }.Any(token => header.Contains(token, StringComparison.Ordinal));

    [Fact]
    public async Task Generated_accept_headers_get_cherrypys_answer_but_for_documented_deviations()
    {
        var random = new Random(20261207);
        using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None, AllowAutoRedirect = false });
        var cases = Enumerable.Range(0, HeadersPerKind).SelectMany(_ => new[]
        {
            ("Accept-Charset", RandomHeader(random, Charsets), random.Next(2) == 0 ? "tools/latin1" : ""),
            // Only /gzip/ for codings: /gzip/json is a 500 in CherryPy whatever the request ("A handler returning text with a non-text Content-Type").
            ("Accept-Encoding", RandomHeader(random, Codings), "gzip/"),
        }).ToList();
        var (same, deviating, unexplained) = (0, 0, new List<string>());
        foreach (var (name, header, path) in cases)
        {
            var reference = await AnswerAsync(client, servers.CherryPy.Address, path, name, header);
            var cherry = await AnswerAsync(client, servers.Cherry.Address, path, name, header);
            if (reference == cherry)
            {
                same++;
            }
            else if (Deviates(name, header))
            {
                deviating++;
            }
            else
            {
                unexplained.Add($"/{path} {name}: {header}\n  CherryPy: {reference}\n  Cherry:   {cherry}");
            }
        }
        output.WriteLine($"{cases.Count} requests: {same} answered alike, {deviating} by a documented deviation");
        Assert.True(unexplained.Count == 0, $"{unexplained.Count} differ:\n" + string.Join("\n", unexplained.Take(10)));
        Assert.InRange(same, cases.Count * 2 / 3, cases.Count);
    }

    private static async Task<string> AnswerAsync(HttpClient client, Uri server, string path, string name, string header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server, path));
        request.Headers.TryAddWithoutValidation(name, header);
        using var response = await client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var coding = string.Join(",", response.Content.Headers.ContentEncoding);
        if ((int)response.StatusCode == 200 && coding is "gzip" or "x-gzip")
        {
            using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var plain = new MemoryStream();
            await gzip.CopyToAsync(plain);
            bytes = plain.ToArray();
        }
        // An error page's body is each server's own template; its status and headers are what negotiation decided.
        var body = (int)response.StatusCode == 200 ? Convert.ToHexString(bytes) : "";
        var type = response.Content.Headers.ContentType?.ToString().Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        return $"{(int)response.StatusCode} type={type} coding={coding} vary={string.Join(",", response.Headers.Vary)} body={body}";
    }
}
