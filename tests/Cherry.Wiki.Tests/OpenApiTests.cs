using System.Net;
using Cherry.Conformance.Tests;
using Microsoft.OpenApi;
using Wiki;

namespace Cherry.Wiki.Tests;

/// <summary>The OpenAPI document the wiki serves at /openapi.json, read with Microsoft.OpenApi.</summary>
public sealed class OpenApiTests(WikiFixture wiki) : IClassFixture<WikiFixture>
{
    [Fact]
    public async Task The_document_describes_the_pages_the_editor_and_the_json_api()
    {
        var document = await OpenApiProbe.LoadAsync(wiki.Client);
        Assert.Equal("Wiki", document.Info.Title);
        var paths = document.Paths;

        // A required positional parameter is a path segment; the summary is the handler's doc comment, read although
        // the project generates no documentation file.
        var page = paths["/page/{name}"].Operations![HttpMethod.Get];
        Assert.StartsWith("/page/FrontPage: an unknown page is a 404, a malformed name a 400. One cached copy serves every reader", page.Summary);
        // The editor takes an upload, so it is described as a multipart POST; the page name stays a path segment.
        var edit = paths["/edit/{name}"].Operations![HttpMethod.Post];
        Assert.Contains(edit.Parameters!, p => p is { Name: "name", In: ParameterLocation.Path, Required: true });
        var fields = edit.RequestBody!.Content!["multipart/form-data"].Schema!.Properties!;
        Assert.Equal(["title", "text", "csrf", "file"], fields.Keys);
        // wiki.conf's session_auth on /edit: the login rides in the session cookie; pages need none.
        var login = Assert.Single(Assert.Single(edit.Security!).Keys);
        Assert.Equal((SecuritySchemeType.ApiKey, ParameterLocation.Cookie, "wiki_sid"), (login.Type, login.In, login.Name));
        Assert.Null(page.Security);

        // The [Rest] resource: its verbs, and JSON bodies and results by reference to camelCase schemas.
        var pages = paths["/api/pages/{name}"].Operations!;
        Assert.Equal([HttpMethod.Delete, HttpMethod.Get, HttpMethod.Head, HttpMethod.Put], pages.Keys.OrderBy(m => m.Method));
        // The statuses each verb declares ([ProducesResponseType]); the created page comes with its 201.
        Assert.Equal(["200", "201", "400", "403"], pages[HttpMethod.Put].Responses!.Keys);
        Assert.Equal(["201", "400", "403", "409"], paths["/api/pages"].Operations![HttpMethod.Post].Responses!.Keys);
        Assert.NotNull(paths["/api/pages"].Operations![HttpMethod.Post].Responses!["201"].Content!["application/json"].Schema);
        // The editor answers what its [Allow] names: GET (and HEAD) shows the form, POST saves it.
        Assert.Equal([HttpMethod.Get, HttpMethod.Head, HttpMethod.Post], paths["/edit/{name}"].Operations!.Keys.OrderBy(m => m.Method));
        var input = pages[HttpMethod.Put].RequestBody!.Content!["application/json"].Schema!;
        Assert.Equal(["title", "text"], input.Properties!.Keys);
        Assert.Equal(["title"], input.Required!);
        var created = paths["/api/pages"].Operations![HttpMethod.Post].RequestBody!.Content!["application/json"].Schema!;
        Assert.Equal(["name", "title"], created.Required!.Order());
        var dto = pages[HttpMethod.Get].Responses!["200"].Content!["application/json"].Schema!;
        Assert.Equal(["name", "title", "text", "modified", "modifiedBy"], dto.Properties!.Keys);
        Assert.Equal("date-time", dto.Properties["modified"].Format);
        var list = paths["/api/"].Operations![HttpMethod.Get].Responses!["200"].Content!["application/json"].Schema!;
        Assert.Equal(JsonSchemaType.Array, list.Type);
        Assert.Equal(["name", "title", "modified"], list.Items!.Properties!.Keys);
    }

    [Fact]
    public async Task Every_operation_it_describes_answers()
    {
        var document = await OpenApiProbe.LoadAsync(wiki.Client);
        var samples = new Dictionary<string, string> { ["name"] = "FrontPage", ["file"] = "wiki.css" };
        var results = await OpenApiProbe.ProbeAsync(wiki.Client, document, samples, xmlRpcMethod: "none");

        Assert.True(results.Count >= 7, $"only {results.Count} operations");
        Assert.Empty(results.Where(r => r.Status == HttpStatusCode.NotFound || (int)r.Status >= 500).Select(r => $"{r.Operation}: {(int)r.Status}"));
        // Writing through the API needs a login: the answer says so, it is not a missing page.
        Assert.Contains(results, r => r is { Operation: "PUT /api/pages/FrontPage", Status: HttpStatusCode.Forbidden });
    }

    [Fact]
    public async Task The_api_s_rules_policies_and_statuses_are_in_the_document()
    {
        var document = await OpenApiProbe.LoadAsync(wiki.Client);
        var paths = document.Paths;
        // DataAnnotations on the bodies, as JSON Schema words.
        var created = paths["/api/pages"].Operations![HttpMethod.Post].RequestBody!.Content!["application/json"].Schema!;
        Assert.Equal(PageStore.NamePattern, created.Properties!["name"].Pattern);
        Assert.Equal(PageStore.MaxTitleLength, created.Properties["title"].MaxLength);
        Assert.Equal(PageStore.MaxTextLength, created.Properties["text"].MaxLength);
        // A validated parameter (required, so a path segment as CherryPy binds it; ?q= works too), the rate limit's 429,
        // and the validation's 400 with a problem document.
        var search = paths["/api/search/{q}"].Operations![HttpMethod.Get];
        var q = Assert.Single(search.Parameters!);
        Assert.Equal(("q", true, 2, 50), (q.Name, q.Required, q.Schema!.MinLength, q.Schema.MaxLength));
        Assert.Equal(["200", "400", "429"], search.Responses!.Keys);
        Assert.Equal(["application/problem+json", "text/html"], search.Responses["400"].Content!.Keys);
        // [Authorize(Policy = "editors")]: the API-key scheme, 401 without a key and 403 with a reader's.
        var delete = paths["/api/pages/{name}"].Operations![HttpMethod.Delete];
        Assert.Equal(["204", "400", "401", "403", "404"], delete.Responses!.Keys.Order());
        Assert.Equal("ApiKey", Assert.Single(Assert.Single(delete.Security!).Keys).Scheme);
    }

    [Fact]
    public async Task Every_answer_has_a_status_and_a_content_type_the_document_lists()
    {
        var document = await OpenApiProbe.LoadAsync(wiki.Client);
        var samples = new Dictionary<string, string> { ["name"] = "FrontPage", ["file"] = "wiki.css" };
        Assert.Empty(await OpenApiProbe.UndocumentedAnswersAsync(wiki.Client, document, samples, xmlRpcMethod: "none"));
    }
}
