using System.Net;
using System.Text;
using System.Text.Json;
using Cherry.Integration.Tests.App;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Cherry.Integration.Tests;

/// <summary>
/// DataAnnotations checked before the handler runs: a failure is a 400 problem document with the errors keyed by member
/// (ASP.NET Core's ValidationProblemDetails shape) for JSON clients, and the HTML error page for browsers.
/// </summary>
public sealed class ValidationTests
{
    private static Task<CherryServer> StartAsync(Action<IServiceCollection>? services = null) =>
        CherryServer.StartAsync(app => app.MapCherry<ValidationRoot>("/"), services: services);

    private static async Task<Dictionary<string, string[]>> ProblemAsync(CherryServer server, string url, string json)
    {
        var (response, body) = await server.Client.FetchAsync(HttpMethod.Post, url, json, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.1", problem.GetProperty("type").GetString());
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        return problem.GetProperty("errors").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(e => e.GetString()!).ToArray());
    }

    [Fact]
    public async Task A_valid_body_reaches_the_handler()
    {
        await using var server = await StartAsync();
        var (response, body) = await server.Client.FetchAsync(HttpMethod.Post, "/order",
            """{"customer":"Ada","ship_to":{"street":"Main","zip":"12345"},"lines":[{"sku":"AB","quantity":2}]}""", "application/json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"lines":1,"customer":"Ada"}""", body);
    }

    [Fact]
    public async Task Every_failing_member_of_a_body_is_keyed_by_its_json_path()
    {
        await using var server = await StartAsync();
        var errors = await ProblemAsync(server, "/order",
            """{"ship_to":{"zip":"1"},"lines":[{"sku":"AB","quantity":2},{"sku":"A","quantity":100}]}""");
        Assert.Equal(
            ["customer", "ship_to.street", "ship_to.zip", "lines[1].sku", "lines[1].quantity"],
            errors.Keys.ToArray());
        Assert.Equal(["The Customer name field is required."], errors["customer"]);
        Assert.Equal(["The field Quantity must be between 1 and 99."], errors["lines[1].quantity"]);
        Assert.Equal(["The field Sku must be a string with a minimum length of 2 and a maximum length of 8."], errors["lines[1].sku"]);
    }

    [Fact]
    public async Task A_collection_rule_and_a_self_validating_type_report_under_their_members()
    {
        await using var server = await StartAsync();
        var empty = await ProblemAsync(server, "/order", """{"customer":"Ada","lines":[]}""");
        Assert.Equal(["lines"], empty.Keys.ToArray());
        // IValidatableObject runs once the members pass, and names its member.
        var gift = await ProblemAsync(server, "/order", """{"customer":"Ada","lines":[{"sku":"AB","quantity":1}],"gift":true}""");
        Assert.Equal(["A gift needs a message."], Assert.Single(gift, e => e.Key == "message").Value);
        Assert.Single(gift);
    }

    [Fact]
    public async Task A_body_that_is_an_array_is_keyed_by_index()
    {
        await using var server = await StartAsync();
        var errors = await ProblemAsync(server, "/lines", """[{"sku":"AB","quantity":1},{"sku":"AB","quantity":0}]""");
        Assert.Equal(["[1].quantity"], errors.Keys.ToArray());
        var (ok, body) = await server.Client.FetchAsync(HttpMethod.Post, "/lines", """[{"sku":"AB","quantity":1}]""", "application/json");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("1", body);
    }

    [Fact]
    public async Task Query_parameters_are_checked_and_browsers_get_the_html_page()
    {
        await using var server = await StartAsync();
        var (ok, text) = await server.Client.FetchAsync("/search?q=tea&page=3");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("tea:3:", text);

        var (response, body) = await server.Client.FetchAsync("/search?q=t&page=51&notify=nobody", ("Accept", "text/html"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("One or more validation errors occurred: 'q': The field q must be a string with a minimum length of 2 and a maximum length of 10.", body);
        Assert.Contains("'page': The field page must be between 1 and 50.", body);
        Assert.Contains("'notify': The notify field is not a valid e-mail address.", body);

        var (json, problemBody) = await server.Client.FetchAsync("/search?q=t", ("Accept", "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        var errors = JsonDocument.Parse(problemBody).RootElement.GetProperty("errors");
        Assert.Equal(["q"], errors.EnumerateObject().Select(p => p.Name).ToArray());
    }

    [Fact]
    public async Task Nesting_deeper_than_the_validation_depth_is_a_400_not_a_crash()
    {
        static string Nest(int depth)
        {
            var json = new StringBuilder();
            for (var i = 0; i < depth; i++)
            {
                json.Append("""{"name":"a","children":[""");
            }
            json.Append("""{"name":"a"}""");
            for (var i = 0; i < depth; i++)
            {
                json.Append("]}");
            }
            return json.ToString();
        }

        await using var server = await StartAsync(services => services.AddValidation(o => o.MaxDepth = 10));
        var (shallow, count) = await server.Client.FetchAsync(HttpMethod.Post, "/tree", Nest(8), "application/json");
        Assert.Equal(HttpStatusCode.OK, shallow.StatusCode);
        Assert.Equal("1", count);

        var (deep, body) = await server.Client.FetchAsync(HttpMethod.Post, "/tree", Nest(20), "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, deep.StatusCode);
        Assert.True(body.Contains("nests deeper than the 10 levels validation follows"), body);

        // Within the depth, an error deep down is keyed by its whole path.
        var errors = await ProblemAsync(server, "/tree", """{"name":"a","children":[{"name":"b","children":[{"name":"long"}]}]}""");
        Assert.Equal(["children[0].children[0].name"], errors.Keys.ToArray());
    }
}
