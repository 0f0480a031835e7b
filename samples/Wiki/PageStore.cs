using System.Collections.Concurrent;

namespace Wiki;

/// <summary>One wiki page: its URL name, a title and plain text.</summary>
public sealed record WikiPage(string Name, string Title, string Text, DateTimeOffset Modified, string ModifiedBy);

/// <summary>
/// The pages, in memory (a singleton in DI; restart and the edits are gone). Names are checked here so the HTML and
/// the JSON side agree on what a valid page name and title are; a bad one is a 400 with a message, never a 500.
/// </summary>
public sealed class PageStore
{
    /// <summary>What <see cref="CheckName"/> accepts, for the JSON API's [RegularExpression].</summary>
    public const string NamePattern = "^[A-Za-z0-9_-]{1,64}$";

    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 100_000;

    private readonly ConcurrentDictionary<string, WikiPage> _pages = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public PageStore(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        Save("FrontPage", "Welcome to the wiki", "This wiki is a Cherry sample.\n\nLog in as demo / demo to edit a page.", "system");
    }

    public IReadOnlyList<WikiPage> All() => _pages.Values.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();

    public WikiPage? Find(string name) => _pages.TryGetValue(name, out var page) ? page : null;

    /// <summary>The page, or a 404 naming it.</summary>
    public WikiPage Get(string name) =>
        Find(CheckName(name)) ?? throw new Cherry.HttpError(404, $"There is no page named '{name}'.");

    /// <summary>Creates or replaces a page; true when it was new.</summary>
    public bool Save(string name, string? title, string? text, string user)
    {
        CheckName(name);
        title = title?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            throw new Cherry.HttpError(400, "A page needs a title.");
        }
        if (title.Length > MaxTitleLength)
        {
            throw new Cherry.HttpError(400, $"A title has at most {MaxTitleLength} characters.");
        }
        text ??= "";
        if (text.Length > MaxTextLength)
        {
            throw new Cherry.HttpError(400, $"A page's text has at most {MaxTextLength} characters.");
        }
        var page = new WikiPage(name, title, text.Replace("\r\n", "\n", StringComparison.Ordinal), _time.GetUtcNow(), user);
        var created = true;
        _pages.AddOrUpdate(name, page, (_, _) => { created = false; return page; });
        return created;
    }

    /// <summary>Removes a page; false when there was none.</summary>
    public bool Delete(string name) => _pages.TryRemove(CheckName(name), out _);

    /// <summary>The pages whose title or text holds <paramref name="text"/>, ignoring case.</summary>
    public IReadOnlyList<WikiPage> Search(string text) =>
        All().Where(p => p.Title.Contains(text, StringComparison.OrdinalIgnoreCase) || p.Text.Contains(text, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>Page names are 1 to 64 ASCII letters, digits, '-' or '_' (they appear in URLs as they are).</summary>
    public static string CheckName(string name)
    {
        if (name.Length is 0 or > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new Cherry.HttpError(400, "A page name is 1 to 64 letters, digits, '-' or '_'.");
        }
        return name;
    }
}
