using Cherry.Integration.Tests.App;

// Start-up's own checks of a declared tool's values, for sources the build cannot see: written here as constant Set
// calls, which the analyzers report at build time too (CHERRY0018, CHERRY0019), so the build's reports are off.
#pragma warning disable CHERRY0018, CHERRY0019

namespace Cherry.Integration.Tests;

/// <summary>
/// A tool declared with [ToolDeclaration] (App/DeclaredToolRoot.cs), through a real socket: its attribute's values, the
/// configuration that overrides them, turned on by name with no registration, and start-up holding values to the rules.
/// </summary>
public sealed class DeclaredToolTests
{
    private static async Task<string?> SignatureAsync(CherryServer server, string path)
    {
        var (response, _) = await server.Client.FetchAsync(path);
        return response.Headers.TryGetValues("X-Signature", out var values) ? values.Single() : null;
    }

    [Fact]
    public async Task The_attribute_runs_its_hook_with_its_own_values_and_nowhere_else()
    {
        await using var server = await CherryServer.StartAsync(app => app.MapCherry<DeclaredToolRoot>("/"));
        Assert.Equal("attribute,attribute!", await SignatureAsync(server, "/"));
        Assert.Null(await SignatureAsync(server, "/plain"));
    }

    [Fact]
    public async Task Configuration_overrides_the_attribute_and_turns_the_tool_on_by_name_without_a_registration()
    {
        await using var server = await CherryServer.StartAsync(app => app.MapCherry<DeclaredToolRoot>("/", o => o
            .Set("/", "tools.signature.style", "loud")
            .Set("/", "tools.signature.suffix", null)
            .Set("/plain", "tools.signature.on", "True")
            .Set("/plain", "tools.signature.times", "3")));
        Assert.Equal("ATTRIBUTE,ATTRIBUTE", await SignatureAsync(server, "/"));
        // No attribute at /plain: the declaration's defaults, then configuration's values.
        Assert.Equal("CHERRY,CHERRY,CHERRY", await SignatureAsync(server, "/plain"));
    }

    [Theory]
    [InlineData("times", "9", "tools.signature.times", "Times must be from 1 to 5 (it is 9)")]
    [InlineData("times", "many", "tools.signature.times", "expected an integer")]
    [InlineData("style", "quiet", "tools.signature.style", "Style cannot be 'quiet' (it takes plain, loud)")]
    [InlineData("by", null, "tools.signature.by", "None is only for a text argument")]
    [InlineData("byy", "x", "tools.signature.byy", "the tool 'signature' has no argument 'byy'. Did you mean 'by'?")]
    public async Task Start_up_refuses_a_value_the_declaration_does_not_take(string argument, string? value, string key, string message)
    {
        var error = await Assert.ThrowsAsync<CherryConfigurationException>(() => CherryServer.StartAsync(
            app => app.MapCherry<DeclaredToolRoot>("/", o => o.Set("/plain", "tools.signature.on", "True").Set("/plain", "tools.signature." + argument, value))));
        Assert.Contains(key, error.Message);
        Assert.True(error.Message.Contains(message, StringComparison.Ordinal), error.Message);
    }

    /// <summary>
    /// CherryPy's inheritance for a declared tool: a section above sets an argument for the sections below that turn the
    /// tool on, though the tool, off there, lacks its required one. Every key the declaration names is taken, whichever
    /// argument the tool stopped at; a key it does not name is still refused, with the declaration's nearest key.
    /// </summary>
    [Fact]
    public async Task A_declared_tools_arguments_wait_in_a_section_above_where_it_is_off()
    {
        await using var server = await CherryServer.StartAsync(app => app.MapCherry<DeclaredToolRoot>("/", o => o
            .Set("/", "tools.banner.color", "red")
            .Set("/plain", "tools.banner.on", "True")
            .Set("/plain", "tools.banner.text", "hi")));
        var (plain, _) = await server.Client.FetchAsync("/plain");
        Assert.Equal("red:hi", plain.Headers.GetValues("X-Banner").Single());
        Assert.False((await server.Client.FetchAsync("/")).Response.Headers.Contains("X-Banner"));

        var error = await Assert.ThrowsAsync<CherryConfigurationException>(() => CherryServer.StartAsync(app => app.MapCherry<DeclaredToolRoot>("/", o => o
            .Set("/", "tools.banner.colr", "red"))));
        Assert.True(error.Message.Contains("the tool 'banner' has no argument 'colr'. Did you mean 'color'?", StringComparison.Ordinal), error.Message);
    }

    [Fact]
    public async Task A_tool_in_a_toolbox_of_its_own_is_configured_under_its_namespace()
    {
        await using var server = await CherryServer.StartAsync(app => app.MapCherry<MyAuthRoot>("/", o => o
            .Set("/", "myauth.check_access.on", "True")
            .Set("/open", "myauth.check_access.default", "True")));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await server.Client.FetchAsync("/restricted")).Response.StatusCode);
        using var withUser = new HttpRequestMessage(HttpMethod.Get, "/restricted") { Headers = { { "X-User-Id", "alice" } } };
        Assert.Equal("Welcome!", await (await server.Client.SendAsync(withUser)).Content.ReadAsStringAsync());
        Assert.Equal("Welcome too!", (await server.Client.FetchAsync("/open")).Body);

        var error = await Assert.ThrowsAsync<CherryConfigurationException>(() => CherryServer.StartAsync(
            app => app.MapCherry<MyAuthRoot>("/", o => o.Set("/", "myauth.check_access.defualt", "True"))));
        Assert.True(error.Message.Contains("'myauth.check_access.defualt'", StringComparison.Ordinal)
            && error.Message.Contains("Did you mean 'default'?", StringComparison.Ordinal), error.Message);
    }

    [Fact]
    public async Task A_tool_that_wraps_the_handler_decides_when_it_runs_and_sees_its_answer()
    {
        await using var server = await CherryServer.StartAsync(app => app.MapCherry<WrappedRoot>("/"));
        Assert.Equal("[inside]", (await server.Client.FetchAsync("/")).Body);
        var (never, body) = await server.Client.FetchAsync("/never");
        Assert.Equal(System.Net.HttpStatusCode.OK, never.StatusCode);
        Assert.Equal("skipped", body);

        await using var configured = await CherryServer.StartAsync(app => app.MapCherry<WrappedRoot>("/", o => o.Set("/", "tools.envelope.open", "<")));
        Assert.Equal("<inside]", (await configured.Client.FetchAsync("/")).Body);
    }
}
