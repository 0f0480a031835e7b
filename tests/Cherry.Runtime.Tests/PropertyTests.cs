using System.Globalization;
using System.Text;
using Cherry.Http;
using Xunit.Abstractions;

namespace Cherry.Runtime.Tests;

/// <summary>
/// Properties with an oracle: a round trip (the test formats, Cherry parses, the value comes back) or a model (a
/// transcription of CherryPy's own function, with Cherry's documented deviations applied by name). Generators make
/// mostly valid input; each property reports the share of inputs that reached it (a header the model accepts, text
/// that needed encoding) and fails when the share falls under a floor, so a generator that drifts into rejects is seen.
/// Deterministic: a failure names the seed and the input's index.
/// </summary>
public sealed class PropertyTests(ITestOutputHelper output)
{
    private const int Seed = 2029;
    private const int Inputs = 10_000;

    /// <summary>Runs <paramref name="property"/> (true: the input reached what it checks) and reports the share that did.</summary>
    private void Check<T>(string name, Func<Random, T> generate, Func<T, bool> property, double minimumReach)
    {
        var random = new Random(Seed);
        var reached = 0;
        for (var i = 0; i < Inputs; i++)
        {
            var input = generate(random);
            try
            {
                reached += property(input) ? 1 : 0;
            }
            catch (Exception ex)
            {
                throw new Xunit.Sdk.XunitException($"{name} #{i} (seed {Seed}) on {input}: {ex.Message}");
            }
        }
        var share = (double)reached / Inputs;
        output.WriteLine($"{name}: {Inputs} inputs, {share:P1} reached the property");
        Assert.True(share >= minimumReach, $"{name}: only {share:P1} of the inputs reached the property (floor {minimumReach:P0})");
    }

