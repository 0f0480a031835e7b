using Cherry;
using Conformance;

namespace CherryPySuite.Apps;

using Keywords = IReadOnlyList<KeyValuePair<string, string>>;

/// <summary>
/// test_mime: a multipart/mixed body read as the list of its parts, multipart/form-data fields (one repeated), and a
/// Flash upload (a file part among fields). Cherry reads multipart/form-data fields only: it has no parameter for the
/// parts of another multipart type and none for an uploaded file (docs/cherrypy-suite.md, missing features), so
/// <c>parts</c> and <c>Filedata</c> are declared as the text they would hold.
/// </summary>
public static class Mime
{
    // cherrypy.config.update({'server.max_request_body_size': 0}): no limit; Cherry's limit is Kestrel's (30 MB),
    // far above the test bodies.
    public static void Map(WebApplication app) => app.MapCherry<Root>("/");

    public sealed class Root
    {
        [Exposed]
        public string Multipart(string[] parts) => ObjectMapping.ListRepr(parts);

        // repr(list(sorted(kwargs.items()))): a repeated name is a list.
        [Exposed]
        public string MultipartFormData(Keywords kwargs) =>
            "[" + string.Join(", ", kwargs.GroupBy(p => p.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => "(" + PyRepr.Str(g.Key) + ", " + PyRepr.Value(g.Select(p => p.Value).ToList()) + ")")) + "]";

        // Filedata.file.read() is bytes in the Python: b'...'.
        [Exposed]
        public string Flashupload(string Filedata, string Upload, string Filename) =>
            $"Upload: {Upload}, Filename: {Filename}, Filedata: b{PyRepr.Str(Filedata)}";
    }
}
