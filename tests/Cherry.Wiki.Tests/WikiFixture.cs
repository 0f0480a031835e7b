using System.Net;
using System.Text.RegularExpressions;
using Cherry.Integration.Tests;
using Wiki;

namespace Cherry.Wiki.Tests;

/// <summary>The wiki as Program.cs sets it up, on a real Kestrel socket, with the test output folder as content root.</summary>
public sealed partial class WikiFixture : IAsyncLifetime
{
    public CherryServer Server { get; private set; } = null!;

    public HttpClient Client => Server.Client;

    public async Task InitializeAsync() =>
        Server = await CherryServer.StartAsync(WikiApp.Map, services: WikiApp.AddServices, contentRoot: AppContext.BaseDirectory);

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>Logs the demo user in through session_auth; returns the Cookie header value to send.</summary>
    public async Task<string> LoginAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/edit/do_login")
        {
            Content = new FormUrlEncodedContent([new("username", WikiApp.DemoUser), new("password", WikiApp.DemoPassword), new("from_page", "/")]),
        };
        var response = await Client.SendAsync(request);
        Assert.True(response.StatusCode is HttpStatusCode.SeeOther or HttpStatusCode.Found or HttpStatusCode.MovedPermanently, $"login answered {response.StatusCode}");
        return Cookie(response) ?? throw new InvalidOperationException("login set no session cookie");
    }

    public static string? Cookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]).FirstOrDefault(v => v.StartsWith("wiki_sid=", StringComparison.Ordinal)) : null;

    public async Task<(HttpResponseMessage Response, string Body)> SendAsync(HttpMethod method, string url, string? cookie = null, HttpContent? content = null, string? acceptEncoding = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }
        if (acceptEncoding is not null)
        {
            request.Headers.Add("Accept-Encoding", acceptEncoding);
        }
        return await Client.FetchAsync(request);
    }

    /// <summary>The CSRF token of an edit form.</summary>
    public static string Csrf(string form) => CsrfPattern().Match(form) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("no csrf field in:\n" + form);

    [GeneratedRegex("name=\"csrf\" value=\"([0-9A-F]+)\"")]
    private static partial Regex CsrfPattern();
}