    [Fact]
    public void An_http_date_formats_as_imf_fixdate_and_parses_back_to_the_second()
    {
        Check("HttpDate", RandomDate, date =>
        {
            var text = HttpDate.Format(date);
            Assert.Matches(@"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT$", text);
            var second = new DateTimeOffset(date.UtcTicks - (date.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
            Assert.True(HttpDate.TryParse(text, out var parsed));
            Assert.Equal(second, parsed);
            // The obsolete asctime form a client may still send (RFC 9110 section 5.6.7) reads as the same instant.
            var asctime = second.ToString("ddd MMM ", CultureInfo.InvariantCulture) + second.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2)
                + second.ToString(" HH:mm:ss yyyy", CultureInfo.InvariantCulture);
            Assert.True(HttpDate.TryParse(asctime, out var fromAsctime), asctime);
            Assert.Equal(second, fromAsctime);
            return true;
        }, minimumReach: 1.0);
    }

    [Fact]
    public void Header_text_encoded_when_needed_decodes_back()
    {
        Check("Rfc2047.EncodeIfNeeded", r => RandomText(r, 24), text =>
        {
            var encoded = Rfc2047.EncodeIfNeeded(text);
            Assert.Equal(text, Rfc2047.Decode(encoded));
            Assert.True(encoded.All(c => c <= 0xFF), "a header value is Latin-1 text");
            return encoded != text;
        }, minimumReach: 0.3);
    }

    [Fact]
    public void Encoded_words_written_by_the_rfc_decode_to_their_text()
    {
        string[] charsets = ["utf-8", "UTF-8", "iso-8859-1"];
        Check("Rfc2047.Decode", r => (Text: RandomText(r, 16), Charset: charsets[r.Next(charsets.Length)], Q: r.Next(2) == 0, Split: r.Next(3) == 0), input =>
        {
            var encoding = Encoding.GetEncoding(input.Charset);
            // A charset that cannot hold the text is not a word anyone writes.
            if (encoding.GetString(encoding.GetBytes(input.Text)) != input.Text)
            {
                return false;
            }
            // Split into two words with whitespace between: RFC 2047 section 6.2 joins them without it.
            var cut = input.Split && input.Text.Length > 1 && !char.IsSurrogate(input.Text[input.Text.Length / 2]) ? input.Text.Length / 2 : input.Text.Length;
            var words = new[] { input.Text[..cut], input.Text[cut..] }.Where(part => part.Length > 0)
                .Select(part => EncodedWord(encoding.GetBytes(part), input.Charset, input.Q));
            Assert.Equal("[" + input.Text + "]", Rfc2047.Decode("[" + string.Join(" \t", words) + "]"));
            return true;
        }, minimumReach: 0.6);
    }

    [Fact]
    public void Byte_ranges_match_cherrypys_get_ranges_but_for_the_documented_deviations()
    {
        long[] lengths = [0, 1, 10, 100, 1000];
        var deviations = new Dictionary<string, int>();
        Check("ByteRanges.Parse", r => RandomRangeHeader(r, lengths[r.Next(lengths.Length)]), input =>
        {
            var (header, length) = input;
            var expected = GetRanges(header, length, out var deviation);
            if (deviation is not null)
            {
                deviations[deviation] = deviations.GetValueOrDefault(deviation) + 1;
            }
            var actual = ByteRanges.Parse(header, length);
            Assert.Equal(expected?.Select(r => (r.Start, r.Stop)), actual?.Select(r => (r.Start, r.Stop)));
            return expected is { Count: > 0 };
        }, minimumReach: 0.5);
        foreach (var (deviation, count) in deviations)
        {
            output.WriteLine($"  deviation '{deviation}': {count} inputs");
        }
        // Each deviation the model names was exercised, so none is listed without a case.
        Assert.Equal(["ignored: a zero suffix", "ignored: last before first", "ignored: malformed", "same bytes: the stop is clamped"], deviations.Keys.Order());
    }

    [Fact]
    public void Header_elements_formatted_with_quoting_parse_back_most_preferred_first()
    {
        Check("HeaderElements.Parse", r => RandomElements(r), elements =>
        {
            var header = string.Join(", ", elements.Select(Format));
            var parsed = HeaderElements.Parse("Content-Disposition", header);
            // CherryPy's order for a plain header: descending text, ties as written (a stable sort).
            var expected = elements.OrderByDescending(e => e.Value, StringComparer.Ordinal).ToList();
            Assert.Equal(expected.Select(e => e.Value), parsed.Select(e => e.Value));
            Assert.Equal(expected.Select(e => string.Join(";", e.Parameters)), parsed.Select(e => string.Join(";", e.Parameters)));
            return elements.Any(e => e.Parameters.Any(p => NeedsQuotes(p.Value)));
        }, minimumReach: 0.4);
    }

    [Fact]
    public void Accept_elements_sort_by_quality_then_text_as_cherrypy_does()
    {
        string[] types = ["text/html", "text/*", "application/json", "*/*", "image/png", "text/plain"];
        Check("HeaderElements.ParseAccept", r => Enumerable.Range(0, r.Next(1, 6)).Select(_ => (Type: types[r.Next(types.Length)], Quality: r.Next(4) == 0 ? (int?)null : r.Next(0, 1001))).ToList(), elements =>
        {
            var header = string.Join(", ", elements.Select(e => e.Quality is { } q ? e.Type + ";q=" + (q / 1000.0).ToString("0.###", CultureInfo.InvariantCulture) : e.Type));
            var parsed = HeaderElements.ParseAccept("Accept", header);
            var expected = elements.Select(e => (e.Type, Quality: (e.Quality ?? 1000) / 1000.0))
                .OrderByDescending(e => e.Quality).ThenByDescending(e => e.Type, StringComparer.Ordinal).ToList();
            Assert.Equal(expected.Select(e => (e.Type, e.Quality)), parsed.Select(e => (e.Text, e.Quality)));
            return elements.Count > 1;
        }, minimumReach: 0.6);
    }

    /// <summary>
    /// CherryPy 18.8's <c>httputil.get_ranges</c>, line for line, then Cherry's deviations (docs/conformance.md), each
    /// named in <paramref name="deviation"/>: a malformed header or a range whose last byte is before its first is
    /// ignored as RFC 9110 says (CherryPy raises, or answers 416 when the start is past the end); a zero suffix
    /// (<c>-0</c>) is no range; and a stop past the end is clamped (Python's slice clamps it: the same bytes).
    /// </summary>
    private static List<(long Start, long Stop)>? GetRanges(string header, long length, out string? deviation)
    {
        deviation = null;
        var result = new List<(long Start, long Stop)>();
        var equals = header.IndexOf('=');
        var clamped = false;
        foreach (var range in header[(equals + 1)..].Split(','))
        {
            var dash = range.IndexOf('-');
            if (dash < 0 || !Number(range[..dash].Trim(), out var start, allowEmpty: true) || !Number(range[(dash + 1)..].Trim(), out var stop, allowEmpty: true))
            {
                deviation = "ignored: malformed";
                return null;
            }
            var hasStart = range[..dash].Trim().Length > 0;
            var hasStop = range[(dash + 1)..].Trim().Length > 0;
            if (hasStart)
            {
                if (!hasStop)
                {
                    stop = length - 1;
                }
                if (start >= length)
                {
                    if (hasStop && stop < start)
                    {
                        // CherryPy skips a start past the end before it looks at the stop (a 416 when nothing else is
                        // left); RFC 9110 ignores a header with a range whose last byte is before its first.
                        deviation = "ignored: last before first";
                        return null;
                    }
                    continue;
                }
                if (stop < start)
                {
                    return null;
                }
                clamped |= stop + 1 > length;
                result.Add((start, Math.Min(stop + 1, length)));
            }
            else
            {
                if (!hasStop)
                {
                    return null;
                }
                if (stop == 0)
                {
                    deviation = "ignored: a zero suffix";
                    return null;
                }
                result.Add(stop > length ? (0, length) : (length - stop, length));
            }
        }
        if (clamped)
        {
            deviation = "same bytes: the stop is clamped";
        }
        return result;
    }

    private static bool Number(string text, out long value, bool allowEmpty)
    {
        value = 0;
        return (allowEmpty && text.Length == 0) || long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Mostly valid: <c>bytes=</c> with one to four specs near the entity's size; now and then a broken one.</summary>
    private static (string Header, long Length) RandomRangeHeader(Random random, long length)
    {
        long Near() => random.Next((int)length + 6);
        var specs = Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(60) switch
        {
            0 => "x-" + Near(),
            1 => "-0",
            2 or 3 => $"{Near() + 1}-{random.Next(1)}",
            < 20 => Near() + "-",
            < 32 => "-" + (Near() + 1),
            _ => Near() is var first ? $"{first}-{first + random.Next((int)length + 6)}" : "",
        });
        return ((random.Next(5) == 0 ? "Bytes=" : "bytes=") + string.Join(random.Next(2) == 0 ? "," : ", ", specs), length);
    }

    private static DateTimeOffset RandomDate(Random random) =>
        new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks((long)(random.NextDouble() * (new DateTime(9999, 1, 1) - new DateTime(1970, 1, 1)).Ticks))
            .ToOffset(TimeSpan.FromMinutes(random.Next(-14 * 60, 14 * 60 + 1)));

    /// <summary>Letters, spaces and punctuation, Latin-1, other scripts and characters beyond the BMP (never an <c>=?</c>).</summary>
    private static string RandomText(Random random, int maxLength)
    {
        string[] pieces = ["a", "Z", "0", " ", "-", "_", "?", "=", "é", "ü", "ß", "€", "ж", "你", "😀", "\u00a0", "\"", "'", ","];
        var text = new StringBuilder();
        for (var i = random.Next(1, maxLength + 1); i > 0; i--)
        {
            text.Append(pieces[random.Next(pieces.Length)]);
        }
        return text.Replace("=?", "= ?").ToString();
    }

    private static string EncodedWord(byte[] bytes, string charset, bool q)
    {
        if (!q)
        {
            return $"=?{charset}?B?{Convert.ToBase64String(bytes)}?=";
        }
        var text = new StringBuilder();
        foreach (var b in bytes)
        {
            text.Append(b switch
            {
                (byte)' ' => "_",
                >= (byte)'!' and <= (byte)'~' and not (byte)'=' and not (byte)'?' and not (byte)'_' => ((char)b).ToString(),
                _ => "=" + b.ToString("X2", CultureInfo.InvariantCulture),
            });
        }
        return $"=?{charset}?Q?{text}?=";
    }

    private sealed record Element(string Value, List<KeyValuePair<string, string>> Parameters)
    {
        public override string ToString() => Format(this);
    }

    private static List<Element> RandomElements(Random random)
    {
        string[] values = ["attachment", "inline", "form-data", "text/plain", "a", "b"];
        string[] keys = ["name", "filename", "charset", "level", "x"];
        string[] texts = ["plain", "two words", "a,b", "a;b", "say \"hi\"", "back\\slash", "", "é"];
        return Enumerable.Range(0, random.Next(1, 4)).Select(_ => new Element(
            values[random.Next(values.Length)],
            Enumerable.Range(0, random.Next(0, 3)).Select(_ => new KeyValuePair<string, string>(keys[random.Next(keys.Length)], texts[random.Next(texts.Length)])).ToList())).ToList();
    }

    private static bool NeedsQuotes(string value) => value.Length == 0 || value.Any(c => c is ' ' or ',' or ';' or '"' or '\\' or '=');

    /// <summary>An element as RFC 9110 writes it: a parameter value that is no token is a quoted string with <c>\</c> escapes.</summary>
    private static string Format(Element element) =>
        element.Value + string.Concat(element.Parameters.Select(p => ";" + p.Key + "="
            + (NeedsQuotes(p.Value) ? "\"" + p.Value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"" : p.Value)));
}
