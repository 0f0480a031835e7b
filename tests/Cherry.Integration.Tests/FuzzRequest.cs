using System.Text;

namespace Cherry.Integration.Tests;

/// <summary>
/// Builds random HTTP/1.1 requests for the conformance app: real paths mutated, and the headers and bodies every
/// tool reads, drawn from values near the edges (limits of long, unknown charsets, broken encodings, deep
/// nesting) as often as from ordinary ones. Bodies always match their framing, so a wait is never the client's.
/// </summary>
internal static class FuzzRequest
{
    private static readonly string[] Methods = ["GET", "GET", "GET", "POST", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "PROPFIND", "get"];

    /// <summary>The conformance app's paths. Handlers that fail on purpose (/boom, /error, /status, /loop, /tools/err_redirect) are left out.</summary>
    public static readonly string[] ConformancePaths =
    [
        "/", "/one", "/args/x/y", "/multi", "/nothing", "/translate.html", "/typed", "/url", "/redirect", "/internal", "/cookie",
        "/servefile", "/download", "/download_utf8", "/fileobj", "/dir1", "/dir1/", "/dir1/leaf", "/dir1/dir2/", "/dir1/dir2/posparam/a/b",
        "/defnoindex/", "/defnoindex/x", "/blog/", "/blog/2024/05/", "/blog/create", "/dyn/", "/dyn/node1/", "/dyn/node1/info",
        "/json/out", "/json/echo", "/json/lenient", "/basic/", "/digest/", "/cache/", "/cache/lastmod", "/expires/plain",
        "/expires/with_etag", "/expires/force0", "/cond/auto", "/cond/since", "/gzip/", "/gzip/json", "/sram/", "/sram/peek",
        "/sram/regen", "/sram/expire", "/sfile/", "/sfile/peek", "/sauth/", "/sauth/do_login", "/sauth/do_logout", "/sauth/login_screen",
        "/tools/accept", "/tools/select", "/tools/allow", "/tools/referer", "/tools/referer_reject", "/tools/proxy", "/tools/proxy_default",
        "/tools/headers", "/tools/redirect_internal", "/tools/redirect_external", "/tools/autovary", "/tools/flatten", "/tools/ignore_range",
        "/tools/latin1", "/rest/", "/rest/1", "/xmlrpc/", "/xmlrpc", "/nodef/", "/nodef/missing", "/static/", "/static/digits.txt",
        "/static/index.html", "/static_noindex/", "/static_noindex/digits.txt", "/style.css", "/mounted/app/", "/mounted/app/here",
        "/cpstats/", "/cpstats/data", "/gc/", "/nonexistent", "/openapi.json",
    ];

    /// <summary>What may follow a path that names a file: each names a directory, which a file is not.</summary>
    private static readonly string[] DirectorySuffixes = ["/", "//", "/.", "/%2E", "/./", "%2F"];

    internal static readonly string[] SegmentNoise =
    [
        "%2F", "%00", "%0A", "%0D%0A", "..", "%2e%2e", "", "\\", "caf%C3%A9", "%FF", "%", "%zz", "a;b=c", "~", "%7E", "A",
        "index", "default", "_cp_dispatch", "+", "%20", "'", "\"", "<x>", "{}", "$", "@", "x.y.z", "\u00e9",
    ];

    private static readonly string[] ParameterNames =
    [
        "p1", "a", "b", "x", "y", "name", "limit", "url", "qs", "path", "relative", "value", "year", "month", "filename", "ids",
        "id", "when", "color", "flag", "ratio", "username", "password", "from_page", "kw", "rest", "_", "%FF", "%3Cscript%3E", "",
    ];

    internal static readonly string[] Values =
    [
        "", "0", "1", "-1", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1e400", "NaN", "true", "on",
        "%FF", "%", "%zz", "+", "caf%C3%A9", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "..%2F..%2Fetc%2Fpasswd", "//evil.example/",
        "/\\evil.example", "http://evil.example/", "red", "Green", "2026-11-27T10:00:00Z", "00000000-0000-0000-0000-000000000000",
        "%0D%0ASet-Cookie:%20x=1", "dir1/", "/abs", "\u00e9", "a,b", "1,2",
    ];

