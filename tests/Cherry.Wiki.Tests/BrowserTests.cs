using Cherry.Integration.Tests;

namespace Cherry.Wiki.Tests;

/// <summary>A person logs in, edits a page and sees the change, in headless Chromium (screenshots in the test output).</summary>
public sealed class BrowserTests(WikiFixture wiki) : IClassFixture<WikiFixture>
{
    private static string Screenshot(string name) => Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png");

    [Fact]
    public async Task A_person_logs_in_edits_a_page_and_sees_the_change()
    {
        await using var browser = await HeadlessChromium.StartAsync();
        await browser.NavigateAsync(new Uri(wiki.Server.Address, "/page/FrontPage").ToString());
        Assert.Equal("Welcome to the wiki", await browser.EvaluateAsync("document.querySelector('h1').innerText"));
        // The stylesheet loaded and applies.
        Assert.Equal("pre-wrap", await browser.EvaluateAsync("getComputedStyle(document.querySelector('.page-text')).whiteSpace"));

        await browser.LoadAsync(() => browser.EvaluateAsync("document.querySelector('a[href=\"/page/FrontPage\"], a[href=\"/edit/FrontPage\"]').click()"));
        Assert.Contains("User name", await browser.EvaluateAsync("document.body.innerText"));
        await browser.ScreenshotAsync(Screenshot("wiki-login"));

        await browser.LoadAsync(() => browser.EvaluateAsync(
            "document.querySelector('#username').value='demo';document.querySelector('#password').value='demo';document.forms[document.forms.length-1].submit();"));
        Assert.EndsWith("/edit/FrontPage", await browser.EvaluateAsync("location.href"));
        Assert.Contains("Logged in as demo", await browser.EvaluateAsync("document.body.innerText"));

        await browser.LoadAsync(() => browser.EvaluateAsync(
            "document.querySelector('#title').value='Edited in <Chromium>';document.querySelector('#text').value='Hello from the browser & co';document.querySelector('form.edit').submit();"));
        Assert.EndsWith("/page/FrontPage", await browser.EvaluateAsync("location.href"));
        Assert.Equal("Edited in <Chromium>", await browser.EvaluateAsync("document.querySelector('h1').innerText"));
        Assert.Equal("Hello from the browser & co", await browser.EvaluateAsync("document.querySelector('.page-text').innerText"));
        await browser.ScreenshotAsync(Screenshot("wiki-edited"));
        Assert.True(new FileInfo(Screenshot("wiki-edited")).Length > 1000);
    }
}
