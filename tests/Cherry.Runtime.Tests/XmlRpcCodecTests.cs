using System.Globalization;
using System.Text;
using Cherry.Integration.Tests;

namespace Cherry.Runtime.Tests;

/// <summary>
/// <see cref="XmlRpcCodec"/> against Python's <c>xmlrpc.client</c>, the library CherryPy's XML-RPC tool is built on: the
/// same documents read by both give the same values, and what Cherry writes Python reads back as the value written.
/// Both sides print a value in one canonical form, so the comparison is of values, not of texts.
/// </summary>
public sealed partial class XmlRpcCodecTests
{
    private const string PythonCanonical = """
        import base64, datetime, struct, sys, xmlrpc.client
        def c(v):
            if v is None: return 'nil'
            if isinstance(v, bool): return 'bool:' + ('1' if v else '0')
            if isinstance(v, int): return 'int:' + str(v)
            if isinstance(v, float): return 'double:' + struct.pack('<d', v).hex()
            if isinstance(v, str): return 'str:' + v.encode('utf-8', 'surrogatepass').hex()
            if isinstance(v, (bytes, bytearray)): return 'bytes:' + bytes(v).hex()
            if isinstance(v, datetime.datetime): return 'date:' + v.strftime('%Y%m%dT%H:%M:%S')
            if isinstance(v, dict): return '{' + ','.join(c(k) + '=' + c(x) for k, x in v.items()) + '}'
            if isinstance(v, (list, tuple)): return '[' + ','.join(c(x) for x in v) + ']'
            raise TypeError(type(v))
        for line in open(sys.argv[1]).read().splitlines():
            try:
                params, name = xmlrpc.client.loads(base64.b64decode(line), use_builtin_types=True)
                print(str(name) + ' ' + c(params))
            except xmlrpc.client.Fault as fault:
                print('fault ' + c(fault.faultCode) + ' ' + c(fault.faultString))
            except Exception as ex:
                print('error')
        """;

    /// <summary>Python's reading of each document, one line each (the documents go by file: a fuzz run outgrows a command line).</summary>
    private static Task<string[]> PythonReads(IEnumerable<byte[]> documents) =>
        Python.RunLinesAsync(PythonCanonical, documents.Select(Convert.ToBase64String));

    private static Task<string[]> PythonReads(IEnumerable<string> documents) => PythonReads(documents.Select(Encoding.UTF8.GetBytes));