    internal static readonly string[] HeaderLines =
    [
        "Accept: text/html", "Accept: */*;q=0", "Accept: text/plain;q=abc", "Accept: application/json;q=1e400, text/*", "Accept: ;;;,,",
        "Accept-Charset: utf-7", "Accept-Charset: x-unknown", "Accept-Charset: *;q=0", "Accept-Charset: iso-8859-5;q=0.5, utf-16",
        "Accept-Charset: utf-8;q=2", "Accept-Encoding: gzip", "Accept-Encoding: br, gzip;q=0", "Accept-Encoding: *;q=0",
        "Accept-Encoding: identity;q=0", "Accept-Encoding: x-compress;q=1e400", "Range: bytes=0-4", "Range: bytes=-9223372036854775808",
        "Range: bytes=0-9223372036854775807", "Range: bytes=9223372036854775807-", "Range: bytes=5-1", "Range: bytes=0-0,1-1,2-2,3-3,4-4,5-5,6-6,7-7,8-8,9-9,0-9,1-8,2-7,3-6,4-5,0-1,1-2",
        "Range: bytes=", "Range: chars=0-1", "Range: bytes=99999999999999999999-", "If-Range: \"x\"", "If-Range: Sat, 01 Jan 2000 00:00:00 GMT",
        "If-Match: *", "If-Match: W/\"x\"", "If-Match: garbage", "If-None-Match: *", "If-None-Match: \"a\", W/\"b\"",
        "If-Modified-Since: Sat, 01 Jan 2000 00:00:00 GMT", "If-Modified-Since: Fri, 31 Dec 9999 23:59:59 GMT", "If-Modified-Since: junk",
        "If-Unmodified-Since: Mon, 01 Jan 0001 00:00:00 GMT", "Cookie: ram_sid=0123456789abcdef0123456789abcdef01234567",
        "Cookie: file_sid=../../etc/passwd", "Cookie: file_sid=", "Cookie: auth_sid=" + new string('a', 4000), "Cookie: ram_sid=%FF; ram_sid=x",
        "Cookie: ;;;==;", "Authorization: Basic YmlyZDpiZWJvcA==", "Authorization: Basic !!!", "Authorization: Basic Og==",
        "Authorization: Basic " + Convert.ToBase64String(new byte[] { 0xFF, 0x3A, 0xFE }), "Authorization: Digest",
        "Authorization: Digest username=\"alice\", realm=\"wonderland\", nonce=\"x\", uri=\"/digest/\", response=\"y\"",
        "Authorization: Digest username=\"alice\", realm=\"wonderland\", nonce=\"MTIz:abc\", uri=\"/digest/\", response=\"y\", qop=auth, nc=zzzzzzzz, cnonce=\"c\"",
        "Authorization: Digest username=, realm, nonce=\"\"\"", "Authorization: Bearer x", "Host: localhost", "Host: a..b", "Host: a:99999",
        "X-Forwarded-Host: evil..example", "X-Forwarded-Host: www.example.com", "X-Forwarded-Proto: gopher", "X-Forwarded-For: not-an-ip",
        "Referer: http://www.example.com/", "Referer: javascript:alert(1)", "Cache-Control: no-cache", "Cache-Control: max-age=0",
        "Cache-Control: max-age=99999999999999999999", "Cache-Control: max-age=-1", "Cache-Control: ,,,=", "Pragma: no-cache",
        "Origin: null", "Expect: 100-continue", "Content-Encoding: gzip", "Transfer-Encoding: gzip",
        "Cache-Control: max-age=2147483648", "Cache-Control: max-age=\"99999999999\"", "Cache-Control: max-age=1e3",
    ];

    private static readonly string[] ContentTypes =
    [
        "application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=utf-7", "application/x-www-form-urlencoded; charset=x-unknown",
        "application/x-www-form-urlencoded; charset=utf-16", "application/x-www-form-urlencoded; charset=\"", "multipart/form-data; boundary=BOUNDARY",
        "multipart/form-data; boundary=OTHER", "multipart/form-data", "multipart/form-data; boundary=", "application/json", "application/json; charset=utf-16",
        "text/xml", "text/plain", "application/octet-stream", ";;", "",
    ];

    /// <summary>A request for one of <paramref name="paths"/>, mutated.</summary>
    public static byte[] Next(Random random, string[] paths)
    {
        var method = Pick(random, Methods);
        var target = Path(random, paths) + Query(random);
        var head = new StringBuilder().Append(method).Append(' ').Append(target).Append(" HTTP/1.1\r\n");
        var hasHost = false;
        for (var i = random.Next(0, 7); i > 0; i--)
        {
            var line = random.Next(30) == 0 ? LongHeader(random) : Pick(random, HeaderLines);
            hasHost |= line.StartsWith("Host:", StringComparison.Ordinal);
            head.Append(line).Append("\r\n");
        }
        if (!hasHost)
        {
            head.Append("Host: localhost\r\n");
        }
        byte[] body = [];
        if (method is "POST" or "PUT" or "PATCH" || random.Next(10) == 0)
        {
            var contentType = Pick(random, ContentTypes);
            body = Body(random, contentType);
            if (contentType.Length > 0)
            {
                head.Append("Content-Type: ").Append(contentType).Append("\r\n");
            }
            if (random.Next(5) == 0)
            {
                head.Append("Transfer-Encoding: chunked\r\n");
                body = Chunked(random, body);
            }
            else
            {
                head.Append("Content-Length: ").Append(body.Length).Append("\r\n");
            }
        }
        head.Append("Connection: close\r\n\r\n");
        return [.. Encoding.Latin1.GetBytes(head.ToString()), .. body];
    }

