using System.Net;
using Cherry.Integration.Tests.App;
using Microsoft.AspNetCore.Builder;

namespace Cherry.Integration.Tests;

public sealed class LifecycleFixture : IAsyncLifetime
{
    public CherryServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await CherryServer.StartAsync(app => app.MapCherry<LifecycleRoot>("/"));

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>Hook points, priorities, failsafe hooks and the three kinds of tool, through user-written tools.</summary>
public sealed class LifecycleTests(LifecycleFixture fixture) : IClassFixture<LifecycleFixture>
{
    private readonly HttpClient _client = fixture.Server.Client;

    private static string Trace(HttpResponseMessage response) =>
        string.Join(",", response.Headers.TryGetValues("X-Trace", out var values) ? values : []);

    [Fact]
    public async Task Hooks_run_by_point_then_priority_across_class_and_method()
    {
        var (response, body) = await _client.FetchAsync("/ordered");
        Assert.Equal("ordered", body);
        Assert.Equal("start,class-early,method-10,method-40,finalize,end-resource", Trace(response).Replace(" ", ""));
    }

    [Fact]
    public async Task Class_tools_apply_to_the_whole_sub_tree()
    {
        var (response, _) = await _client.FetchAsync("/section/leaf");
        Assert.Equal("class-early,section", Trace(response).Replace(" ", ""));
    }

    [Fact]
    public async Task After_a_failing_hook_only_failsafe_hooks_run_and_finalize_runs_again_for_the_error()
    {
        var (response, body) = await _client.FetchAsync("/failing");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("tool first failed", Http.ErrorMessage(body));
        Assert.Equal("class-early,first,failsafe,finalize", Trace(response).Replace(" ", ""));
    }

    [Fact]
    public async Task A_handler_tool_serves_the_response_itself()
    {
        var (response, body) = await _client.FetchAsync("/served");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("served by tool", body);
        // Served by a tool, so the encode tool leaves the type alone, as CherryPy does for static files.
        Assert.Equal("text/html", response.Content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task An_error_tool_replaces_the_error_response()
    {
        var (response, body) = await _client.FetchAsync("/faulty");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("fault: broken", body);
    }

    [Fact]
    public async Task Error_hooks_run_around_the_error_response()
    {
        var (response, _) = await _client.FetchAsync("/crash");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("class-early,before-error,after-error", Trace(response).Replace(" ", ""));
    }

    [Fact]
    public async Task On_end_request_runs_after_the_response()
    {
        var before = EndCounterAttribute.Count;
        var (response, _) = await _client.FetchAsync("/counted");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (EndCounterAttribute.Count == before && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
        Assert.Equal(before + 1, EndCounterAttribute.Count);
    }
}
