using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Cherry.Integration.Tests;

namespace Cherry.Wiki.Tests;

/// <summary>samples/Wiki through a real socket: reading, logging in, editing, the JSON API, assets.</summary>
public sealed class WikiTests(WikiFixture wiki) : IClassFixture<WikiFixture>
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    [Fact]
    public async Task Anyone_reads_the_page_list_and_a_page()
    {
        var (list, listBody) = await wiki.SendAsync(HttpMethod.Get, "/");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains("<a href=\"/page/FrontPage\">Welcome to the wiki</a>", listBody);

        var (page, body) = await wiki.SendAsync(HttpMethod.Get, "/page/FrontPage");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.StartsWith("text/html", page.Content.Headers.ContentType!.ToString());
        Assert.Contains("<h1 class=\"title\">Welcome to the wiki</h1>", body);
        Assert.Contains("<a href=\"/edit/\">Log in</a>", body);
    }

    [Fact]
    public async Task An_unknown_page_is_a_404_and_a_malformed_name_a_400()
    {
        var (missing, body) = await wiki.SendAsync(HttpMethod.Get, "/page/NoSuchPage");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("There is no page named 'NoSuchPage'.", Cherry.Integration.Tests.Http.ErrorMessage(body));

        var (bad, badBody) = await wiki.SendAsync(HttpMethod.Get, "/page/" + Uri.EscapeDataString("<x>"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("A page name is 1 to 64 letters, digits, '-' or '_'.", Cherry.Integration.Tests.Http.ErrorMessage(badBody));
    }

    [Fact]
    public async Task Editing_asks_for_a_login_and_a_wrong_password_says_so()
    {
        var (form, body) = await wiki.SendAsync(HttpMethod.Get, "/edit/FrontPage");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("action=\"/edit/do_login\"", body);
        Assert.DoesNotContain("name=\"csrf\"", body);

        var (wrong, wrongBody) = await wiki.SendAsync(HttpMethod.Post, "/edit/do_login",
            content: Form(("username", "demo"), ("password", "nope"), ("from_page", "/edit/FrontPage")));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Wrong user name or password.", wrongBody);
    }

    [Fact]
    public async Task A_logged_in_user_edits_through_the_form_and_page_text_is_escaped()
    {
        var cookie = await wiki.LoginAsync();
        var (form, formBody) = await wiki.SendAsync(HttpMethod.Get, "/edit/FormEdited", cookie);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("Logged in as <strong>demo</strong>", formBody);
        var csrf = WikiFixture.Csrf(formBody);

        const string text = "</textarea><script>alert(1)</script> & more";
        var (saved, _) = await wiki.SendAsync(HttpMethod.Post, "/edit/FormEdited", cookie,
            Form(("csrf", csrf), ("title", "Edited <b>here</b>"), ("text", text)));
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        Assert.EndsWith("/page/FormEdited", saved.Headers.Location!.ToString());

        var (_, page) = await wiki.SendAsync(HttpMethod.Get, "/page/FormEdited");
        Assert.Contains("<h1 class=\"title\">Edited &lt;b&gt;here&lt;/b&gt;</h1>", page);
        Assert.Contains("&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; more", page);
        Assert.DoesNotContain("<script>", page);

        var (_, again) = await wiki.SendAsync(HttpMethod.Get, "/edit/FormEdited", cookie);
        Assert.Contains("<textarea id=\"text\" name=\"text\">&lt;/textarea&gt;&lt;script&gt;", again);
        Assert.Contains("value=\"Edited &lt;b&gt;here&lt;/b&gt;\"", again);
    }

    [Fact]
    public async Task The_edit_form_takes_the_text_from_an_uploaded_utf8_file_and_refuses_other_bytes()
    {
        var cookie = await wiki.LoginAsync();
        var (_, formBody) = await wiki.SendAsync(HttpMethod.Get, "/edit/Uploaded", cookie);
        Assert.Contains("enctype=\"multipart/form-data\"", formBody);
        var csrf = WikiFixture.Csrf(formBody);

        MultipartFormDataContent Upload(byte[] file)
        {
            var content = new MultipartFormDataContent { { new StringContent(csrf), "csrf" }, { new StringContent("From a file"), "title" }, { new StringContent("ignored"), "text" } };
            content.Add(new ByteArrayContent(file) { Headers = { ContentType = new("text/markdown") } }, "file", "notes.md");
            return content;
        }

        // A byte-order mark is dropped; the file's text replaces the text box's.
        var (saved, _) = await wiki.SendAsync(HttpMethod.Post, "/edit/Uploaded", cookie, Upload([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Notes from a file: 5 \u20ac")]));
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        var (_, page) = await wiki.SendAsync(HttpMethod.Get, "/page/Uploaded");
        Assert.Contains("Notes from a file: 5 \u20ac", page);
        Assert.DoesNotContain("ignored", page);

        var (refused, refusedBody) = await wiki.SendAsync(HttpMethod.Post, "/edit/Uploaded", cookie, Upload([0x47, 0x72, 0xFC, 0x65]));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("<p class=\"error\">&#39;notes.md&#39; is not UTF-8 text.</p>", refusedBody);
    }

    [Fact]
    public async Task An_empty_title_is_a_400_with_the_form_and_a_post_without_the_token_a_403()
    {
        var cookie = await wiki.LoginAsync();
        var (_, formBody) = await wiki.SendAsync(HttpMethod.Get, "/edit/EmptyTitle", cookie);
        var csrf = WikiFixture.Csrf(formBody);

        var (empty, emptyBody) = await wiki.SendAsync(HttpMethod.Post, "/edit/EmptyTitle", cookie, Form(("csrf", csrf), ("title", "  "), ("text", "kept")));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("<p class=\"error\">A page needs a title.</p>", emptyBody);
        Assert.Contains(">kept</textarea>", emptyBody);

        var (forged, forgedBody) = await wiki.SendAsync(HttpMethod.Post, "/edit/EmptyTitle", cookie, Form(("title", "x"), ("text", "y")));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains("came from another site", Cherry.Integration.Tests.Http.ErrorMessage(forgedBody));
        Assert.Equal(HttpStatusCode.NotFound, (await wiki.SendAsync(HttpMethod.Get, "/page/EmptyTitle")).Response.StatusCode);
    }

    [Fact]
    public async Task The_json_api_creates_reads_updates_and_lists_pages()
    {
        var cookie = await wiki.LoginAsync();
        var (created, createdBody) = await wiki.SendAsync(HttpMethod.Post, "/api/pages/", cookie, Json("""{"name":"ApiPage","title":"From the API","text":"one"}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.EndsWith("/api/pages/ApiPage", created.Headers.Location!.ToString());
        Assert.Equal("application/json", created.Content.Headers.ContentType!.ToString());
        Assert.Equal("demo", JsonDocument.Parse(createdBody).RootElement.GetProperty("modifiedBy").GetString());

        var (read, readBody) = await wiki.SendAsync(HttpMethod.Get, "/api/pages/ApiPage");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var page = JsonDocument.Parse(readBody).RootElement;
        Assert.Equal("From the API", page.GetProperty("title").GetString());
        Assert.Equal("one", page.GetProperty("text").GetString());

        var (updated, updatedBody) = await wiki.SendAsync(HttpMethod.Put, "/api/pages/ApiPage", cookie, Json("""{"title":"Renamed","text":"two"}"""));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("two", JsonDocument.Parse(updatedBody).RootElement.GetProperty("text").GetString());
        var (putNew, _) = await wiki.SendAsync(HttpMethod.Put, "/api/pages/ApiPut", cookie, Json("""{"title":"Made by PUT"}"""));
        Assert.Equal(HttpStatusCode.Created, putNew.StatusCode);

        var (_, listBody) = await wiki.SendAsync(HttpMethod.Get, "/api/");
        var names = JsonDocument.Parse(listBody).RootElement.EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("ApiPage", names);
        Assert.Contains("ApiPut", names);
        Assert.Contains("<div class=\"page-text\">two</div>", (await wiki.SendAsync(HttpMethod.Get, "/page/ApiPage")).Body);
    }

    [Fact]
    public async Task A_cached_page_view_is_fresh_right_after_an_edit_by_form_or_api()
    {
        var cookie = await wiki.LoginAsync();
        await wiki.SendAsync(HttpMethod.Put, "/api/pages/Cached", cookie, Json("""{"title":"Cached","text":"first"}"""));
        Assert.Contains("<div class=\"page-text\">first</div>", (await wiki.SendAsync(HttpMethod.Get, "/page/Cached")).Body);
        var (cached, cachedBody) = await wiki.SendAsync(HttpMethod.Get, "/page/Cached");
        Assert.NotNull(cached.Headers.Age);
        Assert.Contains("first", cachedBody);

        var (_, formBody) = await wiki.SendAsync(HttpMethod.Get, "/edit/Cached", cookie);
        var (saved, _) = await wiki.SendAsync(HttpMethod.Post, "/edit/Cached", cookie,
            Form(("csrf", WikiFixture.Csrf(formBody)), ("title", "Cached"), ("text", "second")));
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        var (afterForm, afterFormBody) = await wiki.SendAsync(HttpMethod.Get, "/page/Cached");
        Assert.Null(afterForm.Headers.Age);
        Assert.Contains("<div class=\"page-text\">second</div>", afterFormBody);
        Assert.NotNull((await wiki.SendAsync(HttpMethod.Get, "/page/Cached")).Response.Headers.Age);

        await wiki.SendAsync(HttpMethod.Put, "/api/pages/Cached", cookie, Json("""{"title":"Cached","text":"third"}"""));
        var (afterApi, afterApiBody) = await wiki.SendAsync(HttpMethod.Get, "/page/Cached");
        Assert.Null(afterApi.Headers.Age);
        Assert.Contains("<div class=\"page-text\">third</div>", afterApiBody);
    }

    [Theory]
    [InlineData("PUT", "/api/pages/Bad", """{"text":"no title"}""", 400, "missing required properties including: 'title'")]
    [InlineData("PUT", "/api/pages/Bad", """{"title":null}""", 400, "Invalid JSON document")]
    [InlineData("PUT", "/api/pages/Bad", """{"title":" "}""", 400, "'title': The Title field is required.")]
    [InlineData("PUT", "/api/pages/Bad", """{"title":5}""", 400, "Invalid JSON document")]
    [InlineData("PUT", "/api/pages/Bad", """{"title":""", 400, "Invalid JSON document")]
    [InlineData("PUT", "/api/pages/Bad", "null", 400, "Parameter 'page' needs a JSON value, not null.")]
    [InlineData("POST", "/api/pages/", "null", 400, "Parameter 'page' needs a JSON value, not null.")]
    [InlineData("POST", "/api/pages/", """{"title":"no name"}""", 400, "'name'")]
    [InlineData("POST", "/api/pages/", """{"name":"a/b","title":"t"}""", 400, "A page name is")]
    [InlineData("POST", "/api/pages/", """{"name":"FrontPage","title":"t"}""", 409, "A page named 'FrontPage' exists")]
    [InlineData("GET", "/api/pages/NoSuchPage", null, 404, "There is no page named 'NoSuchPage'.")]
    public async Task The_json_api_refuses_client_mistakes_without_a_500(string method, string url, string? json, int status, string message)
    {
        var cookie = await wiki.LoginAsync();
        var (response, body) = await wiki.SendAsync(new HttpMethod(method), url, cookie, json is null ? null : Json(json));
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains(message, Cherry.Integration.Tests.Http.ErrorMessage(body));
        // The API's handlers are [JsonOut]: their errors are problem documents.
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(status, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task The_json_api_refuses_ill_formed_utf8_with_a_400()
    {
        var cookie = await wiki.LoginAsync();
        var content = new ByteArrayContent([.. "{\"name\":\"Bad\",\"title\":\""u8, 0xFF, 0xFE, .. "\"}"u8]);
        content.Headers.ContentType = new("application/json");
        var (response, body) = await wiki.SendAsync(HttpMethod.Post, "/api/pages/", cookie, content);
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("Invalid JSON document: the body is not valid UTF-8", Cherry.Integration.Tests.Http.ErrorMessage(body));
        Assert.Equal(404, (int)(await wiki.SendAsync(HttpMethod.Get, "/api/pages/Bad")).Response.StatusCode);
    }

    [Fact]
    public async Task Writing_through_the_api_needs_a_login()
    {
        var (response, body) = await wiki.SendAsync(HttpMethod.Put, "/api/pages/Anonymous", content: Json("""{"title":"x"}"""));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.StartsWith("Log in first", Cherry.Integration.Tests.Http.ErrorMessage(body));
    }

    [Theory]
    [InlineData("/page/FrontPage", "text/html")]
    [InlineData("/api/", "application/json")]
    [InlineData("/api/pages/FrontPage", "application/json")]
    public async Task Html_and_json_are_gzipped(string url, string type)
    {
        var (response, _) = await wiki.SendAsync(HttpMethod.Get, url, acceptEncoding: "gzip");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(type, response.Content.Headers.ContentType!.ToString());
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
    }

    [Fact]
    public async Task The_stylesheet_is_gzipped_cached_and_carries_expiry_headers()
    {
        var (first, _) = await wiki.SendAsync(HttpMethod.Get, "/static/wiki.css", acceptEncoding: "gzip");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.StartsWith("text/css", first.Content.Headers.ContentType!.ToString());
        Assert.Equal("gzip", Assert.Single(first.Content.Headers.ContentEncoding));
        Assert.Equal("public, max-age=86400", first.Headers.CacheControl!.ToString());
        var expires = first.Content.Headers.Expires!.Value;
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromHours(23), TimeSpan.FromHours(25));
        Assert.False(first.Headers.Contains("Set-Cookie"), "an asset sets no session cookie");
        using (var gzip = new GZipStream(await first.Content.ReadAsStreamAsync(), CompressionMode.Decompress))
        using (var reader = new StreamReader(gzip))
        {
            Assert.Contains("font-family", await reader.ReadToEndAsync());
        }

        var (second, _) = await wiki.SendAsync(HttpMethod.Get, "/static/wiki.css", acceptEncoding: "gzip");
        Assert.NotNull(second.Headers.Age);   // served from the caching tool's store

        var (plain, plainBody) = await wiki.SendAsync(HttpMethod.Get, "/static/wiki.css");
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Contains("font-family", plainBody);
    }

    [Theory]
    [InlineData("/static/nope.css")]
    [InlineData("/static/..%2Fwiki.conf")]
    public async Task Only_the_assets_found_at_start_up_are_served(string url)
    {
        var (response, _) = await wiki.SendAsync(HttpMethod.Get, url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
