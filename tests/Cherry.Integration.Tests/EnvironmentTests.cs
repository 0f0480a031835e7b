using System.Net;
using System.Text.Json.Serialization.Metadata;
using Cherry.Integration.Tests.App;
using Microsoft.AspNetCore.Builder;

namespace Cherry.Integration.Tests;

/// <summary>Behaviour that depends on the environment or on start-up registration.</summary>
public sealed class EnvironmentTests
{
    [Fact]
    public async Task Production_error_pages_carry_no_traceback()
    {
        await using var server = await CherryServer.StartAsync(app => app.MapCherry<ReferenceRoot>("/", o => ReferenceAppFixture.WithSessions(o)), environment: "Production");
        var (response, body) = await server.Client.FetchAsync("/boom");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("InvalidOperationException", body);
        Assert.Contains("<pre id=\"traceback\"></pre>", body);
    }

    [Theory]
    [InlineData("Production", "False", "/shown", true)]
    [InlineData("Development", "True", "/hidden", false)]
    public async Task A_request_may_override_the_traceback_setting_of_its_application(string environment, string setting, string url, bool shown)
    {
        await using var server = await CherryServer.StartAsync(app => app.MapCherry<TracebackRoot>("/"), environment: environment);
        Assert.Equal(setting, (await server.Client.FetchAsync("/setting")).Body);
        var (response, body) = await server.Client.FetchAsync(url);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(shown, body.Contains("System.InvalidOperationException", StringComparison.Ordinal));
        Assert.Equal(shown, !body.Contains("<pre id=\"traceback\"></pre>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Mismatch_messages_can_be_hidden()
    {
        await using var server = await CherryServer.StartAsync(app => app.MapCherry<ReferenceRoot>("/", o => ReferenceAppFixture.WithSessions(o).Set("/", "request.show_mismatched_params", "False")));
        var (response, body) = await server.Client.FetchAsync("/one");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Nothing matches the given URI", Http.ErrorMessage(body));
    }

    [Fact]
    public async Task Json_metadata_no_context_declares_comes_from_a_registered_resolver()
    {
        // The test registers reflection-based metadata; an app would register another assembly's source-generated context.
        await using var server = await CherryServer.StartAsync(app => app.MapCherry<UnlistedJsonRoot>("/"),
            configure: o => o.JsonResolvers.Add(new DefaultJsonTypeInfoResolver()));
        var (response, body) = await server.Client.FetchAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"Number":7}""", body);
    }

    [Fact]
    public async Task Json_metadata_of_a_type_reached_through_a_listed_type_comes_from_its_context()
    {
        await using var server = await CherryServer.StartAsync(app => app.MapCherry<ReachedJsonRoot>("/"));
        var (response, body) = await server.Client.FetchAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"title":"Dune","pages":412}""", body);
    }

    [Fact]
    public async Task Json_metadata_that_nobody_provides_fails_start_up()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => CherryServer.StartAsync(app => app.MapCherry<UnlistedJsonRoot>("/")));
        Assert.Contains("No JSON metadata for Cherry.Integration.Tests.App.Unlisted", error.Message);
    }

    [Theory]
    [InlineData("/one", "application/x-www-form-urlencoded", "p1=")]
    [InlineData("/json/echo", "application/json", "[\"")]
    public async Task Bodies_over_the_size_limit_are_413(string url, string contentType, string prefix)
    {
        await using var server = await CherryServer.StartAsync(app => app.MapCherry<ReferenceRoot>("/", o => ReferenceAppFixture.WithSessions(o)),
            kestrel: o => o.Limits.MaxRequestBodySize = 1024);
        var body = prefix + new string('a', 4096) + (contentType == "application/json" ? "\"]" : "");
        var (response, page) = await server.Client.FetchAsync(HttpMethod.Post, url, body, contentType);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Request body too large", Http.ErrorMessage(page));
    }
}
