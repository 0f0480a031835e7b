using System.Net;
using System.Text;

namespace Wiki;

/// <summary>The wiki's HTML. Everything a person typed (titles, text, names, messages) goes through <see cref="E"/>.</summary>
public static class Html
{
    /// <summary>HTML-escapes text for element content and double-quoted attribute values.</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string Layout(string title, string? user, string body)
    {
        var account = user is null
            ? """<a href="/edit/">Log in</a>"""
            : $"""
              Logged in as <strong>{E(user)}</strong>
              <form method="post" action="/edit/do_logout" style="display:inline">
                <input type="hidden" name="from_page" value="/" /><button type="submit">Log out</button>
              </form>
              """;
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8" />
              <title>{E(title)} - Wiki</title>
              <link rel="stylesheet" href="/static/wiki.css" />
            </head>
            <body>
            <header><a href="/">Wiki</a><span class="account">{account}</span></header>
            {body}
            <footer>A Cherry sample. The JSON API lives under <a href="/api/">/api/</a>.</footer>
            </body>
            </html>
            """;
    }

    public static string PageList(IReadOnlyList<WikiPage> pages, string? user)
    {
        var items = new StringBuilder();
        foreach (var page in pages)
        {
            items.Append($"""<li><a href="/page/{E(page.Name)}">{E(page.Title)}</a> <small>({E(page.Name)})</small></li>""").Append('\n');
        }
        return Layout("All pages", user, $"""
            <h1>All pages</h1>
            <ul class="pages">
            {items}</ul>
            <form method="get" action="/edit/"><input type="text" name="name" placeholder="NewPageName" /> <button type="submit">Create or edit</button></form>
            """);
    }

    public static string Page(WikiPage page, string? user) => Layout(page.Title, user, $"""
        <h1 class="title">{E(page.Title)}</h1>
        <div class="page-text">{E(page.Text)}</div>
        <p><a href="/edit/{E(page.Name)}">Edit this page</a> · last changed {page.Modified:u} by {E(page.ModifiedBy)}</p>
        """);

    public static string EditForm(string name, string title, string text, string csrf, string user, string? error) => Layout("Edit " + name, user, $"""
        <h1>Edit {E(name)}</h1>
        {(error is null ? "" : $"""<p class="error">{E(error)}</p>""")}
        <form class="edit" method="post" action="/edit/{E(name)}" enctype="multipart/form-data">
          <input type="hidden" name="csrf" value="{E(csrf)}" />
          <label for="title">Title</label>
          <input type="text" id="title" name="title" value="{E(title)}" />
          <label for="text">Text</label>
          <textarea id="text" name="text">{E(text)}</textarea>
          <label for="file">Or the text from a file (UTF-8)</label>
          <input type="file" id="file" name="file" accept="text/*,.md,.txt" />
          <p><button type="submit">Save</button> <a href="/page/{E(name)}">Cancel</a></p>
        </form>
        """);

    public static string LoginScreen(string fromPage, string user, string? error) => Layout("Log in", null, $"""
        <h1>Log in</h1>
        {(error is null ? "" : $"""<p class="error">{E(error)}</p>""")}
        <form class="edit" method="post" action="/edit/do_login">
          <label for="username">User name</label>
          <input type="text" id="username" name="username" value="{E(user)}" />
          <label for="password">Password</label>
          <input type="password" id="password" name="password" />
          <input type="hidden" name="from_page" value="{E(fromPage)}" />
          <p><button type="submit">Log in</button></p>
        </form>
        <p>The demo user is <code>demo</code> with the password <code>demo</code>.</p>
        """);
}
