using System.Net;
using System.Text.Json;
using Cherry.Integration.Tests.App;
using Microsoft.AspNetCore.Builder;

namespace Cherry.Integration.Tests;

/// <summary>
/// Errors in the client's format: [JsonOut] handlers, and requests whose Accept admits only JSON, get
/// application/problem+json (RFC 9457); every other request keeps CherryPy's HTML page.
/// </summary>
public sealed class ProblemDetailsTests
{
    private static Task<CherryServer> StartAsync(bool tracebacks = false, Action<CherryAppOptions>? configure = null) =>
        CherryServer.StartAsync(app => app.MapCherry<ProblemRoot>("/", configure), o => o.ShowTracebacks = tracebacks,
            kestrel: o => o.Limits.MaxRequestBodySize = 1024);

    private static JsonElement Problem(HttpResponseMessage response, string body, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task An_HttpError_in_a_JsonOut_handler_is_a_problem_document()
    {
        await using var server = await StartAsync();
        var (response, body) = await server.Client.FetchAsync("/missing");
        var problem = Problem(response, body, 404);
        Assert.Equal("about:blank", problem.GetProperty("type").GetString());
        Assert.Equal("Not Found", problem.GetProperty("title").GetString());
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Equal("There is no gadget 'sprocket'.", problem.GetProperty("detail").GetString());
        Assert.False(problem.TryGetProperty("traceback", out _));
    }

    [Fact]
    public async Task A_problem_type_given_by_the_handler_is_kept()
    {
        await using var server = await StartAsync();
        var (response, body) = await server.Client.FetchAsync("/taken");
        var problem = Problem(response, body, 409);
        Assert.Equal("https://example.test/problems/taken", problem.GetProperty("type").GetString());
        Assert.Equal("Conflict", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_unknown_path_under_a_json_only_Accept_is_a_problem_document()
    {
        await using var server = await StartAsync();
        foreach (var accept in new[] { "application/json", "application/problem+json", "application/json, text/html;q=0" })
        {
            var (response, body) = await server.Client.FetchAsync("/nowhere", ("Accept", accept));
            var problem = Problem(response, body, 404);
            Assert.Equal("The path '/nowhere' was not found.", problem.GetProperty("detail").GetString());
            Assert.Contains("Accept", response.Headers.Vary);
        }
    }

    [Theory]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")]
    [InlineData("application/json, */*")]
    [InlineData("")]
    public async Task An_unknown_path_under_a_browser_Accept_keeps_the_html_page(string accept)
    {
        await using var server = await StartAsync();
        var (response, body) = accept.Length == 0
            ? await server.Client.FetchAsync("/nowhere")
            : await server.Client.FetchAsync("/nowhere", ("Accept", accept));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<h2>404 Not Found</h2>", body);
    }

    [Fact]
    public async Task A_plain_handler_answers_json_only_clients_in_json_and_browsers_in_html()
    {
        await using var server = await StartAsync();
        var (json, jsonBody) = await server.Client.FetchAsync("/page", ("Accept", "application/json"));
        Assert.Equal("No such page.", Problem(json, jsonBody, 404).GetProperty("detail").GetString());
        var (html, htmlBody) = await server.Client.FetchAsync("/page", ("Accept", "text/html"));
        Assert.Equal("text/html", html.Content.Headers.ContentType!.MediaType);
        Assert.Contains("No such page.", htmlBody);
    }

    [Fact]
    public async Task A_failing_JsonOut_handler_is_a_500_problem_without_the_stack_trace()
    {
        await using var server = await StartAsync();
        var (response, body) = await server.Client.FetchAsync("/broken");
        var problem = Problem(response, body, 500);
        Assert.Equal("Internal Server Error", problem.GetProperty("title").GetString());
        Assert.False(problem.TryGetProperty("traceback", out _));
        Assert.DoesNotContain("secret", body);
        Assert.DoesNotContain("InvalidOperationException", body);
    }

    [Fact]
    public async Task With_tracebacks_on_the_stack_trace_is_an_extension_member()
    {
        await using var server = await StartAsync(tracebacks: true);
        var (response, body) = await server.Client.FetchAsync("/broken");
        var problem = Problem(response, body, 500);
        Assert.Contains("InvalidOperationException", problem.GetProperty("traceback").GetString());
        Assert.DoesNotContain("InvalidOperationException", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_body_missing_required_members_is_a_400_naming_them()
    {
        await using var server = await StartAsync();
        var (response, body) = await server.Client.FetchAsync(HttpMethod.Post, "/create", """{"colour":"red"}""", "application/json");
        var detail = Problem(response, body, 400).GetProperty("detail").GetString()!;
        Assert.Contains("name", detail);
        Assert.Contains("size", detail);

        var (complete, created) = await server.Client.FetchAsync(HttpMethod.Post, "/create", """{"name":"cog","size":3}""", "application/json");
        Assert.Equal(HttpStatusCode.OK, complete.StatusCode);
        Assert.Equal("""{"name":"cog","size":3}""", created);
    }

    [Fact]
    public async Task Malformed_json_and_bad_arguments_are_400_problems()
    {
        await using var server = await StartAsync();
        var (malformed, malformedBody) = await server.Client.FetchAsync(HttpMethod.Post, "/create", """{"name":""", "application/json");
        Assert.Equal("Invalid JSON document", Problem(malformed, malformedBody, 400).GetProperty("detail").GetString());

        var (binding, bindingBody) = await server.Client.FetchAsync("/sized?size=big");
        Assert.Equal("Bad Request", Problem(binding, bindingBody, 400).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_body_over_the_limit_and_a_rest_405_are_problems_too()
    {
        await using var server = await StartAsync();
        var big = "{\"name\":\"" + new string('x', 4096) + "\",\"size\":1}";
        var (tooLarge, tooLargeBody) = await server.Client.FetchAsync(HttpMethod.Post, "/create", big, "application/json");
        Problem(tooLarge, tooLargeBody, 413);

        var (notAllowed, notAllowedBody) = await server.Client.FetchAsync(HttpMethod.Delete, "/gadgets/");
        Assert.Equal("Method Not Allowed", Problem(notAllowed, notAllowedBody, 405).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_configured_error_page_wins_over_the_problem_document()
    {
        await using var server = await StartAsync(configure: o => o.ErrorPage("/", 404, c => "<p>custom " + c.Status + "</p>"));
        var (response, body) = await server.Client.FetchAsync("/missing", ("Accept", "application/json"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("<p>custom 404 Not Found</p>", body);
    }

    [Fact]
    public async Task Curl_asking_for_json_gets_a_problem_document_for_an_unknown_path()
    {
        await using var server = await StartAsync();
        var output = await Curl.RunAsync("-s", "-i", "-H", "Accept: application/json", new Uri(server.Address, "/nowhere/at/all").ToString());
        Assert.StartsWith("HTTP/1.1 404 Not Found\n", output);
        Assert.Contains("Content-Type: application/problem+json\n", output);
        Assert.EndsWith("""{"type":"about:blank","title":"Not Found","status":404,"detail":"The path \u0027/nowhere/at/all\u0027 was not found."}""", output);
    }
}
