using System.Text;
using Cherry.Http;
using Cherry.Infrastructure;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Cherry.Runtime.Tests;

/// <summary>
/// Seeded fuzzing of every parser that reads client text: inputs built from each grammar's own tokens, values at
/// the edges (limits of long, unknown charsets, broken escapes, controls, lone surrogates) and random characters,
/// then mutated. Each parser may only answer or throw the exception its contract names; results keep their
/// invariants. Deterministic: a failure names the seed, the input and its index.
/// </summary>
public sealed class ParserFuzzTests(ITestOutputHelper output)
{
    internal const int Seed = 1127;
    private const int Inputs = 20_000;

    private static readonly string[] HeaderTokens =
    [
        "text/html", "*/*", "text/*", ";", ",", "q=", "q=0", "q=1", "q=0.5", "q=1e400", "q=-1", "q=abc", "level=1", "\"", "\\", "=",
        " ", "\t", "utf-8", "utf-7", "iso-8859-5", "x-unknown", "gzip", "br", "identity", "charset=", "boundary=", "max-age=",
        "9223372036854775807", "99999999999999999999", "-", "bytes=", "0", "1", "5", "9223372036854775808",
        "=?utf-8?q?", "=?utf-7?b?", "=?x?q?", "?=", "_", "=E9", "=ZZ", "Zm9v", "!!", "W/", "\"x\"", "*", "\u00e9", "\ud800", "\0", "\r\n",
        "%", "%2", "%FF", "%C3%A9", "%zz", "+", "&", "a", "b", "[", "]", ":", "::1", "..", ".", "localhost", "99999", "65535", "@", "~",
    ];

    private string Text(Random random, int maxTokens = 12)
    {
        var text = new StringBuilder();
        for (var i = random.Next(0, maxTokens + 1); i > 0; i--)
        {
            text.Append(random.Next(4) == 0 ? (char)random.Next(0, 0x3000) : (object)HeaderTokens[random.Next(HeaderTokens.Length)]);
        }
        return text.ToString();
    }

    /// <summary>Runs <paramref name="check"/> on <see cref="Inputs"/> generated inputs; reports how many ran.</summary>
    private void Fuzz<T>(string name, Func<Random, T> generate, Action<T> check, int inputs = Inputs)
    {
        var random = new Random(Seed);
        for (var i = 0; i < inputs; i++)
        {
            var input = generate(random);
            try
            {
                check(input);
            }
            catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
            {
                throw new Xunit.Sdk.XunitException($"{name} #{i} (seed {Seed}) threw {ex.GetType().Name} on {Describe(input)}: {ex.Message}");
            }
        }
        output.WriteLine($"{name}: {inputs} inputs");
    }

    private static string Describe<T>(T input) => input switch
    {
        string s => "\"" + s.Replace("\r", "\\r").Replace("\n", "\\n") + "\"",
        byte[] b => Convert.ToBase64String(b),
        _ => input?.ToString() ?? "null",
    };

    [Fact]
    public void Header_elements_parse_or_report_a_malformed_quality()
    {
        string[] names = ["Accept", "Accept-Charset", "Accept-Encoding", "TE", "Content-Type", "Cache-Control", "Content-Disposition"];
        Fuzz("HeaderElements.Parse", r => (names[r.Next(names.Length)], Text(r)), input =>
        {
            try
            {
                var elements = HeaderElements.Parse(input.Item1, input.Item2);
                foreach (var element in elements)
                {
                    Assert.True(element is not AcceptElement accept || accept.Quality is >= 0 and <= 1);
                }
            }
            catch (HeaderFormatException)
            {
                // The one documented failure: a q-value that is no number from 0 to 1, answered as 400 upstream.
            }
        });
    }

    [Fact]
    public void Byte_ranges_are_ignored_or_lie_within_the_entity()
    {
        long[] lengths = [0, 1, 10, 1 << 20, long.MaxValue];
        Fuzz("ByteRanges.Parse", r => ((r.Next(3) == 0 ? "" : "bytes=") + Text(r), lengths[r.Next(lengths.Length)]), input =>
        {
            var (header, length) = input;
            if (ByteRanges.Parse(header, length) is { } ranges)
            {
                Assert.All(ranges, range => Assert.True(range.Start >= 0 && range.Start < range.Stop && range.Stop <= length, $"{range} of {length}"));
            }
        });
    }