    private static string Canonical(object? value) => value switch
    {
        null => "nil",
        bool b => "bool:" + (b ? "1" : "0"),
        int or long => "int:" + Convert.ToString(value, CultureInfo.InvariantCulture),
        double d => "double:" + Convert.ToHexStringLower(BitConverter.GetBytes(d)),
        string s => "str:" + Convert.ToHexStringLower(Encoding.UTF8.GetBytes(s)),
        byte[] bytes => "bytes:" + Convert.ToHexStringLower(bytes),
        DateTime date => "date:" + date.ToString("yyyyMMdd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        Dictionary<string, object?> members => "{" + string.Join(",", members.Select(m => Canonical(m.Key) + "=" + Canonical(m.Value))) + "}",
        object?[] items => "[" + string.Join(",", items.Select(Canonical)) + "]",
        _ => throw new ArgumentException(value.GetType().Name),
    };

    private static string CherryReads(string document) => CherryReads(Encoding.UTF8.GetBytes(document));

    private static string CherryReads(byte[] document)
    {
        try
        {
            var (name, parameters) = XmlRpcCodec.ReadCall(document);
            return name + " " + Canonical(parameters);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            return "error";
        }
    }

    private static string Call(string paramsXml) => $"<?xml version='1.0'?>\n<methodCall>\n<methodName>m</methodName>\n<params>{paramsXml}</params>\n</methodCall>\n";

    private static string Param(string valueXml) => $"<param>{valueXml}</param>";

    /// <summary>Documents both libraries read alike, each aimed at one rule of the reader.</summary>
    public static readonly string[] SameAnswer =
    [
        Call(Param("<value><int>7</int></value>")),
        Call(Param("<value><i4> -3 </i4></value>")),
        Call(Param("<value><i8>9223372036854775807</i8></value>")),
        Call(Param("<value><boolean>1</boolean></value>") + Param("<value><boolean>0</boolean></value>")),
        Call(Param("<value><boolean>2</boolean></value>")),
        Call(Param("<value><string> padded &amp; &lt;escaped&gt; </string></value>")),
        Call(Param("<value><string/></value>")),
        Call(Param("<value>untyped text</value>")),
        Call(Param("<value>   </value>")),
        Call(Param("<value></value>")),
        Call(Param("<value/>")),
        Call(Param("<value>a<!-- comment -->b</value>")),
        Call(Param("<value><?pi data?><int>1</int></value>")),
        Call(Param("<value>\n  <int>5</int>\n</value>")),
        Call(Param("<value><double>-1.5e3</double></value>")),
        Call(Param("<value><double>0.1</double></value>")),
        Call(Param("<value><dateTime.iso8601>20261207T10:11:12</dateTime.iso8601></value>")),
        Call(Param("<value><base64>aGVsbG8=</base64></value>")),
        Call(Param("<value><base64>\naGVs\nbG8=\n</base64></value>")),
        Call(Param("<value><nil/></value>")),
        Call(Param("<value><struct></struct></value>")),
        Call(Param("<value><struct/></value>")),
        Call(Param("<value><struct><member><name> spaced </name><value/></member></struct></value>")),
        Call(Param("<value><array><data/></array></value>")),
        Call(Param("<value><array>\n<data>\n</data>\n</array></value>")),
        Call(Param("<value><array><data><value><int>1</int></value>\n<value>two</value><value><array><data><value><nil/></value></data></array></value></data></array></value>")),
        Call(Param("<value><int>1</int></value>") + "\n" + Param("<value><string>2</string></value>")),
        "<?xml version='1.0'?><methodCall><methodName>m</methodName><params/></methodCall>",
        "<?xml version='1.0'?><!-- before --><methodCall><methodName>m</methodName><extra>ignored</extra><params></params></methodCall>",
        Call(Param("<value><int>x</int></value>")),
        Call(Param("<value><double>one</double></value>")),
        Call(Param("<value><int>1</int>")),
        "<?xml version='1.0'?><methodCall><methodName>m</methodName><params><param><value><int>1</int></value></param></methodCall>",
        "not xml at all",
        Call(Param("<value><![CDATA[<raw> & text]]></value>")),
        Call(Param("<value>a<![CDATA[b]]>c</value>")),
        Call(Param("<value><int>1</int> trailing</value>")),
        Call(Param("text <value><int>1</int></value> text")),
        Call("stray" + Param("<value><int>1</int></value>") + "<![CDATA[stray]]>"),
        Call(Param("<value><struct>stray<member>in<name>a</name>between<value>v</value>after</member></struct></value>")),
        Call(Param("<value><array>stray<data>in<value>v</value>out</data>after</array></value>")),
        "<?xml version='1.0'?><methodCall>stray<methodName>m</methodName>stray<params><param><value>v</value></param></params></methodCall>",
        "<?xml version='1.0'?><methodCall><params><param><value><int>1</int></value></param></params><methodName>m</methodName></methodCall>",
        "<?xml version='1.0'?><methodCall><methodName>m</methodName></methodCall><junk",
        "<?xml version='1.0'?><methodCall><methodName>m</methodName>junk<params><param><value>v</value></param></params></methodCall><",
    ];

    [Fact]
    public async Task Documents_read_as_pythons_xmlrpc_client_reads_them()
    {
        var python = await PythonReads(SameAnswer);
        Assert.Equal(SameAnswer.Length, python.Length);
        var differ = SameAnswer.Select((document, i) => (document, cherry: CherryReads(document), python: python[i]))
            .Where(c => c.cherry != c.python).Select(c => $"{c.document}\n  Cherry: {c.cherry}\n  Python: {c.python}").ToList();
        Assert.True(differ.Count == 0, string.Join("\n", differ));
    }

    [Fact]
    public async Task Generated_calls_read_back_their_values_and_as_python_reads_them()
    {
        var random = new Random(ParserFuzzTests.Seed);
        var calls = Enumerable.Range(0, 2_000).Select(_ => GeneratedCall(random)).ToList();
        var python = await PythonReads(calls.Select(c => c.Document));
        Assert.Equal(calls.Count, python.Length);
        var (intact, deviating, differ) = (0, 0, new List<string>());
        for (var i = 0; i < calls.Count; i++)
        {
            var (document, expected) = calls[i];
            var cherry = CherryReads(document);
            var text = Encoding.UTF8.GetString(document);
            if (expected is not null)
            {
                // An unbroken document: the generated values are the oracle, and Python must agree with them too.
                intact++;
                if (cherry != expected || python[i] != expected)
                {
                    differ.Add($"#{i}: {text}\n  expected: {expected}\n  Cherry: {cherry}\n  Python: {python[i]}");
                }
            }
            else if (cherry != python[i])
            {
                // The one deviation a broken structure reaches: a param without a value, which Python drops and Cherry refuses.
                if (cherry == "error" && ParamWithoutValue().IsMatch(text))
                {
                    deviating++;
                    continue;
                }
                differ.Add($"#{i}: {text}\n  Cherry: {cherry}\n  Python: {python[i]}");
            }
        }
        Assert.True(differ.Count == 0, string.Join("\n", differ.Take(10)));
        // Most documents are whole calls, so that the value comparison runs on most of them.
        Assert.InRange(intact, calls.Count * 6 / 10, calls.Count);
        Assert.InRange(deviating, 0, calls.Count / 10);
    }

    private static readonly string[] TextPieces = ["a", "b c", " ", "&", "<", ">", "]]>", "\u00e9", "\u2603", "\U0001F600", "\t", "\n", "x=1"];

    /// <summary>
    /// A methodCall built from random values, written with random but valid spellings (i4 or int, typed or untyped
    /// strings, CDATA, comments, whitespace), and its expected reading; a quarter of them are then broken by one
    /// token inserted or one span cut, and have no expected reading (Python is their only oracle).
    /// </summary>
    private static (byte[] Document, string? Expected) GeneratedCall(Random random)
    {
        var values = Enumerable.Range(0, random.Next(0, 4)).Select(_ => Generate(random, depth: 0)).ToArray();
        var text = new StringBuilder("<?xml version='1.0'?>");
        text.Append(Gap(random)).Append("<methodCall>").Append(Gap(random)).Append("<methodName>m</methodName>").Append(Gap(random)).Append("<params>");
        foreach (var (_, xml) in values)
        {
            text.Append(Gap(random)).Append("<param>").Append(Gap(random)).Append(xml).Append(Gap(random)).Append("</param>");
        }
        text.Append(Gap(random)).Append("</params>").Append(Gap(random)).Append("</methodCall>");
        var document = text.ToString();
        if (random.Next(4) > 0)
        {
            return (Encoding.UTF8.GetBytes(document), "m " + Canonical(values.Select(v => v.Value).ToArray()));
        }
        var at = random.Next(document.Length);
        document = random.Next(2) == 0
            ? document.Insert(at, ParserFuzzTests.XmlTokens[random.Next(ParserFuzzTests.XmlTokens.Length)])
            : document.Remove(at, random.Next(1, Math.Min(12, document.Length - at) + 1));
        return (Encoding.UTF8.GetBytes(document), null);
    }

    private static string Gap(Random random) => random.Next(6) switch
    {
        0 => "\n",
        1 => "  ",
        2 => "<!-- note -->",
        _ => "",
    };

    private static string RandomText(Random random) =>
        string.Concat(Enumerable.Range(0, random.Next(0, 5)).Select(_ => TextPieces[random.Next(TextPieces.Length)]));

    private static string Escaped(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static (object? Value, string Xml) Generate(Random random, int depth)
    {
        var kind = random.Next(depth < 3 ? 12 : 10);
        switch (kind)
        {
            case 0:
                var small = random.Next(int.MinValue, int.MaxValue);
                var tag = random.Next(2) == 0 ? "int" : "i4";
                return (small, $"<value><{tag}>{small}</{tag}></value>");
            case 1:
                var large = random.NextInt64(long.MinValue, long.MaxValue);
                return (large, $"<value><i8>{large}</i8></value>");
            case 2:
                var flag = random.Next(2) == 0;
                return (flag, $"<value><boolean>{(flag ? 1 : 0)}</boolean></value>");
            case 3:
                var typed = RandomText(random);
                return (typed, random.Next(3) switch
                {
                    0 => $"<value><string>{Escaped(typed)}</string></value>",
                    1 when !typed.Contains("]]>") => $"<value><string><![CDATA[{typed}]]></string></value>",
                    _ when typed.Length == 0 => "<value><string/></value>",
                    _ => $"<value><string>{Escaped(typed)}</string></value>",
                });
            case 4:
                var untyped = RandomText(random);
                return (untyped, untyped.Length == 0 && random.Next(2) == 0 ? "<value/>" : $"<value>{Escaped(untyped)}</value>");
            case 5:
                var number = random.NextDouble() * Math.Pow(10, random.Next(-5, 20)) * (random.Next(2) == 0 ? -1 : 1);
                return (number, $"<value><double>{number.ToString("R", CultureInfo.InvariantCulture)}</double></value>");
            case 6:
                var date = new DateTime(2000, 1, 1).AddSeconds(random.Next(0, 1_000_000_000));
                return (date, $"<value><dateTime.iso8601>{date.ToString("yyyyMMdd'T'HH:mm:ss", CultureInfo.InvariantCulture)}</dateTime.iso8601></value>");
            case 7:
                var bytes = new byte[random.Next(0, 12)];
                random.NextBytes(bytes);
                return (bytes, $"<value><base64>{Convert.ToBase64String(bytes)}</base64></value>");
            case 8:
                return (null, "<value><nil/></value>");
            case 9:
                return ("", "<value></value>");
            case 10:
                var members = new Dictionary<string, object?>();
                var structXml = new StringBuilder("<value><struct>");
                for (var i = random.Next(0, 4); i > 0; i--)
                {
                    var name = RandomText(random) + i;
                    var (value, xml) = Generate(random, depth + 1);
                    members[name] = value;
                    structXml.Append(Gap(random)).Append("<member>").Append(Gap(random)).Append($"<name>{Escaped(name)}</name>").Append(Gap(random)).Append(xml).Append(Gap(random)).Append("</member>");
                }
                return (members, structXml.Append(Gap(random)).Append("</struct></value>").ToString());
            default:
                var items = Enumerable.Range(0, random.Next(0, 4)).Select(_ => Generate(random, depth + 1)).ToArray();
                var arrayXml = items.Length == 0 && random.Next(2) == 0
                    ? "<value><array><data/></array></value>"
                    : "<value><array>" + Gap(random) + "<data>" + string.Concat(items.Select(item => Gap(random) + item.Xml)) + Gap(random) + "</data>" + Gap(random) + "</array></value>";
                return (items.Select(item => item.Value).ToArray(), arrayXml);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("<param>(?:(?!<value).)*?</param>", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex ParamWithoutValue();

    /// <summary>Where Cherry reads otherwise than Python, on purpose: the document, Cherry's reading, and its row in docs/conformance.md.</summary>
    public static readonly (string Document, string Cherry, string Row)[] Deviations =
    [
        (Call(Param("<value><struct><member><value>x</value><name>b</name></member></struct></value>")), "m [{str:62=str:78}]",
            "XML-RPC struct member with its value before its name"),
        ("<?xml version='1.0'?><methodCall><methodName>  spaced.name  </methodName></methodCall>", "spaced.name []",
            "XML-RPC method name with spaces around it"),
        (Call(Param("<value><base64>!!</base64></value>")), "error",
            "XML-RPC base64 with characters outside the alphabet"),
        (Call(Param("") + Param("<value>v</value>")), "error",
            "XML-RPC param without a value"),
        (Call(Param("<value><dateTime.iso8601>2026-12-07T10:11:12</dateTime.iso8601></value>")), "m [date:20261207T10:11:12]",
            "XML-RPC dateTime in ISO 8601's extended form"),
        ("<?xml version='1.0'?><call><methodName>m</methodName><params><param><value><int>1</int></value></param></params></call>", "error",
            "XML-RPC element under another name than the spec's"),
        (Call("<p><value><int>1</int></value></p>"), "error", "XML-RPC element under another name than the spec's"),
        (Call(Param("<v><int>1</int></v>")), "error", "XML-RPC element under another name than the spec's"),
        (Call(Param("<value><struct><m><name>a</name><value>1</value></m></struct></value>")), "error", "XML-RPC element under another name than the spec's"),
        (Call(Param("<value><array><d><value>1</value></d></array></value>")), "error", "XML-RPC element under another name than the spec's"),
        (Call(Param("<value><int>1</int></value><junk/>")), "error", "XML-RPC element under another name than the spec's"),
        (Call(Param("<value><int>1</int></value>") + "<junk/>"), "error", "XML-RPC element under another name than the spec's"),
    ];

    [Fact]
    public async Task Each_deviation_from_python_gives_cherrys_documented_reading()
    {
        var python = await PythonReads(Deviations.Select(d => d.Document));
        for (var i = 0; i < Deviations.Length; i++)
        {
            var (document, expected, row) = Deviations[i];
            Assert.True(expected == CherryReads(document), $"{row}\n{document}\n  Cherry: {CherryReads(document)}");
            Assert.True(expected != python[i], $"Python now reads this as Cherry does; drop the deviation: {row}");
        }
        var conformance = File.ReadAllText(Path.Combine(Analyzers.Tests.Documents.Root(), "docs", "conformance.md"));
        Assert.All(Deviations, d => Assert.Contains("| " + d.Row + " |", conformance, StringComparison.Ordinal));
    }

    /// <summary>A value a handler returns, and the value Python should read back from what Cherry writes.</summary>
    private static readonly (object? Value, object? Read)[] Written =
    [
        (true, true),
        (false, false),
        ((short)-5, -5),
        ((byte)200, 200),
        (int.MaxValue, int.MaxValue),
        ((long)int.MinValue, int.MinValue),
        ((long)int.MaxValue + 1, (long)int.MaxValue + 1),
        ((long)int.MinValue - 1, (long)int.MinValue - 1),
        (uint.MaxValue, (long)uint.MaxValue),
        (0.1, 0.1),
        (1.5f, 1.5),
        (2.25m, 2.25),
        (double.MaxValue, double.MaxValue),
        ("a <b> & c", "a <b> & c"),
        ("", ""),
        (new DateTime(2026, 12, 7, 10, 11, 12), new DateTime(2026, 12, 7, 10, 11, 12)),
        (new DateTimeOffset(2026, 12, 7, 10, 11, 12, TimeSpan.FromHours(2)), new DateTime(2026, 12, 7, 8, 11, 12)),
        (new byte[] { 0, 1, 255 }, new byte[] { 0, 1, 255 }),
        (new Dictionary<string, object?> { ["a<"] = 1, ["b"] = new object?[] { "x" } }, new Dictionary<string, object?> { ["a<"] = 1, ["b"] = new object?[] { "x" } }),
        (new System.Collections.Hashtable { [7] = "seven" }, new Dictionary<string, object?> { ["7"] = "seven" }),
        (new List<object> { 1, "two", new List<int>() }, new object?[] { 1, "two", Array.Empty<object?>() }),
    ];

    /// <summary>One run over the table: a theory over values that are not serializable is one test to a runner anyway.</summary>
    [Fact]
    public async Task What_cherry_writes_python_reads_back_as_the_value()
    {
        var python = await PythonReads(Written.Select(w => XmlRpcCodec.WriteResponse(w.Value, allowNone: false)));
        Assert.Equal(Written.Select(w => "None " + Canonical(new[] { w.Read })), python);
    }

    [Theory]
    [InlineData(int.MaxValue, "<int>")]
    [InlineData(int.MinValue, "<int>")]
    [InlineData((long)int.MaxValue + 1, "<i8>")]
    [InlineData((long)int.MinValue - 1, "<i8>")]
    public void A_long_is_an_int_where_one_holds_it_and_an_i8_beyond(long value, string tag)
    {
        var written = XmlRpcCodec.WriteResponse(value, allowNone: false);
        Assert.Contains($"<value>{tag}{value}</{tag[1..]}</value>", written);
    }

    [Fact]
    public async Task Nil_is_written_only_when_allowed_as_python_does()
    {
        Assert.Equal("None [nil]", (await PythonReads([XmlRpcCodec.WriteResponse(null, allowNone: true)])).Single());
        var refused = Assert.Throws<InvalidOperationException>(() => XmlRpcCodec.WriteResponse(null, allowNone: false));
        Assert.Equal("cannot marshal None unless allow_none is enabled", refused.Message);
        var unknown = Assert.Throws<InvalidOperationException>(() => XmlRpcCodec.WriteResponse(new Uri("http://x/"), allowNone: true));
        Assert.Equal("cannot marshal Uri objects", unknown.Message);
    }

    [Fact]
    public async Task A_fault_reads_as_pythons_fault_with_its_code_and_text()
    {
        var python = await PythonReads([XmlRpcCodec.WriteFault(-32601, "no <method> & more")]);
        Assert.Equal("fault " + Canonical(-32601) + " " + Canonical("no <method> & more"), python.Single());
    }

    [Fact]
    public async Task Responses_nest_to_the_write_depth_and_not_past_it()
    {
        static object Nested(int arrays) => arrays == 0 ? 1 : new object[] { Nested(arrays - 1) };
        static object NestedStructs(int structs) => structs == 0 ? 1 : new Dictionary<string, object?> { ["k"] = NestedStructs(structs - 1) };
        // The outermost value is level 1, so MaxWriteDepth levels hold MaxWriteDepth - 1 containers around the int.
        var levels = XmlRpcCodec.MaxWriteDepth - 1;
        var deepest = await PythonReads([XmlRpcCodec.WriteResponse(Nested(levels), allowNone: false), XmlRpcCodec.WriteResponse(NestedStructs(levels), allowNone: false)]);
        Assert.Equal("None [" + new string('[', levels) + "int:1" + new string(']', levels) + "]", deepest[0]);
        Assert.Equal("None [" + string.Concat(Enumerable.Repeat("{" + Canonical("k") + "=", levels)) + "int:1" + new string('}', levels) + "]", deepest[1]);
        foreach (var tooDeepValue in new[] { Nested(XmlRpcCodec.MaxWriteDepth), NestedStructs(XmlRpcCodec.MaxWriteDepth) })
        {
            var tooDeep = Assert.Throws<InvalidOperationException>(() => XmlRpcCodec.WriteResponse(tooDeepValue, allowNone: false));
            Assert.Equal($"cannot marshal values nested deeper than {XmlRpcCodec.MaxWriteDepth} levels", tooDeep.Message);
        }
        var cycle = new List<object>();
        cycle.Add(cycle);
        Assert.Throws<InvalidOperationException>(() => XmlRpcCodec.WriteResponse(cycle, allowNone: false));
    }

    [Fact]
    public void A_fault_that_wraps_its_cause_keeps_its_code_text_and_cause()
    {
        var cause = new TimeoutException("slow");
        var fault = new XmlRpcFault(4, "try later", cause);
        Assert.Equal((4, "try later", "try later"), (fault.FaultCode, fault.FaultString, fault.Message));
        Assert.Same(cause, fault.InnerException);
    }
}
