using Cherry;

namespace CherryPySuite.Apps;

using Keywords = IReadOnlyList<KeyValuePair<string, string>>;

/// <summary>
/// test_http: a page that leaves the body unread (<c>request.process_request_body</c> False), and two that take an
/// uploaded file. Cherry has no config key for <c>request.process_request_body</c>, so a tool of the port's own sets
/// <see cref="Request.ProcessRequestBody"/> before the body would be read; and no parameter type for an uploaded
/// file, so <c>file</c> and <c>myfile</c> are declared as text (docs/cherrypy-suite.md, missing features).
/// </summary>
public static class Http
{
    public static void Configure(CherryOptions options) => options.Tools.Register(() => new NoRequestBodyTool());

    // cherrypy.config.update({'server.max_request_body_size': 30000000}): Kestrel's default limit is 30000000 too.
    public static void Map(WebApplication app) => app.MapCherry<Root>("/", options => options
        .Set("/no_body", "tools.no_request_body.on", "True"));

    /// <summary><c>request.process_request_body = False</c> for the paths it is on.</summary>
    public sealed class NoRequestBodyTool : HookTool
    {
        public override string Name => "no_request_body";

        public override HookPoint Point => HookPoint.BeforeRequestBody;

        public override ValueTask RunAsync(Request request)
        {
            request.ProcessRequestBody = false;
            return ValueTask.CompletedTask;
        }
    }

    public sealed class Root
    {
        [Exposed]
        public string Index(Keywords kwargs, params string[] args) => "Hello world!";

        [Exposed]
        public string NoBody(Keywords kwargs, params string[] args) => "Hello world!";

        /// <summary>A summary of the upload's runs of equal characters: "a * 65536, b * 65536, ...".</summary>
        [Exposed]
        public string PostMultipart(string file)
        {
            var summary = new List<string>();
            for (var i = 0; i < file.Length;)
            {
                var j = i;
                while (j < file.Length && file[j] == file[i])
                {
                    j++;
                }
                summary.Add($"{file[i]} * {j - i}");
                i = j;
            }
            return string.Join(", ", summary);
        }

        // myfile.filename: the upload's file name; a text parameter has none, so this answers the value.
        [Exposed]
        public string PostFilename(string myfile) => myfile;
    }
}
