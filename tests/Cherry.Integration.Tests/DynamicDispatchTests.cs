using System.Net;
using Cherry.Integration.Tests.App;

namespace Cherry.Integration.Tests;

/// <summary>
/// CherryPy's dynamic nodes found missing by its own test_dynamicobjectmapping and test_objectmapping: <c>popargs(handler=...)</c> as
/// <c>[PopArgs(Handler = ...)]</c> (a member's node, or a node a method makes from the popped values), and a
/// MethodDispatcher's dispatch method as <c>[Dispatch]</c> on a <c>[Rest]</c> resource, given the request, and a node
/// named <c>Default</c> (an object-valued <c>default</c>).
/// </summary>
public sealed class DynamicDispatchTests : IAsyncLifetime
{
    private CherryServer _server = null!;

    public async Task InitializeAsync() => _server = await CherryServer.StartAsync(app => app.MapCherry<DynamicRoot>("/"));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("/calendar/", "calendar")]
    [InlineData("/calendar/today", "today")]
    [InlineData("/calendar/2024/", "year 2024 month -")]
    [InlineData("/calendar/2024/5/", "year 2024 month 5")]
    [InlineData("/calendar/2024/5/events", "events of 2024-05")]
    public Task Popped_values_are_parameters_of_the_handler_members_node(string path, string expected) => ExpectAsync("GET", path, expected);

    [Fact]
    public async Task The_handler_member_is_no_segment_of_its_own()
    {
        // "month" is popped as the year (and fails to convert), not taken as the member Month.
        var (response, _) = await _server.Client.FetchAsync("/calendar/month/");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/tagged/red/", "tag red, parameters 0")]
    [InlineData("/tagged/a%2Fb/", "tag a/b, parameters 0")]
    [InlineData("/tagged/red/x/y", "tag red default x|y")]
    public Task A_handler_method_makes_the_node_from_the_popped_values(string path, string expected) => ExpectAsync("GET", path, expected);

    [Theory]
    [InlineData("GET", "/accounts", "all accounts")]
    [InlineData("GET", "/accounts/7", "account 7 by GET")]
    [InlineData("DELETE", "/accounts/7", "deleted 7")]
    [InlineData("GET", "/accounts/seven", "all accounts seven")]
    public Task A_rest_resources_dispatch_method_picks_a_sub_resource_by_the_request(string method, string path, string expected) =>
        ExpectAsync(method, path, expected);

    [Theory]
    [InlineData("GET", "/cabinet", "all accounts")]
    [InlineData("GET", "/cabinet/x/y", "all accounts x|y")]
    [InlineData("GET", "/cabinet/7", "account 7 by GET")]
    [InlineData("DELETE", "/cabinet/7", "deleted 7")]
    [InlineData("GET", "/folder/", "folder index")]
    [InlineData("GET", "/folder/info", "folder info")]
    [InlineData("GET", "/folder/readme", "readme")]
    [InlineData("GET", "/folder/a/b", "file a/b")]
    public Task A_node_named_default_takes_every_path_nothing_else_matched(string method, string path, string expected) =>
        ExpectAsync(method, path, expected);

    [Fact]
    public async Task The_sub_resource_answers_405_with_its_own_allow()
    {
        var (response, _) = await _server.Client.FetchAsync(HttpMethod.Put, "/accounts/7");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("DELETE, GET, HEAD", string.Join(", ", response.Content.Headers.Allow));
    }

    private async Task ExpectAsync(string method, string path, string expected)
    {
        var (response, body) = await _server.Client.FetchAsync(new HttpMethod(method), path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, body);
    }
}
