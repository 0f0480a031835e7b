using Cherry;
using Conformance;
using Keywords = System.Collections.Generic.IReadOnlyList<System.Collections.Generic.KeyValuePair<string, string>>;

namespace CherryPySuite.Apps;

/// <summary>
/// test_mime: a multipart/mixed body read as the list of its parts (CherryPy's <c>parts</c>: the text of each part
/// without a name), multipart/form-data fields (one repeated), and a Flash upload (a file part among fields).
/// </summary>
public static class Mime
{
    // cherrypy.config.update({'server.max_request_body_size': 0}): no limit; Cherry's limit is Kestrel's (30 MB),
    // far above the test bodies.
    public static void Map(WebApplication app) => app.MapCherry<Root>("/");

    public sealed class Root
    {
        [Exposed]
        public string Multipart(string[] parts) => "[" + string.Join(", ", parts.Select(Repr)) + "]";

        // repr(list(sorted(kwargs.items()))): a repeated name is a list.
        [Exposed]
        public string MultipartFormData(Keywords kwargs) =>
            "[" + string.Join(", ", kwargs.GroupBy(p => p.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => "(" + PyRepr.Str(g.Key) + ", " + PyRepr.Value(g.Select(p => p.Value).ToList()) + ")")) + "]";

        // 'Filedata: %r' % Filedata.file.read(): the repr of bytes.
        [Exposed]
        public async Task<string> Flashupload(Part Filedata, string Upload, string Filename) =>
            $"Upload: {Upload}, Filename: {Filename}, Filedata: {Repr(await Filedata.ReadAllBytesAsync())}";
    }

    /// <summary>Python's <c>repr(str)</c>: quoted, with backslashes, quotes and control characters escaped.</summary>
    private static string Repr(string text) => Repr(text, "");

    /// <summary>Python's <c>repr(bytes)</c>: <c>b'...'</c>, printable ASCII as itself, every other byte escaped.</summary>
    private static string Repr(byte[] bytes) => Repr(System.Text.Encoding.Latin1.GetString(bytes), "b");

    /// <remarks>A byte string (<paramref name="prefix"/> "b") escapes everything beyond ASCII as \xNN.</remarks>
    private static string Repr(string text, string prefix)
    {
        // Python prefers single quotes, and takes double quotes for text that holds a single quote and no double quote.
        var quote = text.Contains('\'') && !text.Contains('"') ? '"' : '\'';
        var repr = new System.Text.StringBuilder(prefix).Append(quote);
        foreach (var c in text)
        {
            repr.Append(c switch
            {
                '\\' => "\\\\",
                '\t' => "\\t",
                '\n' => "\\n",
                '\r' => "\\r",
                _ when c == quote => "\\" + quote,
                < ' ' or '\x7f' => "\\x" + ((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture),
                > '\x7f' when prefix == "b" => "\\x" + ((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }
        return repr.Append(quote).ToString();
    }
}
