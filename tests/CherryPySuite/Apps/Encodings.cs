using Cherry;
using Microsoft.AspNetCore.Http;
using Keywords = System.Collections.Generic.IReadOnlyList<System.Collections.Generic.KeyValuePair<string, string>>;

namespace CherryPySuite.Apps;

/// <summary>
/// test_encoding: request parameters decoded from the query, urlencoded and multipart bodies (decode tool with an
/// extra or a forced charset), answers encoded by Accept-Charset (encode tool), gzip, and headers and cookies that
/// carry non-ASCII text.
/// </summary>
public static class Encodings
{
    private const string EuroPound = "\u00a3";
    private const string Sing = "\u6bdb\u6cfd\u4e1c: Sing, Little Birdie?";

    public static void Map(WebApplication app) => app.MapCherry<Root>("/", options => options
        .Set("/gzip", "tools.gzip.on", "True")
        // CherryPy's gzip tool knows gzip alone.
        .Set("/gzip", "tools.gzip.brotli", "False")
        // @cherrypy.config(**{'tools.encode.on': False}) on noshow: so that gzip is the tool that collapses the body.
        .Set("/gzip/noshow", "tools.encode.on", "False")
        .Set("/gzip/noshow_stream", "response.stream", "True"));

    /// <summary><c>', '.join(': '.join((k, v)) for k, v in items)</c>.</summary>
    private static string Join(IEnumerable<KeyValuePair<string, string>> items) =>
        string.Join(", ", items.Select(p => p.Key + ": " + p.Value));

    public sealed class Root
    {
        public Gzipped Gzip { get; } = new();

        public Decoded Decode { get; } = new();

        [Exposed]
        public IEnumerable<string> Index(string param)
        {
            if (param != EuroPound)
            {
                throw new InvalidOperationException($"'{param}' != '{EuroPound}'");
            }
            yield return EuroPound;
        }

        [Exposed]
        public string MaoZedong() => Sing;

        [Exposed, Encode(Encoding = "utf-8")]
        public string Utf8() => Sing;

        [Exposed]
        public string CookiesAndHeaders(Request request)
        {
            // Non-ASCII header text and a cookie with a domain: the answer must not fail.
            request.Response.Cookies.Append("candy", "bar", new CookieOptions { Domain = "cherrypy.dev" });
            request.Response.Headers["Some-Header"] = "My d\u00c3\u00b6g has fleas";
            request.Response.Headers["Bytes-Header"] = "Bytes given header";
            return "Any content";
        }

        // sorted(cherrypy.request.params.items()); *args are path segments, not params.
        [Exposed]
        public string Reqparams(Keywords kwargs, params string[] args) => Join(kwargs.OrderBy(p => p.Key, StringComparer.Ordinal));

        // tools.encode.text_only False and tools.encode.add_charset True (Cherry has no add_charset: see the notes).
        [Exposed, Encode(TextOnly = false)]
        public string Nontext(Request request, Keywords kwargs, params string[] args)
        {
            request.Response.Headers.ContentType = "application/binary";
            return "\x00\x01\x02\x03";
        }
    }

    public sealed class Gzipped
    {
        [Exposed]
        public IEnumerable<string> Index()
        {
            yield return "Hello, world";
        }

        [Exposed]
        public IEnumerable<string> Noshow()
        {
            throw new IndexOutOfRangeException();
#pragma warning disable CS0162 // the Python yields after the raise, which makes it a generator
            yield return "Here be dragons";
#pragma warning restore CS0162
        }

        [Exposed]
        public IEnumerable<string> NoshowStream() => Noshow();
    }

    public sealed class Decoded
    {
        // tools.decode.default_encoding ['utf-16']: tried first, then the defaults.
        [Exposed, Decode(DefaultEncoding = "utf-16")]
        public string ExtraCharset(Keywords kwargs, params string[] args) => Join(kwargs);

        [Exposed, Decode(Encoding = "utf-16")]
        public string ForceCharset(Keywords kwargs, params string[] args) => Join(kwargs);
    }
}