    [Fact]
    public void Encoded_words_decode_or_stay_as_they_are() =>
        Fuzz("Rfc2047.Decode", r => Text(r), input => Rfc2047.Decode(input));

    [Fact]
    public void Query_strings_parse_or_refuse_and_stay_within_the_parameter_cap()
    {
        System.Text.Encoding[] encodings = [new UTF8Encoding(false, true), Charsets.Find("iso-8859-5")!, Charsets.Find("utf-16")!];
        Fuzz("QueryStringParser.TryParse", r => (Text(r, 30), r.Next(encodings.Length)), input =>
        {
            var list = new ParameterList(8);
            try
            {
                QueryStringParser.TryParse(input.Item1, ParameterSource.QueryString, list, encodings[input.Item2]);
            }
            catch (HttpError error)
            {
                Assert.Equal(400, error.StatusCode);
                Assert.Equal(8, list.Count);
            }
            Assert.True(list.Count <= 8);
        });
    }

    /// <summary>
    /// Round trip with an oracle: generated pairs (any characters, '&amp;', '=', '+', '%', empty values, repeated names),
    /// percent-encoded and joined as a browser does, parse back to exactly those pairs, in order. Every input reaches
    /// the property; a parser that dropped or merged a pair fails it.
    /// </summary>
    [Fact]
    public void Query_strings_of_encoded_pairs_parse_back_to_the_same_pairs_in_order()
    {
        string[] pieces = ["a", "b", "name", "x y", "&", "=", "+", "%", "%41", "é", "€", "😀", ";", "?", "#", "/", ""];
        string Piece(Random r, bool allowEmpty)
        {
            var text = new StringBuilder();
            for (var i = r.Next(allowEmpty ? 0 : 1, 4); i > 0 || (!allowEmpty && text.Length == 0); i--)
            {
                text.Append(r.Next(3) == 0 ? ((char)r.Next(0x20, 0xD7FF)).ToString() : pieces[r.Next(pieces.Length)]);
            }
            return text.ToString();
        }
        var reached = 0;
        Fuzz("QueryStringParser round trip", r => Enumerable.Range(0, r.Next(1, 7)).Select(_ => (Name: Piece(r, allowEmpty: false), Value: Piece(r, allowEmpty: true))).ToArray(), pairs =>
        {
            var query = string.Join('&', pairs.Select(p => Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(p.Value)));
            var list = new ParameterList(16);
            Assert.True(QueryStringParser.TryParse(query, ParameterSource.QueryString, list), query);
            Assert.Equal(pairs, list.AsSpan().ToArray().Select(p => (p.Name, p.Value)).ToArray());
            reached++;
        }, inputs: 5_000);
        Assert.Equal(5_000, reached);
    }

    [Fact]
    public void Status_lines_parse_and_never_keep_an_unsafe_reason() =>
        Fuzz("StatusLine.TryParse", r => r.Next(0, 1000).ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + Text(r), input =>
        {
            if (StatusLine.TryParse(input, out var code, out var reason, out _))
            {
                Assert.InRange(code, 100, 599);
                Assert.True(StatusLine.IsSafeReason(reason), reason);
            }
        });

    [Fact]
    public void Hosts_judged_valid_make_absolute_urls()
    {
        // Shared across inputs, as across requests: an accepted host must never let a later bad one through.
        string? lastValid = null;
        Fuzz("HostHeader.IsValid", r => Text(r, 4), input =>
        {
            if (HostHeader.IsValid(new HostString(input), ref lastValid) && input.Length > 0)
            {
                Assert.True(Uri.TryCreate("http://" + input + "/", UriKind.Absolute, out _), input);
            }
        });
    }

    [Fact]
    public void Charset_names_are_found_or_unknown() =>
        Fuzz("Charsets.Find", r => Text(r, 3), input => Charsets.Find(input)?.GetBytes("a"), inputs: 3_000);

    [Fact]
    public void Dates_parse_or_do_not() =>
        Fuzz("HttpDate.TryParse", r => Text(r), input => HttpDate.TryParse(input, out _));

    [Fact]
    public void Paths_normalise_without_climbing_above_the_root() =>
        Fuzz("UrlPath.Normalize", r => "/" + Text(r).Replace("\\", "/"), input =>
        {
            var normalized = UrlPath.Normalize(input);
            Assert.StartsWith("/", normalized, StringComparison.Ordinal);
            Assert.DoesNotContain("/../", normalized + "/", StringComparison.Ordinal);
        });