    /// <summary>A header whose cost would grow with its length if a reader were not linear: many elements, most unknown.</summary>
    private static string LongHeader(Random random)
    {
        var count = random.Next(500, 3_500);
        return random.Next(3) switch
        {
            0 => "Accept-Charset: " + string.Join(",", Enumerable.Range(0, count).Select(i => i % 97 == 0 ? "utf-8;q=0." + (i % 10) : "x" + i)),
            1 => "Cache-Control: " + string.Join(",", Enumerable.Range(0, count / 2).Select(i => i % 2 == 0 ? "max-age=" + new string('9', 1 + (i % 30)) : "x" + i)),
            _ => "If-None-Match: " + string.Join(", ", Enumerable.Range(0, count / 2).Select(i => $"\"e{i}\"")),
        };
    }

    private static string Path(Random random, string[] paths)
    {
        var path = Pick(random, paths);
        if (random.Next(8) == 0 && System.IO.Path.HasExtension(path))
        {
            return Escape(path + Pick(random, DirectorySuffixes));
        }
        for (var i = random.Next(0, 3); i > 0; i--)
        {
            path = random.Next(3) switch
            {
                0 => path.TrimEnd('/') + "/" + Pick(random, SegmentNoise),
                1 => path + Pick(random, SegmentNoise),
                _ => path.Replace("/", random.Next(2) == 0 ? "//" : "/./"),
            };
        }
        if (random.Next(40) == 0)
        {
            path += "/" + new string('x', random.Next(100, 3000));
        }
        return Escape(path);
    }

