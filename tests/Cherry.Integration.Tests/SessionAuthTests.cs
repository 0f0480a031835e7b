using System.Net;
using Cherry.Integration.Tests.App;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Cherry.Integration.Tests;

public sealed class SessionAuthFixture : IAsyncLifetime
{
    public CherryServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await CherryServer.StartAsync(
        app => app.MapCherry<SessionAuthRoot>("/", o => o
            .Set("/sauth", "tools.sessions.on", "True")
            .Set("/sauth", "tools.sessions.name", "auth_sid")
            .Set("/sauth", "tools.session_auth.on", "True")),
        services: s => s.AddKeyedSingleton("default", new SessionAuthenticator
        {
            CheckUsernameAndPassword = (user, password) => user == "test" && password == "password" ? null : "Wrong login/password",
            OnCheck = (request, user) => request.Response.Headers["X-Checked"] = user,
        }));

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>cases.md §11 (session_auth) over HTTP; the browser flow is in <see cref="BrowserTests"/>.</summary>
public sealed class SessionAuthTests(SessionAuthFixture fixture) : IClassFixture<SessionAuthFixture>
{
    private readonly HttpClient _client = fixture.Server.Client;

    private string Absolute(string path) => new Uri(fixture.Server.Address, path).ToString();

    private static string Sid(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("auth_sid=", StringComparison.Ordinal)).Split(';')[0].Split('=')[1];

    private async Task<(HttpResponseMessage Response, string Body)> PostAsync(string path, string form, string? sid)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded") };
        if (sid is not null)
        {
            request.Headers.Add("Cookie", "auth_sid=" + sid);
        }
        return await _client.FetchAsync(request);
    }

    [Fact]
    public async Task Without_a_login_every_page_is_the_login_form_pointing_back()
    {
        var (response, body) = await _client.FetchAsync("/sauth/anything?x=1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.ToString());
        Assert.Contains($"name=\"from_page\" value=\"{Absolute("/sauth/anything?x=1")}\"", body);
        Assert.Contains("value=\"..\"", (await _client.FetchAsync("/sauth/login_screen")).Body);
    }

    [Fact]
    public async Task An_api_client_gets_401_problem_documents_where_a_browser_gets_the_form()
    {
        // A [JsonOut] handler, whatever the client accepts.
        var (api, problem) = await _client.FetchAsync("/sauth/me");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"Cookie form-action=\"{Absolute("/sauth/do_login")}\"", api.Headers.WwwAuthenticate.ToString());
        Assert.Contains("Sign in first.", problem);
        // An HTML page asked for by a client that accepts JSON only.
        var (json, _) = await _client.FetchAsync("/sauth/", ("Accept", "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, json.StatusCode);
        Assert.Equal("application/problem+json", json.Content.Headers.ContentType!.MediaType);
        // A browser keeps the form.
        var (browser, form) = await _client.FetchAsync("/sauth/", ("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));
        Assert.Equal(HttpStatusCode.OK, browser.StatusCode);
        Assert.Contains("<form method=\"post\" action=\"do_login\">", form);

        // A wrong password from an API client is a 401 too; the right one signs the session in, and the API answers.
        using var wrong = new HttpRequestMessage(HttpMethod.Post, "/sauth/do_login") { Content = new StringContent("username=test&password=nope", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded") };
        wrong.Headers.Add("Accept", "application/json");
        var (refused, detail) = await _client.FetchAsync(wrong);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("Wrong login/password", detail);
        var (signedIn, _) = await PostAsync("/sauth/do_login", "username=test&password=password", null);
        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        using var me = new HttpRequestMessage(HttpMethod.Get, "/sauth/me");
        me.Headers.Add("Cookie", "auth_sid=" + Sid(signedIn));
        var (answer, body) = await _client.FetchAsync(me);
        Assert.Equal((HttpStatusCode.OK, "[\"test\"]"), (answer.StatusCode, body));
    }

    [Fact]
    public async Task The_login_form_escapes_what_the_client_sent()
    {
        var (_, body) = await _client.FetchAsync("/sauth/x?a=%22%3E%3Cscript%3Ealert(1)%3C/script%3E");
        Assert.DoesNotContain("<script>", body);
        var (_, form) = await PostAsync("/sauth/do_login", "username=%22%3E%3Cscript%3E&password=nope&from_page=%22%3E%3Cscript%3E", null);
        Assert.DoesNotContain("<script>", form);
        Assert.Contains("value=\"&quot;&gt;&lt;script&gt;\"", form);
    }

    [Fact]
    public async Task Login_and_logout_are_post_only()
    {
        foreach (var path in new[] { "/sauth/do_login", "/sauth/do_logout" })
        {
            var (response, _) = await _client.FetchAsync(path);
            Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
            Assert.Equal("POST", string.Join(",", response.Content.Headers.Allow));
        }
    }

    [Fact]
    public async Task The_whole_flow_regenerates_the_id_and_keeps_redirects_on_site()
    {
        var sid = Sid((await _client.FetchAsync("/sauth/")).Response);
        var (wrong, form) = await PostAsync("/sauth/do_login", "username=test&password=nope&from_page=/sauth/", sid);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Message: Wrong login/password", form);
        Assert.Contains("value=\"test\"", form);

        var (login, _) = await PostAsync("/sauth/do_login", "username=test&password=password&from_page=/sauth/", sid);
        Assert.Equal(HttpStatusCode.SeeOther, login.StatusCode);
        Assert.Equal(Absolute("/sauth/"), login.Headers.Location!.ToString());
        var loggedIn = Sid(login);
        Assert.NotEqual(sid, loggedIn);

        var (page, body) = await _client.FetchAsync("/sauth/", ("Cookie", "auth_sid=" + loggedIn));
        Assert.Equal("text/html; charset=utf-8", page.Content.Headers.ContentType!.ToString());
        Assert.Equal("Hi test, you are logged in", body);
        Assert.Equal("test", page.Headers.GetValues("X-Checked").Single());
        Assert.Contains("from_page", (await _client.FetchAsync("/sauth/", ("Cookie", "auth_sid=" + sid))).Body);

        var (logout, _) = await PostAsync("/sauth/do_logout", "from_page=/sauth/", loggedIn);
        Assert.Equal(HttpStatusCode.SeeOther, logout.StatusCode);
        Assert.Contains("from_page", (await _client.FetchAsync("/sauth/", ("Cookie", "auth_sid=" + loggedIn))).Body);
    }

    [Theory]
    [InlineData("http://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("///evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("\\\\evil.example/")]
    [InlineData("http:evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("javascript:alert(1)")]
    public async Task From_page_on_another_site_is_not_followed(string fromPage)
    {
        // CherryPy redirects to http://evil.example/; each form here is one a browser would take off site.
        var sid = Sid((await _client.FetchAsync("/sauth/")).Response);
        var (login, _) = await PostAsync("/sauth/do_login", "username=test&password=password&from_page=" + Uri.EscapeDataString(fromPage), sid);
        Assert.Equal(HttpStatusCode.SeeOther, login.StatusCode);
        var location = login.Headers.Location!;
        Assert.True(location.IsAbsoluteUri, location.ToString());
        Assert.Equal(fixture.Server.Address.Authority, location.Authority);
        Assert.Equal("http", location.Scheme);
    }
}
