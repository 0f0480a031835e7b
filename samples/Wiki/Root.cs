using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Cherry;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Wiki;

/// <summary>
/// The site: <c>/</c> lists pages, <c>/page/{name}</c> shows one (anyone may read), <c>/edit/...</c> changes them
/// (session_auth, see wiki.conf), <c>/api/...</c> is the JSON API, <c>/static/...</c> the assets (<see cref="Assets"/>).
/// Page views are kept in the response cache (wiki.conf's [/page]); every edit drops the page's cached views through
/// <paramref name="cache"/>, so a reader sees the change at once.
/// </summary>
/// <remarks>
/// <c>app.MapCherry&lt;Root&gt;()</c> builds it at start-up with generated code: the page store, the cache invalidator
/// and the content folders come from DI (WikiApp.AddServices).
/// </remarks>
public sealed class Root(PageStore store, CacheInvalidator cache, WikiContent content)
{
    /// <summary>The session key session_auth keeps the user name under.</summary>
    public const string UserKey = "username";

    public Editor Edit { get; } = new(store, cache);

    public Api Api { get; } = new(store, cache);

    public Assets Static { get; } = new(content.StaticDirectory);

    internal static string? User(Request request) => request.Session?[UserKey];

    /// <summary>The URL path of a page's view, which edits drop from the cache.</summary>
    internal static string PagePath(string name) => "/page/" + name;

    [Exposed]
    public string Index(Request request) => Html.PageList(store.All(), User(request));

    /// <summary>
    /// <c>/page/FrontPage</c>: an unknown page is a 404, a malformed name a 400. One cached copy serves every reader
    /// (wiki.conf turns sessions off here, since each session answer sets its cookie), so the view names no user.
    /// </summary>
    [Exposed]
    public string Page(string name) => Html.Page(store.Get(name), user: null);
}

/// <summary>
/// <c>/edit/{name}</c>: GET shows the form, POST saves it; the text may come from an uploaded UTF-8 file instead of
/// the text box. Everything under /edit needs a login.
/// </summary>
public sealed class Editor(PageStore store, CacheInvalidator cache)
{
    private const string CsrfKey = "csrf";

    /// <summary><c>/edit/?name=X</c> (the "Create or edit" box) goes to <c>/edit/X</c>.</summary>
    [Exposed, ProducesResponseType(303), ProducesResponseType(400)]
    public string Index(Request request, string? name = null)
    {
        if (!string.IsNullOrWhiteSpace(name))
        {
            throw new HttpRedirect(request.Url("/edit/" + Uri.EscapeDataString(PageStore.CheckName(name.Trim()))), 303);
        }
        throw new HttpRedirect(request.Url("/"), 303);
    }

    [Exposed, Allow("GET", "HEAD", "POST"), ProducesResponseType(200), ProducesResponseType(303), ProducesResponseType(400), ProducesResponseType(403)]
    public async Task<string> Default(Request request, string name, string? title = null, string? text = null, string? csrf = null, Part? file = null)
    {
        PageStore.CheckName(name);
        var session = request.RequiredSession;
        var user = request.Login ?? throw new HttpError(403);
        if (request.Method != "POST")
        {
            var page = store.Find(name);
            return Html.EditForm(name, page?.Title ?? name, page?.Text ?? "", Token(session), user, null);
        }
        // A form posted from another site has no token (the session cookie alone is not enough).
        if (csrf is null || session[CsrfKey] is not { } expected
            || !CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(csrf), System.Text.Encoding.UTF8.GetBytes(expected)))
        {
            throw new HttpError(403, "The form is stale or came from another site; reload it and try again.");
        }
        try
        {
            if (file is { Length: > 0 })
            {
                text = await ReadTextAsync(file, request.Aborted);
            }
            store.Save(name, title, text, user);
        }
        catch (HttpError error) when (error.StatusCode == 400)
        {
            // Show the form again with what was typed and the reason, still as a 400.
            request.Response.StatusCode = 400;
            return Html.EditForm(name, title ?? "", text ?? "", Token(session), user, error.Message);
        }
        await cache.InvalidatePathAsync(Root.PagePath(name), request.Aborted);
        throw new HttpRedirect(request.Url(Root.PagePath(name)), 303);
    }

    /// <summary>An uploaded file's text: UTF-8 (a byte-order mark is dropped), no longer than a page's text may be.</summary>
    private static async Task<string> ReadTextAsync(Part file, CancellationToken cancellation)
    {
        // Four bytes per character at most: anything longer cannot fit, so it is not read.
        if (file.Length > PageStore.MaxTextLength * 4L)
        {
            throw new HttpError(400, $"The file is longer than a page's {PageStore.MaxTextLength:N0} characters.");
        }
        try
        {
            return new System.Text.UTF8Encoding(false, true).GetString(await file.ReadAllBytesAsync(cancellation)).TrimStart('\uFEFF');
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new HttpError(400, $"'{file.FileName}' is not UTF-8 text.");
        }
    }

    private static string Token(Session session) =>
        session[CsrfKey] ??= Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}

