using System.Net;

namespace Cherry.Integration.Tests;

/// <summary>cases.md §3: errors, redirects and status validation.</summary>
public sealed class ErrorTests(ReferenceAppFixture fixture) : IClassFixture<ReferenceAppFixture>
{
    private readonly HttpClient _client = fixture.Client;

    private string Absolute(string path) => new Uri(fixture.Server.Address, path).ToString();

    /// <summary>CherryPy's own tests match its page from the first byte to the last: the layout is kept, the brand is Cherry's.</summary>
    [Fact]
    public async Task The_stock_page_is_laid_out_as_cherrypys()
    {
        var (_, body) = await _client.FetchAsync("/error?code=403");
        Assert.StartsWith("<!DOCTYPE html PUBLIC\n\"-//W3C//DTD XHTML 1.0 Transitional//EN\"\n\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n<html>\n<head>\n", body);
        Assert.Contains("    <style type=\"text/css\">\n    #powered_by {\n        margin-top: 20px;\n", body);
        Assert.Contains("\n        <h2>403 Forbidden</h2>\n        <p>Request forbidden -- authorization will not help</p>\n", body);
        Assert.EndsWith("    </body>\n</html>\n", body);
    }

    [Fact]
    public async Task HttpError_403_uses_the_standard_message_and_pads_short_bodies()
    {
        var (response, body) = await _client.FetchAsync("/error?code=403");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Request forbidden -- authorization will not help", Http.ErrorMessage(body));
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());
    }

    /// <summary>
    /// Every error status's page, without a message of the handler's, explains it as CherryPy's does: the oracle is
    /// CherryPy's own table (<c>httputil.valid_status</c>), asked through Debian's Python.
    /// </summary>
    [Fact]
    public async Task Every_error_status_without_a_message_gets_cherrypys_explanation()
    {
        var oracle = (await Python.RunAsync("""
            from cherrypy.lib import httputil
            for code in range(400, 600):
                print(code, httputil.valid_status(code)[2], sep='\t')
            """)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t')).ToDictionary(fields => int.Parse(fields[0]), fields => fields[1]);
        Assert.Equal(200, oracle.Count);
        var wrong = new List<string>();
        foreach (var (code, expected) in oracle)
        {
            var (response, body) = await _client.FetchAsync($"/error?code={code}");
            var message = Http.ErrorMessage(body);
            if ((int)response.StatusCode != code || message != expected)
            {
                wrong.Add($"{code}: {(int)response.StatusCode} \"{message}\", CherryPy \"{expected}\"");
            }
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public async Task HttpError_418_keeps_a_custom_message()
    {
        var (response, body) = await _client.FetchAsync("/error?code=418&msg=teapot");
        Assert.Equal((HttpStatusCode)418, response.StatusCode);
        Assert.Equal("teapot", Http.ErrorMessage(body));
    }

    [Fact]
    public async Task Unhandled_exception_is_500_with_a_traceback_in_Development()
    {
        var (response, body) = await _client.FetchAsync("/boom");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("The server encountered an unexpected condition which prevented it from fulfilling the request.", Http.ErrorMessage(body));
        Assert.Contains("InvalidOperationException: boom", body);
    }

    [Fact]
    public async Task NotFound_names_the_path()
    {
        var (response, body) = await _client.FetchAsync("/notfound");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("The path '/notfound' was not found.", Http.ErrorMessage(body));
    }

    [Fact]
    public async Task Custom_error_page_is_padded_and_keeps_plain_text_html()
    {
        var (response, body) = await _client.FetchAsync("/nodef/missing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(513, response.Content.Headers.ContentLength);
        Assert.StartsWith("custom 404 page: 404 Not Found | The path '/nodef/missing' was not found.", body);
    }

    [Theory]
    // The message quotes the client's parameter name; a page that prints it must not run the client's script.
    [InlineData("/nodef/?%3Cscript%3Ealert(%22x%22)%3C%2Fscript%3E=1", "<script>",
        "custom 404 page: 404 Not Found | Unexpected query string parameters: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;")]
    [InlineData("/one?p1=a&%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E=1", "<img",
        "<p>Unexpected query string parameters: &lt;img src=x onerror=alert(1)&gt;</p>")]
    public async Task Error_pages_escape_client_text(string url, string markup, string escaped)
    {
        var (response, body) = await _client.FetchAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(markup, body);
        Assert.Contains(escaped, body);
    }

    [Fact]
    public async Task Redirect_defaults_to_303_against_the_current_url()
    {
        var (response, body) = await _client.FetchAsync("/redirect");
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(Absolute("/dir1/"), response.Headers.Location!.ToString());
        Assert.Equal($"This resource can be found at <a href=\"{Absolute("/dir1/")}\">{Absolute("/dir1/")}</a>.", body);
    }

    [Theory]
    [InlineData("/redirect?url=/abs&code=301", HttpStatusCode.MovedPermanently, "/abs", "This resource has permanently moved to ")]
    [InlineData("/redirect?url=elsewhere&code=308", HttpStatusCode.PermanentRedirect, "/elsewhere", "This resource has been moved to ")]
    public async Task Redirect_statuses_carry_their_own_text(string url, HttpStatusCode status, string location, string text)
    {
        var (response, body) = await _client.FetchAsync(url);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(Absolute(location), response.Headers.Location!.ToString());
        Assert.StartsWith(text, body);
    }

    [Fact]
    public async Task Redirect_to_an_absolute_url_keeps_it()
    {
        var (response, body) = await _client.FetchAsync("/redirect?url=http://example.com/x&code=307");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("http://example.com/x", response.Headers.Location!.ToString());
        Assert.StartsWith("This resource has moved temporarily to ", body);
    }

    [Fact]
    public async Task Redirect_for_an_HTTP_1_0_client_is_302()
    {
        var raw = await Http.RawAsync(fixture.Server.Address, "GET /redirect?url=/abs HTTP/1.0\r\nHost: localhost\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 302", raw);
        Assert.Contains("This resource resides temporarily at ", raw);
    }

    [Fact]
    public async Task Redirect_304_has_no_body_or_content_type()
    {
        var (response, body) = await _client.FetchAsync("/redirect?url=/x&code=304");
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal("", body);
        Assert.Null(response.Content.Headers.ContentType);
    }

    [Fact]
    public async Task Redirect_with_a_non_redirect_status_is_a_server_error()
    {
        var (response, _) = await _client.FetchAsync("/redirect?url=/y&code=200");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public async Task Internal_redirect_reruns_as_GET_on_the_new_path()
    {
        var (response, body) = await _client.FetchAsync("/internal");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hello internal", body);
    }

    [Fact]
    public async Task Internal_redirect_loop_is_refused()
    {
        var (response, body) = await _client.FetchAsync("/loop");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("InternalRedirect visited the same URL twice", body);
    }

    [Theory]
    [InlineData("201", HttpStatusCode.Created, "Created")]
    [InlineData("299%20Custom", (HttpStatusCode)299, "Custom")]
    public async Task Handler_status_is_kept_with_its_reason(string status, HttpStatusCode code, string reason)
    {
        var (response, body) = await _client.FetchAsync("/status?s=" + status);
        Assert.Equal(code, response.StatusCode);
        Assert.Equal(reason, response.ReasonPhrase);
        Assert.Equal("status body", body);
    }

    [Theory]
    [InlineData("999", "Illegal response status from server (999 is out of range).")]
    [InlineData("abc", "Illegal response status from server ('abc' is non-numeric).")]
    public async Task Illegal_status_is_500(string status, string message)
    {
        var (response, body) = await _client.FetchAsync("/status?s=" + status);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(message, Http.ErrorMessage(body));
    }

    [Theory]
    [InlineData("200%20OK%0D%0ASet-Cookie:%20evil=1", "HTTP/1.1 200 OK\r\n")]
    [InlineData("299%20Fine%0AX-Injected:%201", "HTTP/1.1 299 \r\n")]
    [InlineData("200%20A%00B", "HTTP/1.1 200 OK\r\n")]
    [InlineData("200%20caf%C3%A9", "HTTP/1.1 200 OK\r\n")]
    public async Task A_reason_phrase_cannot_split_the_response(string status, string statusLine)
    {
        var raw = await Http.RawAsync(fixture.Server.Address, $"GET /status?s={status} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        Assert.StartsWith(statusLine, raw);
        Assert.DoesNotContain("evil", raw);
        Assert.DoesNotContain("X-Injected", raw);
    }

    [Fact]
    public async Task Status_204_drops_body_and_length()
    {
        var raw = await Http.RawAsync(fixture.Server.Address, "GET /status?s=204 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 204", raw);
        Assert.DoesNotContain("Content-Length", raw);
        Assert.DoesNotContain("status body", raw);
        Assert.Contains("Content-Type: text/html;charset=utf-8", raw);
    }

    [Fact]
    public async Task Cookie_is_set()
    {
        var (response, _) = await _client.FetchAsync("/cookie?name=a&value=b");
        Assert.Equal("a=b; path=/", response.Headers.GetValues("Set-Cookie").Single());
    }
}
