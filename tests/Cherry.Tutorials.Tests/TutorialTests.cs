using System.Net;
using Cherry.Integration.Tests;
using Microsoft.AspNetCore.Builder;
using Tutorials;

namespace Cherry.Tutorials.Tests;

/// <summary>
/// samples/Tutorials through a real socket, one test per tutorial, asserting what CherryPy's test_tutorials.py
/// asserts of its own tutorials.
/// </summary>
public sealed class TutorialTests
{
    /// <summary>Starts a tutorial as Program.cs does, with the test output folder (where files/ is) as content root.</summary>
    private static Task<CherryServer> StartAsync(string name, Action<WebApplication>? alsoMap = null)
    {
        var tutorial = Tutorial.Find(name) ?? throw new ArgumentException("no tutorial " + name, nameof(name));
        return CherryServer.StartAsync(app =>
        {
            tutorial.Map(app);
            alsoMap?.Invoke(app);
        }, tutorial.Configure, services: tutorial.AddServices, contentRoot: AppContext.BaseDirectory);
    }

    private static async Task<string> BodyAsync(CherryServer server, string url)
    {
        var (response, body) = await server.Client.FetchAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return body;
    }

    [Fact]
    public void Every_tutorial_is_listed_once_and_found_by_name_or_number()
    {
        Assert.Equal(Enumerable.Range(1, 10).Select(n => $"tut{n:00}"), Tutorial.All.Select(t => t.Name));
        Assert.Same(Tutorial.All[2], Tutorial.Find("3"));
        Assert.Same(Tutorial.All[2], Tutorial.Find("TUT03"));
        Assert.Null(Tutorial.Find("tut11"));
    }

    [Fact]
    public async Task Tut01_hello_world()
    {
        await using var server = await StartAsync("tut01");
        Assert.Equal("Hello world!", await BodyAsync(server, "/"));
    }

    [Fact]
    public async Task Tut02_expose_methods()
    {
        await using var server = await StartAsync("tut02");
        Assert.Equal("Hello world!", await BodyAsync(server, "/show_msg"));
        Assert.Contains("<a href=\"show_msg\">", await BodyAsync(server, "/"));
    }

