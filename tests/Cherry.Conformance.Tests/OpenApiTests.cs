using System.Net;
using Microsoft.OpenApi;

namespace Cherry.Conformance.Tests;

/// <summary>samples/Conformance started as its own process, as its README command does; nothing but Cherry runs.</summary>
public sealed class ConformanceAppFixture : IAsyncLifetime
{
    public ServerProcess Server { get; private set; } = null!;

    /// <summary>A client that shows redirects instead of following them.</summary>
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await ServerProcess.StartCherryAsync();
        Client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = Server.Address };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>The OpenAPI document samples/Conformance serves at /openapi.json (both mounted trees), read with Microsoft.OpenApi.</summary>
[Trait("Category", "Slow")]
public sealed class OpenApiTests(ConformanceAppFixture app) : IClassFixture<ConformanceAppFixture>
{
    /// <summary>Handlers that fail on purpose: the reference app's error pages.</summary>
    private static readonly Dictionary<string, string> FailOnPurpose = new()
    {
        ["GET /error"] = "answers the status it is asked for, 500 by default",
        ["GET /boom"] = "throws, for the 500 page",
        ["GET /notfound"] = "raises NotFound",
        ["GET /nodef/missing"] = "raises NotFound, for the custom 404 page",
    };

    [Fact]
    public async Task The_document_describes_both_trees_under_their_mount_paths()
    {
        var document = await OpenApiProbe.LoadAsync(app.Client);
        var paths = document.Paths;

        // The root tree at /: a query parameter with its type and default, path segments for required positional
        // parameters, a Default's rest of the path, a [Dispatch] hook's segment and [PopArgs] names.
        var typed = Assert.Single(paths["/typed"].Operations![HttpMethod.Get].Parameters!);
        Assert.Equal(("limit", ParameterLocation.Query, false), (typed.Name, typed.In, typed.Required));
        Assert.Equal(JsonSchemaType.Integer, typed.Schema!.Type);
        Assert.Equal("10", typed.Schema.Default!.ToJsonString());
        Assert.Contains(paths["/one/{p1}"].Operations![HttpMethod.Get].Parameters!, p => p is { Name: "p1", In: ParameterLocation.Path, Required: true });
        Assert.Contains("/{args}", paths.Keys);
        Assert.Contains("/dyn/{next}/info", paths.Keys);
        Assert.Contains("/blog/{year}/{month}/", paths.Keys);

        // [Rest]: the verbs, a form field for POST; XML-RPC: a POST of text/xml.
        // HEAD is listed wherever GET is.
        Assert.Equal([HttpMethod.Get, HttpMethod.Head, HttpMethod.Post], paths["/rest"].Operations!.Keys.OrderBy(m => m.Method));
        Assert.True(paths["/rest"].Operations![HttpMethod.Post].RequestBody!.Content!["application/x-www-form-urlencoded"].Schema!.Required!.Contains("value"));
        Assert.Contains(HttpMethod.Delete, paths["/rest/{index}"].Operations!.Keys);
        var xmlRpc = paths["/xmlrpc/"].Operations![HttpMethod.Post];
        Assert.Contains("text/xml", xmlRpc.RequestBody!.Content!.Keys);
        Assert.Contains("add, hello", xmlRpc.Description);

        // JSON: the result's schema by reference, with the context's camelCase names.
        var answer = paths["/json/out"].Operations![HttpMethod.Get].Responses!["200"].Content!["application/json"].Schema!;
        Assert.Equal(["answer", "list"], answer.Properties!.Keys);

        // What conformance.conf switches on: auth_basic on /basic, session_auth on /sauth (its cookie auth_sid), the
        // static sections as paths of their own.
        var basic = Assert.Single(Assert.Single(paths["/basic/"].Operations![HttpMethod.Get].Security!).Keys);
        Assert.Equal((SecuritySchemeType.Http, "basic"), (basic.Type, basic.Scheme));
        var session = Assert.Single(Assert.Single(paths["/sauth/"].Operations![HttpMethod.Get].Security!).Keys);
        Assert.Equal((SecuritySchemeType.ApiKey, ParameterLocation.Cookie, "auth_sid"), (session.Type, session.In, session.Name));
        Assert.Null(paths["/typed"].Operations![HttpMethod.Get].Security);
        Assert.Contains("/static/{path}", paths.Keys);
        Assert.Contains("/style.css", paths.Keys);

        // The second tree, under its mount path.
        Assert.Contains("/mounted/app/", paths.Keys);
        Assert.Contains("/mounted/app/here", paths.Keys);
    }

    [Fact]
    public async Task Every_operation_it_describes_answers()
    {
        var document = await OpenApiProbe.LoadAsync(app.Client);
        // "path": a file of both static directories (a path configuration adds).
        var samples = new Dictionary<string, string> { ["s"] = "200 OK", ["index"] = "0", ["value"] = "c", ["path"] = "digits.txt" };
        var results = await OpenApiProbe.ProbeAsync(app.Client, document, samples, xmlRpcMethod: "hello");

        Assert.True(results.Count > 50, $"only {results.Count} operations");
        var failures = results
            .Where(r => r.Status == HttpStatusCode.NotFound || (int)r.Status >= 500)
            // A HEAD fails as its GET does.
            .Where(r => !FailOnPurpose.ContainsKey(r.Operation.StartsWith("HEAD ", StringComparison.Ordinal) ? "GET " + r.Operation[5..] : r.Operation))
            .Select(r => $"{r.Operation}: {(int)r.Status}");
        Assert.Empty(failures);
        Assert.Contains(results, r => r is { Operation: "GET /static/digits.txt", Status: HttpStatusCode.OK });
        // The listed ones are still described, and still fail as meant.
        Assert.All(FailOnPurpose.Keys, operation => Assert.Contains(results, r => r.Operation == operation));
    }

    [Fact]
    public async Task Every_answer_has_a_status_and_a_content_type_the_document_lists()
    {
        var document = await OpenApiProbe.LoadAsync(app.Client);
        var samples = new Dictionary<string, string> { ["s"] = "200 OK", ["index"] = "0", ["value"] = "c", ["path"] = "digits.txt" };
        Assert.Empty(await OpenApiProbe.UndocumentedAnswersAsync(app.Client, document, samples, xmlRpcMethod: "hello"));
    }
}
