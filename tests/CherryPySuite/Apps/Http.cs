using Cherry;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Keywords = System.Collections.Generic.IReadOnlyList<System.Collections.Generic.KeyValuePair<string, string>>;

namespace CherryPySuite.Apps;

/// <summary>
/// test_http: a page that leaves the body unread (<c>request.process_request_body</c> False), and two that take an
/// uploaded file. Cherry has no config key for <c>request.process_request_body</c>, so a tool of the port's own sets
/// <see cref="Request.ProcessRequestBody"/> before the body would be read. The uploads are <see cref="Part"/>s.
/// </summary>
public static class Http
{
    public static void Configure(CherryOptions options) => options.Tools.Register(() => new NoRequestBodyTool());

    /// <summary>
    /// The tests read a response with <c>response.fp.read()</c>: to the end of the connection, which comes when the server
    /// closes it idle (cheroot after <c>server.socket_timeout</c>, 10 s; Kestrel after its keep-alive timeout, 130 s). One
    /// second keeps the module's run to seconds; nothing in the tests waits on a kept-alive connection.
    /// </summary>
    public static void Kestrel(KestrelServerOptions kestrel) => kestrel.Limits.KeepAliveTimeout = TimeSpan.FromSeconds(1);

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

        /// <summary>A summary of the upload's runs of equal bytes: "a * 65536, b * 65536, ...".</summary>
        [Exposed]
        public async Task<string> PostMultipart(Part file)
        {
            var contents = await file.ReadAllBytesAsync();
            var summary = new List<string>();
            for (var i = 0; i < contents.Length;)
            {
                var j = i;
                while (j < contents.Length && contents[j] == contents[i])
                {
                    j++;
                }
                summary.Add($"{(char)contents[i]} * {j - i}");
                i = j;
            }
            return string.Join(", ", summary);
        }

        [Exposed]
        public string? PostFilename(Part myfile) => myfile.FileName;
    }
}
