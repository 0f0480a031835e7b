using System.Net;

namespace Cherry.Integration.Tests;

/// <summary>cases.md §1: object-tree dispatch, against the reference-app mirror over a real socket.</summary>
public sealed class DispatchTests(ReferenceAppFixture fixture) : IClassFixture<ReferenceAppFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Theory]
    [InlineData("/", "Hello world")]
    [InlineData("/?name=Bob", "Hello Bob")]
    [InlineData("/dir1/", "dir1 index")]
    [InlineData("/dir1/leaf", "dir1 leaf, path_info=/dir1/leaf")]
    [InlineData("/dir1/dir2/", "dir2 index, path_info=/dir1/dir2/")]
    [InlineData("/dir1/dir2/posparam/18/24/hut", "posparam:18/24/hut")]
    [InlineData("/dir1/dir2/5/3", "dir1 default args=('dir2', '5', '3') kwargs=[]")]
    [InlineData("/this/does/not/exist", "root default args=('this', 'does', 'not', 'exist')")]
    [InlineData("/not_exposed", "root default args=('not_exposed',)")]
    [InlineData("/translate.html", "translated")]
    [InlineData("/translate-html", "translated")]
    [InlineData("/translate_html", "translated")]
    [InlineData("/page%2Fname", "root default args=('page/name',)")]
    [InlineData("/args?a=1", "a=1 b=B rest=() kw=[]")]
    [InlineData("/args/1/2/3/4?k=v", "a=1 b=2 rest=('3', '4') kw=[('k', 'v')]")]
    [InlineData("/multi?x=1&x=2", "multi x=['1', '2']")]
    [InlineData("/defnoindex", "defnoindex default args=() is_index=False")]
    [InlineData("/defnoindex/", "defnoindex default args=() is_index=True")]
    [InlineData("/defnoindex/a/b", "defnoindex default args=('a', 'b') is_index=False")]
    [InlineData("/blog/", "blog year=None month=None")]
    [InlineData("/blog/2009/", "blog year=2009 month=None")]
    [InlineData("/blog/2009/12/", "blog year=2009 month=12")]
    [InlineData("/blog/create", "blog create")]
    [InlineData("/dyn/", "dyn root")]
    [InlineData("/dyn/42/", "dyn node 42")]
    [InlineData("/dyn/42/info", "dyn info 42")]
    [InlineData("/dyn/abc", "root default args=('dyn', 'abc')")]
    [InlineData("/mounted/app/", "mounted index sn='/mounted/app' pi='/'")]
    [InlineData("/mounted", "root default args=('mounted',)")]
    [InlineData("/typed?limit=5", "limit=5 type=int")]
    [InlineData("/index?name=direct", "Hello direct")]
    [InlineData("/slow", "slow done")]
    // Two overloads of one method, each at its own segment.
    [InlineData("/pick_text?text=x", "text x")]
    [InlineData("/pick_number?number=41", "number 42")]
    public async Task Dispatch_answers_like_CherryPy(string url, string expected)
    {
        var (response, body) = await _client.FetchAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, body);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task Mounted_app_builds_urls_with_its_script_name()
    {
        var (_, body) = await _client.FetchAsync("/mounted/app/here");
        Assert.Equal(new Uri(fixture.Server.Address, "/mounted/app/here").ToString(), body);
    }

    [Theory]
    [InlineData("/dir1", "/dir1/")]
    [InlineData("/dir1?x=1", "/dir1/?x=1")]
    [InlineData("/dir1/dir2", "/dir1/dir2/")]
    [InlineData("/dir1/leaf/", "/dir1/leaf")]
    // The query string goes with the redirect both ways, as sent.
    [InlineData("/dir1/leaf/?x=1&y=%20b", "/dir1/leaf?x=1&y=%20b")]
    [InlineData("/dir1/dir2?a=1&a=2", "/dir1/dir2/?a=1&a=2")]
    [InlineData("/mounted/app", "/mounted/app/")]
    public async Task Trailing_slash_redirects_GET_with_301(string url, string location)
    {
        var (response, body) = await _client.FetchAsync(url);
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        // As sent: escapes stay escaped (Uri.ToString would decode them), and the page escapes the URL for HTML.
        var expected = fixture.Server.Address.GetLeftPart(UriPartial.Authority) + location;
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
        var html = System.Net.WebUtility.HtmlEncode(expected);
        Assert.Equal($"This resource has permanently moved to <a href=\"{html}\">{html}</a>.", body);
    }

    [Fact]
    public async Task Trailing_slash_keeps_the_method_for_POST_with_308()
    {
        var (response, _) = await _client.FetchAsync(HttpMethod.Post, "/dir1", "a=1", "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal(new Uri(fixture.Server.Address, "/dir1/").ToString(), response.Headers.Location!.ToString());
    }

    [Theory]
    [InlineData("/dir1/leaf?dummy=1", HttpStatusCode.NotFound, "Unexpected query string parameters: dummy")]
    [InlineData("/one", HttpStatusCode.NotFound, "Missing parameters: p1")]
    // CherryPy joins missing and repeated names with a bare comma, unexpected ones with ", " (issue 24, finding 13).
    [InlineData("/signin", HttpStatusCode.NotFound, "Missing parameters: mail,pwd")]
    [InlineData("/signin/a/b?mail=x&pwd=y", HttpStatusCode.NotFound, "Multiple values for parameters: mail,pwd")]
    [InlineData("/one?p1=x&e1=1&e2=2", HttpStatusCode.NotFound, "Unexpected query string parameters: e1, e2")]
    [InlineData("/one?p1=x&extra=y", HttpStatusCode.NotFound, "Unexpected query string parameters: extra")]
    [InlineData("/one/x?p1=y", HttpStatusCode.NotFound, "Multiple values for parameters: p1")]
    [InlineData("/nothing/extra", HttpStatusCode.NotFound, "Nothing matches the given URI")]
    [InlineData("/typed?limit=abc", HttpStatusCode.BadRequest, "Parameter 'limit' expects an integer; 'abc' is not one.")]
    [InlineData("/one?p1=a&p1=b", HttpStatusCode.NotFound, "Multiple values for parameters: p1")]
    [InlineData("/mounted/app/nope/nope", HttpStatusCode.NotFound, "The path '/mounted/app/nope/nope' was not found.")]
    public async Task Argument_mismatches_follow_CherryPys_matrix(string url, HttpStatusCode status, string message)
    {
        var (response, body) = await _client.FetchAsync(url);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(message, Http.ErrorMessage(body));
    }

    [Theory]
    [InlineData("/one", "p1=x&extra=y", "Unexpected body parameters: extra")]
    [InlineData("/one/pos", "p1=x", "Multiple values for parameters: p1")]
    [InlineData("/signin/a/b", "mail=x&pwd=y", "Multiple values for parameters: mail,pwd")]
    public async Task Body_parameter_mismatches_are_400(string url, string form, string message)
    {
        var (response, body) = await _client.FetchAsync(HttpMethod.Post, url, form, "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, Http.ErrorMessage(body));
    }

    [Fact]
    public async Task Form_body_binds_to_parameters()
    {
        var (response, body) = await _client.FetchAsync(HttpMethod.Post, "/one", "p1=from+body", "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("one p1=from body", body);
    }

    [Fact]
    public async Task Typed_binding_converts_guid_date_enum_bool_double_and_arrays()
    {
        var id = Guid.NewGuid();
        var (response, body) = await _client.FetchAsync($"/kinds?id={id}&when=2024-05-01T10:00:00%2B02:00&color=green&flag=true&ratio=1.25&ids=3&ids=4");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"id={id} when=2024-05-01T10:00:00.0000000+02:00 color=Green flag=True ratio=1.25 ids=3,4", body);
    }

    [Theory]
    [InlineData("/kinds?id=nope&when=2024-01-01&color=red", "Parameter 'id' expects a GUID; 'nope' is not one.")]
    [InlineData("/kinds?id=7d3c6f3e-0000-0000-0000-000000000000&when=2024-01-01&color=blue", "Parameter 'color' expects one of Red, Green; 'blue' is not one.")]
    [InlineData("/kinds?id=7d3c6f3e-0000-0000-0000-000000000000&when=2024-01-01&color=1", "Parameter 'color' expects one of Red, Green; '1' is not one.")]
    [InlineData("/kinds?id=7d3c6f3e-0000-0000-0000-000000000000&when=2024-01-01&color=red&ids=x", "Parameter 'ids' expects an integer; 'x' is not one.")]
    public async Task Typed_binding_failures_are_400_with_the_parameter_named(string url, string message)
    {
        var (response, body) = await _client.FetchAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, Http.ErrorMessage(body));
    }

    [Fact]
    public async Task Head_keeps_the_GET_length_without_a_body()
    {
        var (response, body) = await _client.FetchAsync(HttpMethod.Head, "/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(11, response.Content.Headers.ContentLength);
        Assert.Equal("", body);
    }

    [Fact]
    public async Task Url_helper_resolves_relative_and_server_paths()
    {
        Assert.Equal(new Uri(fixture.Server.Address, "/x").ToString(), (await _client.FetchAsync("/url?path=x")).Body);
        Assert.Equal("/abs", (await _client.FetchAsync("/url?path=/abs&relative=server")).Body);
    }
}
