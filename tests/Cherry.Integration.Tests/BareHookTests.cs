using Cherry.Integration.Tests.App;
using Microsoft.AspNetCore.Http;

// Start-up's own checks of hooks.<point> keys, for sources the build cannot see: written here as constant Set calls,
// which the analyzers report at build time too (CHERRY0018, CHERRY0019), so the build's reports are off.
#pragma warning disable CHERRY0018, CHERRY0019

namespace Cherry.Integration.Tests;

/// <summary>
/// CherryPy's bare hooks (<c>'hooks.before_request_body': pipe_body</c>): callbacks registered by name, attached by
/// configuration to a hook point at a path.
/// </summary>
public sealed class BareHookTests
{
    private static void Hooks(CherryOptions options)
    {
        options.Hooks.Register("first", request => request.Response.Headers.Append("X-Hooks", "first"));
        options.Hooks.Register("second", request =>
        {
            request.Response.Headers.Append("X-Hooks", "second");
            return ValueTask.CompletedTask;
        });
    }

    private static async Task<string?> HooksAsync(CherryServer server, string path)
    {
        var (response, _) = await server.Client.FetchAsync(path);
        return response.Headers.TryGetValues("X-Hooks", out var values) ? string.Join(",", values) : null;
    }

    [Fact]
    public async Task The_hooks_a_path_names_run_at_their_point_in_order_and_a_deeper_section_replaces_the_list()
    {
        await using var server = await CherryServer.StartAsync(app => app.MapCherry<DeclaredToolRoot>("/", o => o
                .Set("/", "hooks.before_finalize", "first, second")
                .Set("/plain", "hooks.before_finalize", "second")),
            configure: Hooks);
        Assert.Equal("first,second", await HooksAsync(server, "/"));
        Assert.Equal("second", await HooksAsync(server, "/plain"));
    }

    [Theory]
    [InlineData("hooks.before_finalise", "first", "there is no hook point 'before_finalise'", "Did you mean 'before_finalize'?")]
    [InlineData("hooks.before_finalize", "frist", "there is no hook named 'frist'", "Did you mean 'first'?")]
    public async Task Start_up_refuses_an_unknown_point_or_name(string key, string value, string problem, string suggestion)
    {
        var error = await Assert.ThrowsAsync<CherryConfigurationException>(() => CherryServer.StartAsync(
            app => app.MapCherry<DeclaredToolRoot>("/", o => o.Set("/", key, value)), configure: Hooks));
        Assert.True(error.Message.Contains(problem, StringComparison.Ordinal) && error.Message.Contains(suggestion, StringComparison.Ordinal), error.Message);
    }
}
