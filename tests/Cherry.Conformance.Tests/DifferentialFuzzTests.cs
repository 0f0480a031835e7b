using System.Text;
using System.Text.RegularExpressions;
using Cherry.Integration.Tests;
using Xunit.Abstractions;

namespace Cherry.Conformance.Tests;

/// <summary>
/// The request fuzzer made differential: requests for the reference app's stateless paths, each changed in one way by
/// one of the fuzzer's values (a header line, a path segment, a query value), go to CherryPy and to Cherry, and their
/// final statuses are compared. One change per request, so a different status names its cause: it must be one of the
/// documented deviations below, with the status Cherry gives for it, and each deviation listed must have happened.
/// </summary>
public sealed partial class DifferentialFuzzTests(DifferentialFixture servers, ITestOutputHelper output) : IClassFixture<DifferentialFixture>
{
    private const int Requests = 500;

    /// <summary>Paths whose answer does not depend on earlier requests (no sessions, counters or stores).</summary>
    private static readonly string[] StablePaths =
    [
        "/", "/one", "/args/x/y", "/multi", "/nothing", "/typed", "/url", "/dir1/", "/dir1/leaf", "/dir1/dir2/", "/defnoindex/x",
        "/blog/", "/blog/2024/05/", "/dyn/node1/info", "/json/out", "/expires/plain", "/gzip/", "/tools/accept", "/tools/allow",
        "/tools/headers", "/tools/flatten", "/static/digits.txt", "/static/index.html", "/nodef/", "/nonexistent",
    ];

    /// <summary>
    /// The deviation a change may cause, by its row in docs/conformance.md, and the status Cherry answers with then; null
    /// for a change that must get CherryPy's status.
    /// </summary>
    private static (string Row, int CherryStatus)? Deviation(string change, string path) => change switch
    {
        _ when change.StartsWith("header Host: ", StringComparison.Ordinal) => ("Host header that no URL can carry", 400),
        _ when QualityAboveOne().IsMatch(change) => ("Quality value outside 0 to 1", 400),
        _ when change.StartsWith("header Range: ", StringComparison.Ordinal) => ("Range header that does not parse", 200),
        _ when change.StartsWith("query ", StringComparison.Ordinal) && change.Contains("%FF", StringComparison.Ordinal) => ("Undecodable query string", 400),
        "segment %00" => ("NUL byte in a path", 400),
        "segment .." or "segment %2e%2e" => ("Dot segments in the path", 200),
        "segment _cp_dispatch" => ("A segment named `_cp_dispatch`", 301),
        _ when path == "/typed" && change.StartsWith("segment ", StringComparison.Ordinal) => ("Enum, number, GUID, date parameters", 400),
        _ when path == "/multi" && change.StartsWith("segment ", StringComparison.Ordinal) => ("Typed array parameter and a path segment", 404),
        _ => null,
    };

    private static readonly string[] Rows =
    [
        "Host header that no URL can carry", "Quality value outside 0 to 1", "Range header that does not parse", "Undecodable query string",
        "NUL byte in a path", "Dot segments in the path", "A segment named `_cp_dispatch`", "Enum, number, GUID, date parameters",
        "Typed array parameter and a path segment",
    ];

    [Fact]
    public async Task One_change_at_a_time_gets_cherrypys_status_but_for_the_documented_deviations()
    {
        var random = new Random(FuzzRunner.Seed);
        var unexplained = new List<string>();
        var seen = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var same = 0;
        for (var i = 0; i < Requests; i++)
        {
            var path = StablePaths[random.Next(StablePaths.Length)];
            var (change, request) = random.Next(3) switch
            {
                0 => Header(FuzzRequest.HeaderLines[random.Next(FuzzRequest.HeaderLines.Length)], path),
                1 => FuzzRequest.SegmentNoise[random.Next(FuzzRequest.SegmentNoise.Length)] is var segment
                    ? ("segment " + segment, Get(path.TrimEnd('/') + "/" + segment, "")) : default,
                _ => FuzzRequest.Values[random.Next(FuzzRequest.Values.Length)] is var value
                    ? ("query " + value, Get(path + "?x=" + value, "")) : default,
            };
            var (reference, _) = await FuzzRunner.SendAsync(servers.CherryPy.Address, request);
            var (cherry, _) = await FuzzRunner.SendAsync(servers.Cherry.Address, request);
            if (reference == cherry)
            {
                same++;
                continue;
            }
            if (Deviation(change, path) is { } deviation && deviation.CherryStatus == cherry)
            {
                seen[deviation.Row] = seen.GetValueOrDefault(deviation.Row) + 1;
            }
            else
            {
                unexplained.Add($"#{i} {path} with {change}: CherryPy {reference}, Cherry {cherry}");
            }
        }
        output.WriteLine($"{Requests} requests (seed {FuzzRunner.Seed}): {same} the same status; deviations: "
            + string.Join(", ", seen.Select(s => $"{s.Key} ×{s.Value}")));
        Assert.True(unexplained.Count == 0, "different statuses no documented deviation explains:\n" + string.Join("\n", unexplained));
        // Both ways: every deviation listed here happened in this run, and has its row in docs/conformance.md.
        Assert.Equal(Rows.Order(StringComparer.Ordinal), seen.Keys);
        var document = File.ReadAllText(Path.Combine(ServerProcess.Setting("RepositoryRoot"), "docs", "conformance.md"));
        Assert.All(Rows, row => Assert.Contains("| " + row + " |", document, StringComparison.Ordinal));
    }

    private static (string Change, byte[] Request) Header(string line, string path) =>
        ("header " + line, Get(path, line + "\r\n"));

    private static byte[] Get(string target, string header)
    {
        var host = header.StartsWith("Host:", StringComparison.Ordinal) ? "" : "Host: localhost\r\n";
        return Encoding.Latin1.GetBytes($"GET {Escape(target)} HTTP/1.1\r\n{host}{header}Connection: close\r\n\r\n");
    }

    /// <summary>Characters a request line cannot carry raw, percent-encoded as a client would.</summary>
    private static string Escape(string target) =>
        string.Concat(target.Select(c => c is <= ' ' or > '~' or '"' or '<' or '>' or '\\' or '{' or '}' or '|' or '^' or '`'
            ? string.Concat(Encoding.UTF8.GetBytes(c.ToString()).Select(b => "%" + b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)))
            : c.ToString()));

    [GeneratedRegex(@"^header Accept[-\w]*: .*q=([2-9]|1\.0*[1-9])")]
    private static partial Regex QualityAboveOne();
}