/// <summary><c>/api/</c> lists pages; <c>/api/pages/{name}</c> reads (GET), creates or replaces (PUT) one; <c>POST /api/pages/</c> creates.</summary>
public sealed class Api(PageStore store, CacheInvalidator cache)
{
    public PagesResource Pages { get; } = new(store, cache);

    [Exposed, JsonOut]
    public PageSummary[] Index() => store.All().Select(p => new PageSummary(p.Name, p.Title, p.Modified)).ToArray();

    /// <summary><c>/api/export</c>: every page whole, a backup for editors (an API key with the editor role).</summary>
    [Exposed, JsonOut, Authorize(Policy = WikiApp.EditorsPolicy)]
    public PageDto[] Export() => store.All().Select(PageDto.From).ToArray();

    /// <summary><c>/api/search?q=tea</c>: the pages whose title or text holds the words; each client may search 20 times a minute.</summary>
    [Exposed, JsonOut, EnableRateLimiting(WikiApp.SearchPolicy), ProducesResponseType(200), ProducesResponseType(429)]
    public PageSummary[] Search([Required, StringLength(50, MinimumLength = 2)] string q) =>
        store.Search(q).Select(p => new PageSummary(p.Name, p.Title, p.Modified)).ToArray();
}

/// <summary>
/// Reads are open; writes need the session of a logged-in user (log in through <c>/edit/do_login</c> and send the
/// <c>wiki_sid</c> cookie), otherwise 403.
/// </summary>
[Rest]
public sealed class PagesResource(PageStore store, CacheInvalidator cache)
{
    [JsonOut, ProducesResponseType(200), ProducesResponseType(400), ProducesResponseType(404)]
    public PageDto Get(string name) => PageDto.From(store.Get(name));

    [JsonOut, ProducesResponseType(200), ProducesResponseType(201), ProducesResponseType(400), ProducesResponseType(403)]
    public async Task<PageDto> Put(Request request, string name, [JsonBody] PageInput page)
    {
        var user = RequireUser(request);
        var created = store.Save(name, page.Title, page.Text, user);
        await cache.InvalidatePathAsync(Root.PagePath(name), request.Aborted);
        request.Response.StatusCode = created ? 201 : 200;
        return PageDto.From(store.Get(name));
    }

    [JsonOut, ProducesResponseType(201), ProducesResponseType(400), ProducesResponseType(403), ProducesResponseType(409)]
    public PageDto Post(Request request, [JsonBody] NewPageInput page)
    {
        var user = RequireUser(request);
        if (store.Find(PageStore.CheckName(page.Name)) is not null)
        {
            throw new HttpError(409, $"A page named '{page.Name}' exists; PUT /api/pages/{page.Name} replaces it.");
        }
        store.Save(page.Name, page.Title, page.Text, user);
        request.Response.StatusCode = 201;
        request.Response.Headers.Location = request.Url("/api/pages/" + page.Name);
        return PageDto.From(store.Get(page.Name));
    }

    /// <summary>Deleting takes an editor's API key (<c>Authorization: ApiKey ...</c>): 401 without one, 403 for a reader's.</summary>
    [Authorize(Policy = WikiApp.EditorsPolicy), ProducesResponseType(204), ProducesResponseType(400), ProducesResponseType(404)]
    public async Task Delete(Request request, string name)
    {
        if (!store.Delete(name))
        {
            throw new HttpError(404, $"There is no page named '{name}'.");
        }
        await cache.InvalidatePathAsync(Root.PagePath(name), request.Aborted);
        request.Response.StatusCode = 204;
    }

    private static string RequireUser(Request request) =>
        Root.User(request) ?? throw new HttpError(403, "Log in first (POST /edit/do_login); the API uses the same session cookie.");
}