    [Fact]
    public async Task Tut03_get_and_post()
    {
        await using var server = await StartAsync("tut03");
        Assert.Equal("Hey Bob, what's up?", await BodyAsync(server, "/greetUser?name=Bob"));
        Assert.Equal("Please enter your name <a href=\"./\">here</a>.", await BodyAsync(server, "/greetUser"));
        Assert.Equal("No, really, enter your name <a href=\"./\">here</a>.", await BodyAsync(server, "/greetUser?name="));

        // The same with POST: form fields reach the same parameter.
        var (posted, postedBody) = await server.Client.FetchAsync(HttpMethod.Post, "/greetUser", "name=Bob", "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal("Hey Bob, what's up?", postedBody);
        var (empty, emptyBody) = await server.Client.FetchAsync(HttpMethod.Post, "/greetUser", "name=", "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal("No, really, enter your name <a href=\"./\">here</a>.", emptyBody);

        // Beyond test_tutorials: the client's text is escaped in the page.
        Assert.Equal("Hey &lt;b&gt;, what's up?", await BodyAsync(server, "/greetUser?name=%3Cb%3E"));
    }

    [Fact]
    public async Task Tut04_complex_site()
    {
        await using var server = await StartAsync("tut04");
        const string expected = """

                        <p>Here are some extra useful links:</p>

                        <ul>
                            <li><a href="http://del.icio.us">del.icio.us</a></li>
                            <li><a href="http://www.cherrypy.dev">CherryPy</a></li>
                        </ul>

                        <p>[<a href="../">Return to links page</a>]</p>
            """;
        Assert.Equal(expected, await BodyAsync(server, "/links/extra/"));
        Assert.Equal(HttpStatusCode.MovedPermanently, (await server.Client.FetchAsync("/links/extra")).Response.StatusCode);
    }

    [Fact]
    public async Task Tut05_derived_objects()
    {
        await using var server = await StartAsync("tut05");
        // As test_tutorials writes it, with the spaces the tutorial leaves in otherwise blank lines.
        const string expected =
            "\n            <html>" +
            "\n            <head>" +
            "\n                <title>Another Page</title>" +
            "\n            <head>" +
            "\n            <body>" +
            "\n            <h2>Another Page</h2>" +
            "\n        " +
            "\n            <p>" +
            "\n            And this is the amazing second page!" +
            "\n            </p>" +
            "\n        " +
            "\n            </body>" +
            "\n            </html>" +
            "\n        ";
        Assert.Equal(expected, await BodyAsync(server, "/another/"));
        Assert.Contains("<h2>Tutorial 5</h2>", await BodyAsync(server, "/"));
    }

    [Fact]
    public async Task Tut06_default_method()
    {
        await using var server = await StartAsync("tut06");
        Assert.Equal("Hendrik Mans, CherryPy co-developer & crazy German (<a href=\"./\">back</a>)", await BodyAsync(server, "/hendrik"));
        Assert.Equal("Unknown user. :-( (<a href=\"./\">back</a>)", await BodyAsync(server, "/nobody"));
    }

    [Fact]
    public async Task Tut07_sessions()
    {
        await using var server = await StartAsync("tut07");
        static string Expected(int count) =>
            "\n            During your current session, you've viewed this" +
            $"\n            page {count} times! Your life is a patio of fun!" +
            "\n        ";

        var (first, firstBody) = await server.Client.FetchAsync("/");
        Assert.Equal(Expected(1), firstBody);
        var cookie = first.Headers.GetValues("Set-Cookie").Select(v => v.Split(';')[0]).Single(v => v.StartsWith("session_id=", StringComparison.Ordinal));

        var (_, secondBody) = await server.Client.FetchAsync("/", ("Cookie", cookie));
        Assert.Equal(Expected(2), secondBody);
    }

    [Fact]
    public async Task Tut08_generators_and_yield()
    {
        await using var server = await StartAsync("tut08");
        Assert.Equal(
            "<html><body><h2>Generators rule!</h2><h3>List of users:</h3>Remi<br/>Carlos<br/>Hendrik<br/>Lorenzo Lamas<br/></body></html>",
            await BodyAsync(server, "/"));
    }

    [Fact]
    public async Task Tut09_files()
    {
        await using var server = await StartAsync("tut09");
        Assert.Contains("<form action=\"upload\" method=\"post\" enctype=\"multipart/form-data\">", await BodyAsync(server, "/"));

        // test_tutorials' upload, with CRLF line ends: its body ends the line before a boundary with a bare LF, which
        // RFC 2046 does not allow and Cherry answers with a 400 (docs/conformance.md, "Multipart line ends").
        const int fileSize = 5;
        using var upload = new StringContent(
            "--x\r\nContent-Disposition: form-data; name=\"myFile\"; filename=\"hello.txt\"\r\nContent-Type: text/plain\r\n\r\n"
            + new string('a', fileSize) + "\r\n--x--\r\n");
        upload.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        var uploaded = await server.Client.PostAsync("/upload", upload);
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        Assert.Equal(
            $"""
            <html>
            <body>
                myFile length: {fileSize}<br />
                myFile filename: hello.txt<br />
                myFile mime-type: text/plain
            </body>
            </html>
            """,
            await uploaded.Content.ReadAsStringAsync());

        var download = await server.Client.GetAsync("/download");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/x-download", download.Content.Headers.ContentType!.ToString());
        // The file name is quoted.
        Assert.Equal("attachment; filename=\"pdf_file.pdf\"", download.Content.Headers.ContentDisposition!.ToString());
        // CherryPy's tutorial serves its own 11961-byte PDF; this one serves the sample's, byte for byte.
        var expected = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "files", "pdf_file.pdf"));
        Assert.Equal(expected, await download.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(expected));
    }

    [Fact]
    public async Task Tut10_http_errors()
    {
        await using var server = await StartAsync("tut10", app => app.MapCherry<TracebackSetting>("/traceback_setting"));
        var index = await BodyAsync(server, "/");
        Assert.Contains("<a href=\"toggleTracebacks\">", index);
        Assert.Contains("<a href=\"/doesNotExist\">", index);
        Assert.Contains("<a href=\"/error?code=403\">", index);
        Assert.Contains("<a href=\"/error?code=500\">", index);
        Assert.Contains("<a href=\"/messageArg\">", index);

        // The toggle flips the setting every application of the host sees.
        var setting = bool.Parse(await BodyAsync(server, "/traceback_setting/"));
        var (toggled, _) = await server.Client.FetchAsync("/toggleTracebacks");
        Assert.True(toggled.StatusCode is HttpStatusCode.Found or HttpStatusCode.SeeOther, "toggle answered " + toggled.StatusCode);
        Assert.Equal((!setting).ToString(), await BodyAsync(server, "/traceback_setting/"));

        var (error, errorBody) = await server.Client.FetchAsync("/error?code=500");
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Contains("The server encountered an unexpected condition which prevented it from fulfilling the request.", errorBody);

        var (forbidden, forbiddenBody) = await server.Client.FetchAsync("/error?code=403");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains("<h2>You can't do that!</h2>", forbiddenBody);

        var (message, messageBody) = await server.Client.FetchAsync("/messageArg");
        Assert.Equal(HttpStatusCode.InternalServerError, message.StatusCode);
        Assert.Contains("If you construct an HttpError with a 'message'", messageBody);
    }

    [Fact]
    public async Task Tut10_tracebacks_follow_the_switch_on_every_error_page()
    {
        await using var server = await StartAsync("tut10");
        await ToggleToAsync(show: true);
        Assert.Contains("at Tutorials.Tut10.HttpErrorDemo.MessageArg", (await server.Client.FetchAsync("/messageArg")).Body);
        Assert.Contains("NotFound", (await server.Client.FetchAsync("/doesNotExist")).Body);
        Assert.Contains("Toggle tracebacks off", await BodyAsync(server, "/"));

        await ToggleToAsync(show: false);
        var (missing, missingBody) = await server.Client.FetchAsync("/doesNotExist");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("<pre id=\"traceback\"></pre>", missingBody);
        Assert.DoesNotContain("at Tutorials.Tut10.HttpErrorDemo.MessageArg", (await server.Client.FetchAsync("/messageArg")).Body);
        Assert.Contains("Toggle tracebacks on", await BodyAsync(server, "/"));

        // A code that is not an error status is the client's mistake.
        var (notAnError, notAnErrorBody) = await server.Client.FetchAsync("/error?code=200");
        Assert.Equal(HttpStatusCode.BadRequest, notAnError.StatusCode);
        Assert.Equal("The code must be an error status, from 400 to 599.", Cherry.Integration.Tests.Http.ErrorMessage(notAnErrorBody));

        async Task ToggleToAsync(bool show)
        {
            if ((await BodyAsync(server, "/")).Contains("Toggle tracebacks on", StringComparison.Ordinal) == show)
            {
                await server.Client.FetchAsync("/toggleTracebacks");
            }
        }
    }
}