    /// <summary>Percent-encodes what cannot stand raw in a request line (controls, spaces, non-ASCII as UTF-8); escapes already there stay.</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            escaped.Append(b is > 0x20 and < 0x7F ? ((char)b).ToString() : "%" + b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return escaped.ToString();
    }

    private static string Query(Random random)
    {
        if (random.Next(3) == 0)
        {
            return "";
        }
        if (random.Next(20) == 0)
        {
            return "?" + random.Next(0, 2000) + "," + random.Next(0, 2000);
        }
        return "?" + Escape(Pairs(random, random.Next(0, 6)));
    }

    private static string Pairs(Random random, int count) =>
        string.Join(random.Next(4) == 0 ? ";" : "&", Enumerable.Range(0, count).Select(_ =>
            random.Next(8) == 0 ? Pick(random, ParameterNames) : Pick(random, ParameterNames) + "=" + Pick(random, Values)));

    private static byte[] Body(Random random, string contentType)
    {
        if (random.Next(8) == 0)
        {
            var noise = new byte[random.Next(0, 512)];
            random.NextBytes(noise);
            return noise;
        }
        if (contentType.StartsWith("application/json", StringComparison.Ordinal) && random.Next(3) == 0)
        {
            return JsonEdge(random);
        }
        var text = contentType switch
        {
            var t when t.StartsWith("multipart", StringComparison.Ordinal) => Multipart(random),
            var t when t.StartsWith("application/json", StringComparison.Ordinal) => Json(random, 0),
            "text/xml" => XmlRpc(random),
            _ => Pairs(random, random.Next(0, 8)),
        };
        return Encoding.UTF8.GetBytes(text);
    }

    private static string Multipart(Random random)
    {
        var boundary = random.Next(4) == 0 ? "OTHER-" + random.Next() : "BOUNDARY";
        var parts = new StringBuilder();
        for (var i = random.Next(0, 4); i > 0; i--)
        {
            parts.Append("--").Append(boundary).Append("\r\nContent-Disposition: form-data; name=\"")
                .Append(Pick(random, ParameterNames)).Append('"');
            if (random.Next(3) == 0)
            {
                parts.Append("; filename=\"").Append(Pick(random, Values)).Append('"');
            }
            parts.Append("\r\n\r\n").Append(Pick(random, Values)).Append("\r\n");
        }
        return random.Next(5) == 0 ? parts.ToString() : parts.Append("--").Append(boundary).Append("--\r\n").ToString();
    }

    private static string Json(Random random, int depth) => random.Next(depth > 3 ? 4 : 9) switch
    {
        0 => "\"" + Pick(random, ["x", "\\ud800", "\\udc00x", "\\u0000", "caf\u00e9", "\\\"", "\\uZZZZ"]) + "\"",
        1 => Pick(random, ["0", "-0", "1e400", "-1e-400", "123456789012345678901234567890", "true", "null", "NaN"]),
        2 => new string('[', 70) + new string(']', 70),
        3 => Pick(random, ["{", "[1,", "{\"a\":}", "", "{\"a\":1,\"a\":2}"]),
        4 or 5 or 6 => "{" + string.Join(",", Enumerable.Range(0, random.Next(0, 4)).Select(i => $"\"k{i}\":{Json(random, depth + 1)}")) + "}",
        _ => "[" + string.Join(",", Enumerable.Range(0, random.Next(0, 4)).Select(_ => Json(random, depth + 1))) + "]",
    };

    /// <summary>JSON at the edges: nested at and around the depth limit (64), the document null, and ill-formed UTF-8.</summary>
    private static byte[] JsonEdge(Random random)
    {
        var depth = 62 + random.Next(5);
        var (open, close) = random.Next(2) == 0 ? ("[", "]") : ("{\"k\":", "}");
        return random.Next(4) switch
        {
            0 => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth))),
            1 => Encoding.UTF8.GetBytes(Pick(random, ["null", " null ", "[null]", "{\"name\":null,\"title\":null,\"text\":null}"])),
            2 => [.. "{\"name\":\""u8, .. Pick<byte[]>(random, [[0xFF, 0xFE], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x82]]), .. "\"}"u8],
            _ => [.. "{\""u8, 0xFF, .. "\":1}"u8],
        };
    }

    private static string XmlRpc(Random random)
    {
        var method = Pick(random, ["add", "hello", "echo", "text.upper", "nosuch", "", "a.b.c.d", "_private", "system.listMethods"]);
        var parameters = string.Concat(Enumerable.Range(0, random.Next(0, 4)).Select(_ => "<param>" + XmlRpcValue(random, 0) + "</param>"));
        var call = $"<?xml version='1.0'?><methodCall><methodName>{method}</methodName><params>{parameters}</params></methodCall>";
        return random.Next(6) == 0 ? call[..random.Next(call.Length)] : call;
    }

    private static string XmlRpcValue(Random random, int depth) => random.Next(depth > 3 ? 7 : 11) switch
    {
        0 => "<value><int>" + Pick(random, ["1", "2147483648", "-x", ""]) + "</int></value>",
        1 => "<value><i8>" + Pick(random, ["1", "9223372036854775808"]) + "</i8></value>",
        2 => "<value><double>" + Pick(random, ["1.5", "1e400", "nan", "x"]) + "</double></value>",
        3 => "<value><dateTime.iso8601>" + Pick(random, ["20261127T10:00:00", "99999999T99:99:99", ""]) + "</dateTime.iso8601></value>",
        4 => "<value><base64>" + Pick(random, ["AAEC", "!!", ""]) + "</base64></value>",
        5 => "<value><boolean>" + Pick(random, ["1", "0", "2"]) + "</boolean></value>",
        6 => "<value>" + Pick(random, ["text", "", "<nil/>", "<string>s</string>", "<bogus/>"]) + "</value>",
        7 => "<value><array><data>" + string.Concat(Enumerable.Range(0, random.Next(0, 3)).Select(_ => XmlRpcValue(random, depth + 1))) + "</data></array></value>",
        8 => "<value><struct>" + string.Concat(Enumerable.Range(0, random.Next(0, 3)).Select(i => $"<member><name>m{i}</name>{XmlRpcValue(random, depth + 1)}</member>")) + "</struct></value>",
        9 => string.Concat(Enumerable.Repeat("<value><array><data>", 100)) + string.Concat(Enumerable.Repeat("</data></array></value>", 100)),
        // At and around the reader's depth limit (64, counted from the parameter's value).
        _ => XmlRpcNested(63 + random.Next(3) - depth),
    };

    private static string XmlRpcNested(int levels) =>
        string.Concat(Enumerable.Repeat("<value><array><data>", levels)) + "<value><int>1</int></value>" + string.Concat(Enumerable.Repeat("</data></array></value>", levels));

    private static byte[] Chunked(Random random, byte[] body)
    {
        var framed = new MemoryStream();
        var offset = 0;
        while (offset < body.Length)
        {
            var size = Math.Min(body.Length - offset, random.Next(1, 64));
            framed.Write(Encoding.ASCII.GetBytes(size.ToString("X", System.Globalization.CultureInfo.InvariantCulture) + "\r\n"));
            framed.Write(body, offset, size);
            framed.Write("\r\n"u8);
            offset += size;
        }
        framed.Write(random.Next(10) == 0 ? "FFFFFFFFFFFFFFFFFFFF\r\n"u8 : "0\r\n\r\n"u8);
        return framed.ToArray();
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