    [Fact]
    public void Session_ids_are_well_formed_only_as_40_lowercase_hex_digits() =>
        Fuzz("SessionIds.IsWellFormed", r => r.Next(3) == 0 ? Convert.ToHexStringLower(RandomBytes(r, 20)) : Text(r, 3), input =>
            Assert.Equal(input.Length == 40 && input.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f'), SessionIds.IsWellFormed(input)));

    [Fact]
    public void Typed_arguments_convert_or_are_400() =>
        Fuzz("ArgumentParser", r => Text(r, 3), input =>
        {
            Action[] conversions =
            [
                () => ArgumentParser.Parse<int>(input, "p"), () => ArgumentParser.Parse<long>(input, "p"), () => ArgumentParser.Parse<double>(input, "p"),
                () => ArgumentParser.Parse<DateTimeOffset>(input, "p"), () => ArgumentParser.Parse<Guid>(input, "p"), () => ArgumentParser.ParseBoolean(input, "p"),
                () => ArgumentParser.ParseEnum<DayOfWeek>(input, "p"),
            ];
            foreach (var convert in conversions)
            {
                try
                {
                    convert();
                }
                catch (HttpError error)
                {
                    Assert.Equal(400, error.StatusCode);
                }
            }
        });

    [Fact]
    public void Authorization_headers_parse_or_are_a_header_format_error()
    {
        string[] prefixes = ["Basic ", "Digest ", "digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"/\", response=\"x\", ", ""];
        Fuzz("AuthorizationHeader.Parse", r => prefixes[r.Next(prefixes.Length)] + (r.Next(4) == 0 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(Text(r, 4))) : Text(r)), input =>
        {
            try
            {
                if (AuthorizationHeader.Parse(input) is { } credentials)
                {
                    Assert.NotNull(credentials.UserName);
                    // Checking never fails either; a digest needs its fields, which the parse promised.
                    credentials.CheckPassword("pw");
                    credentials.CheckHa1("00");
                }
            }
            catch (HeaderFormatException)
            {
                // The one documented failure, a 400 in the tools.
            }
        });
    }

    [Fact]
    public void Xml_rpc_calls_parse_or_are_a_format_error() =>
        Fuzz("XmlRpcCodec.ReadCall", XmlRpcDocument, document =>
        {
            try
            {
                var (name, parameters) = XmlRpcCodec.ReadCall(document);
                Assert.NotNull(name);
                Assert.NotNull(parameters);
            }
            catch (Exception ex) when (ex is FormatException or OverflowException)
            {
                // What XmlRpcBinding turns into a fault.
            }
        });

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    internal static readonly string[] XmlTokens =
    [
        "<value>", "</value>", "<array>", "</array>", "<data>", "</data>", "<struct>", "</struct>", "<member>", "</member>", "<name>",
        "</name>", "<int>", "</int>", "<i4>", "<i8>", "</i8>", "<boolean>", "<string>", "</string>", "<double>", "<base64>",
        "<dateTime.iso8601>", "<nil/>", "<value/>", "<data/>", "<struct/>", "<param>", "</param>", "<params>", "</params>", "<params/>",
        "1", "2147483648", "9223372036854775808", "1e400", "x", "!!", "20261127T10:00:00", "&amp;", "&lt;", "&bogus;", "<![CDATA[x]]>",
        "<!-- c -->", "<?pi x?>", "<!DOCTYPE x>", "\u00e9", "\0", " ", "<", ">", "/", "\"", "'",
    ];

    internal static byte[] XmlRpcDocument(Random random)
    {
        var body = new StringBuilder();
        for (var i = random.Next(0, 40); i > 0; i--)
        {
            body.Append(XmlTokens[random.Next(XmlTokens.Length)]);
        }
        var document = random.Next(4) switch
        {
            0 => body.ToString(),
            _ => $"<?xml version='1.0'?><methodCall><methodName>m</methodName><params><param>{body}</param></params></methodCall>",
        };
        var bytes = Encoding.UTF8.GetBytes(document);
        // A few byte flips reach what no token list thinks of (bad UTF-8, stray controls).
        for (var i = random.Next(0, 3); i > 0 && bytes.Length > 0; i--)
        {
            bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
        }
        return bytes;
    }
}
