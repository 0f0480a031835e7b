namespace Cherry.Integration.Tests;

/// <summary>The session_auth flow as a person does it, in headless Chromium, with screenshots in the test output.</summary>
public sealed class BrowserTests(SessionAuthFixture fixture) : IClassFixture<SessionAuthFixture>
{
    private static string Screenshot(string name) => Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png");

    [Fact]
    public async Task A_person_logs_in_fails_once_and_logs_out()
    {
        await using var browser = await HeadlessChromium.StartAsync();
        await browser.NavigateAsync(new Uri(fixture.Server.Address, "/sauth/").ToString());
        Assert.Contains("Login:", await browser.EvaluateAsync("document.body.innerText"));
        await browser.ScreenshotAsync(Screenshot("login-form"));

        await browser.LoadAsync(() => browser.EvaluateAsync(
            "document.querySelector('[name=username]').value='test';document.querySelector('[name=password]').value='nope';document.forms[0].submit();"));
        Assert.Contains("Message: Wrong login/password", await browser.EvaluateAsync("document.body.innerText"));

        await browser.LoadAsync(() => browser.EvaluateAsync(
            "document.querySelector('[name=password]').value='password';document.forms[0].submit();"));
        Assert.Equal("Hi test, you are logged in", (await browser.EvaluateAsync("document.body.innerText")).Trim());
        Assert.EndsWith("/sauth/", await browser.EvaluateAsync("location.href"));
        await browser.ScreenshotAsync(Screenshot("logged-in"));
        Assert.True(new FileInfo(Screenshot("logged-in")).Length > 1000);

        await browser.LoadAsync(() => browser.EvaluateAsync(
            "fetch('do_logout', {method: 'POST', body: new URLSearchParams({from_page: '/sauth/'})}).then(() => location.reload());"));
        Assert.Contains("Login:", await browser.EvaluateAsync("document.body.innerText"));
    }
}
