using System.Net;
using Cherry.Integration.Tests.App;
using Microsoft.AspNetCore.Builder;

// These tests prove that start-up refuses mistakes itself, for the sources the build cannot see; here they are
// written as constant Set calls, which the analyzers also report (CHERRY0018-0020), so the build's reports are off.
#pragma warning disable CHERRY0018, CHERRY0019, CHERRY0020

namespace Cherry.Integration.Tests;

/// <summary>CherryPy-style configuration from INI files and IConfiguration, completing chains at start-up.</summary>
public sealed class ConfigurationTests
{
    private static string AppFile(string name) => Path.Combine(AppContext.BaseDirectory, "App", name);

    [Fact]
    public async Task Ini_file_sets_headers_switches_tools_off_and_overrides_priorities()
    {
        var conf = File.ReadAllText(AppFile("lifecycle.conf")).Replace("'notfound.html'", "'" + AppFile("notfound.html") + "'");
        var path = Path.Combine(Path.GetTempPath(), $"cherry-{Guid.NewGuid():N}.conf");
        await File.WriteAllTextAsync(path, conf);
        await using var server = await CherryServer.StartAsync(app => app.MapCherry<LifecycleRoot>("/", o => o.AddIniFile(path)));

        // trailing_slash is off below /section: no redirect.
        var (section, body) = await server.Client.FetchAsync("/section");
        Assert.Equal(HttpStatusCode.OK, section.StatusCode);
        Assert.Equal("section index", body);
        Assert.Equal("section", section.Headers.GetValues("X-Section").Single());
        Assert.Equal("everywhere", section.Headers.GetValues("X-Global").Single());

        // Outside /section the switch does not apply, and the priority override moved class-early after method-40.
        var (root, _) = await server.Client.FetchAsync("/ordered");
        Assert.False(root.Headers.Contains("X-Section"));
        Assert.Equal("start,method-10,method-40,class-early,finalize,end-resource", string.Join(",", root.Headers.GetValues("X-Trace")).Replace(" ", ""));
    }

    [Fact]
    public async Task Error_page_template_from_config_renders_status_and_message()
    {
        await using var server = await CherryServer.StartAsync(app => app.MapCherry<LifecycleRoot>("/", o => o
            .Set("/section", "error_page.404", AppFile("notfound.html"))));
        var (response, body) = await server.Client.FetchAsync("/section/leaf/extra");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.StartsWith("<p>template says: 404 Not Found / Nothing matches the given URI</p>", body);
    }

    [Fact]
    public async Task IConfiguration_sections_configure_an_app()
    {
        await using var server = await CherryServer.StartAsync(
            app => app.MapCherry<LifecycleRoot>("/"),
            settings: new Dictionary<string, string?>
            {
                ["Cherry:Apps:/:/section:tools:trailing_slash:missing"] = "false",
                ["Cherry:Global:response.headers.X-From-Json"] = "yes",
            });
        var (response, body) = await server.Client.FetchAsync("/section");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("section index", body);
        Assert.Equal("yes", response.Headers.GetValues("X-From-Json").Single());
    }

    [Theory]
    [InlineData("/section", "tools.trailing_slash.colour", "True", "'/section', key 'tools.trailing_slash.colour'")]
    [InlineData("/section", "request.unknown", "1", "'/section', key 'request.unknown'")]
    [InlineData("/", "tools.no_such_tool.on", "True", "there is no tool named 'no_such_tool'")]
    [InlineData("/", "tools.trailing_slash.on", "maybe", "key 'tools.trailing_slash.on': expected True or False")]
    [InlineData("/", "error_page.200", "x", "error_page takes a status")]
    [InlineData("/section", "error_page.404", "nonexistent.html", "key 'error_page.404': the error page template")]
    [InlineData("/", "request.query_string_encoding", "klingon", "key 'request.query_string_encoding': there is no charset named 'klingon'")]
    [InlineData("/", "response.stream", "sometimes", "key 'response.stream': expected True or False")]
    [InlineData("/", "request.methods_with_bodies", "POST, get", "key 'request.methods_with_bodies': 'get' is not an HTTP method")]
    // Keys of tools that are not on are checked too, and config values obey the rules attributes obey at build time.
    [InlineData("/section", "tools.gzip.onn", "True", "'/section', key 'tools.gzip.onn': the tool 'gzip' has no argument 'onn'")]
    [InlineData("/", "tools.sessions.enabled", "True", "key 'tools.sessions.enabled': the tool 'sessions' has no argument 'enabled'")]
    [InlineData("/", "tools.caching.delay", "5x", "key 'tools.caching.delay': expected an integer")]
    [InlineData("/section", "tools.caching.delay", "0", "key 'tools.caching.delay': Delay must be at least 1 second")]
    [InlineData("/", "tools.expires.secs", "-1", "key 'tools.expires.secs': Secs cannot be negative")]
    [InlineData("/", "tools.referer.pattern", "(", "key 'tools.referer.pattern': the pattern '(' is not a valid regular expression")]
    [InlineData("/", "tools.allow.methods", "GET, FETCH", "key 'tools.allow.methods': 'FETCH' is not an HTTP method")]
    [InlineData("/section", "tools.staticdir.on", "True", "key 'tools.staticdir.dir': staticdir needs a directory")]
    public async Task Unknown_or_malformed_keys_fail_start_up_naming_key_and_path(string section, string key, string value, string expected)
    {
        var error = await Assert.ThrowsAsync<CherryConfigurationException>(() =>
            CherryServer.StartAsync(app => app.MapCherry<LifecycleRoot>("/", o => o.Set(section, key, value))));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Ini_values_must_be_python_literals()
    {
        using var stream = new MemoryStream("[/]\ntools.trailing_slash.on = os.system('x')\n"u8.ToArray());
        var error = Assert.Throws<CherryConfigurationException>(() => CherryConfig.FromIni(stream));
        Assert.Contains("key 'tools.trailing_slash.on'", error.Message);
        Assert.Contains("section '/'", error.Message);
    }

    [Fact]
    public async Task Sections_apply_to_paths_reached_through_default_and_to_404s_below_them()
    {
        await using var reference = await CherryServer.StartAsync(app => app.MapCherry<ReferenceRoot>("/", o => ReferenceAppFixture.WithSessions(o)
            .Set("/virtual", "response.headers.X-Virtual", "yes")));
        var (viaDefault, body) = await reference.Client.FetchAsync("/virtual/page");
        Assert.Equal("root default args=('virtual', 'page')", body);
        Assert.Equal("yes", viaDefault.Headers.GetValues("X-Virtual").Single());
        Assert.False((await reference.Client.FetchAsync("/other")).Response.Headers.Contains("X-Virtual"));

        await using var lifecycle = await CherryServer.StartAsync(app => app.MapCherry<LifecycleRoot>("/", o => o
            .ErrorPage("/gone", 404, page => "gone: " + page.Message)));
        var (missing, page) = await lifecycle.Client.FetchAsync("/gone/away");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.StartsWith("gone: The path '/gone/away' was not found.", page);
        Assert.DoesNotContain("gone:", (await lifecycle.Client.FetchAsync("/elsewhere")).Body);
    }

    [Fact]
    public async Task A_handler_taking_a_session_without_the_sessions_tool_stops_start_up()
    {
        // Without the check the app started, and the first request to /sram/ was a 500.
        var error = await Assert.ThrowsAsync<CherryConfigurationException>(() => CherryServer.StartAsync(app => app.MapCherry<SessionRoot>("/", o => o
            .Set("/sfile", "tools.sessions.on", "True"))));
        Assert.Contains("key 'tools.sessions.on': the handler at /sram", error.Message);
        Assert.Contains("takes a Session, but the sessions tool is not on there: add [Sessions] to its class, or tools.sessions.on = True", error.Message);
    }

    [Fact]
    public async Task A_static_directory_that_is_not_there_stops_start_up()
    {
        var error = await Assert.ThrowsAsync<CherryConfigurationException>(() => CherryServer.StartAsync(app => app.MapCherry<LifecycleRoot>("/", o => o
            .Set("/section", "tools.staticdir.on", "True")
            .Set("/section", "tools.staticdir.dir", "/nonexistent/cherry-static"))));
        Assert.Contains("section '/section', key 'tools.staticdir.dir': the directory '/nonexistent/cherry-static' does not exist", error.Message);
    }

    [Fact]
    public async Task A_tool_that_is_off_needs_nothing_it_would_need_when_on()
    {
        await using var server = await CherryServer.StartAsync(app => app.MapCherry<LifecycleRoot>("/", o => o
            .Set("/section", "tools.auth_basic.on", "False")
            .Set("/section", "tools.staticdir.on", "False")));
        Assert.Equal("section index", (await server.Client.FetchAsync("/section/")).Body);
    }

    [Fact]
    public async Task A_registered_user_tool_is_configured_under_its_own_name()
    {
        await using var server = await CherryServer.StartAsync(
            app => app.MapCherry<LifecycleRoot>("/", o => o.Set("/section", "tools.stamp.on", "True").Set("/section", "tools.stamp.text", "by config")),
            configure: options => options.Tools.Register(() => new StampTool()));
        var (response, _) = await server.Client.FetchAsync("/section/");
        Assert.Equal("by config", response.Headers.GetValues("X-Stamp").Single());

        var error = await Assert.ThrowsAsync<CherryConfigurationException>(() => CherryServer.StartAsync(
            app => app.MapCherry<LifecycleRoot>("/", o => o.Set("/", "tools.stamp.colour", "red")),
            configure: options => options.Tools.Register(() => new StampTool())));
        Assert.Contains("the tool 'stamp' has no argument 'colour'", error.Message);
    }

    /// <summary>
    /// A tool the app ships through an attribute can be switched on elsewhere by configuration alone (a deployed .conf),
    /// without a registration: it answered "there is no tool named 'stamp'".
    /// </summary>
    [Fact]
    public async Task A_tool_an_attribute_ships_is_switched_on_by_configuration_without_a_registration()
    {
        await using var server = await CherryServer.StartAsync(app => app.MapCherry<StampRoot>("/", o => o.Set("/plain", "tools.stamp.on", "True")));
        Assert.Equal("by attribute", (await server.Client.FetchAsync("/")).Response.Headers.GetValues("X-Stamp").Single());
        Assert.Equal("by attribute", (await server.Client.FetchAsync("/plain")).Response.Headers.GetValues("X-Stamp").Single());
    }

    /// <summary>
    /// CherryPy's inheritance: a tool's arguments set in a parent section where the tool is off (tools.staticdir.root in
    /// [/]) reach the sections below that turn it on. Start-up stopped with "the tool 'staticdir' has no argument 'root'".
    /// </summary>
    [Fact]
    public async Task Tool_arguments_set_where_the_tool_is_off_are_inherited_below()
    {
        await using var server = await CherryServer.StartAsync(app => app.MapCherry<ReferenceRoot>("/", o => ReferenceAppFixture.WithSessions(o)
            .Set("/", "tools.staticdir.root", AppContext.BaseDirectory)
            .Set("/", "tools.gzip.mime_types", "text/plain")
            .Set("/assets", "tools.staticdir.on", "True")
            .Set("/assets", "tools.staticdir.dir", "Fixtures/static")));
        var (response, body) = await server.Client.FetchAsync("/assets/digits.txt");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("0123456789abcdefghij", body);
        // A misspelt argument is still found where the tool is off, with the name it was meant to be.
        var error = await Assert.ThrowsAsync<CherryConfigurationException>(() => CherryServer.StartAsync(app => app.MapCherry<LifecycleRoot>("/", o => o
            .Set("/", "tools.staticdir.rot", "x"))));
        Assert.Contains("the tool 'staticdir' has no argument 'rot'. Did you mean 'root'?", error.Message);
    }

    /// <summary>Start-up names every configuration error at once, each with its section, key and fix, not the first alone.</summary>
    [Fact]
    public async Task Start_up_names_every_configuration_error_at_once_with_a_suggestion()
    {
        var error = await Assert.ThrowsAsync<CherryConfigurationException>(() => CherryServer.StartAsync(app => app.MapCherry<LifecycleRoot>("/", o => o
            .Set("/", "tools.gzipp.on", "True")
            .Set("/", "tools.caching.dealy", "10")
            .Set("/", "request.show_traceback", "True")
            .Set("/deeper", "tools.expires.on", "maybe"))));
        Assert.Equal(4, error.Errors.Count);
        Assert.StartsWith("Cherry configuration has 4 errors:", error.Message);
        Assert.Contains("key 'tools.gzipp.on'", error.Message);
        Assert.Contains("Did you mean 'gzip'?", error.Message);
        Assert.Contains("key 'tools.caching.dealy': the tool 'caching' has no argument 'dealy'. Did you mean 'delay'?", error.Message);
        Assert.Contains("key 'request.show_traceback': unknown key. Did you mean 'request.show_tracebacks'?", error.Message);
        Assert.Contains("section '/deeper', key 'tools.expires.on': expected True or False", error.Message);
        // Each error is said once, though every handler below a section meets it.
        Assert.Equal(error.Errors.Count, error.Errors.Select(e => e.Message).Distinct().Count());
    }

    /// <summary>
    /// Every source is read before start-up stops, and each error names where its key came from: the INI file and line,
    /// the configuration provider (here the in-memory one; appsettings.json, environment variables and the command line
    /// name themselves the same way), or code.
    /// </summary>
    [Fact]
    public async Task Start_up_names_every_error_of_every_source_with_its_origin()
    {
        var root = Directory.CreateTempSubdirectory("cherry-origins-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(root, "site.conf"), "[/]\ntools.gzip.on = True\ntools.caching.dealy = 10\n\n[/deeper]\ntools.expires.on = maybe\n");
            var error = await Assert.ThrowsAsync<CherryConfigurationException>(() => CherryServer.StartAsync(
                app => app.MapCherry<LifecycleRoot>("/", o => o.AddIniFile("site.conf").AddIniFile("missing.conf").Set("/", "tools.gzipp.on", "True")),
                settings: new Dictionary<string, string?> { ["Cherry:Apps:/:/:tools.sessions.name"] = "'sid'", ["Cherry:Apps:/:/:request.show_traceback"] = "True" },
                contentRoot: root));
            Assert.Equal(6, error.Errors.Count);
            var site = Path.Combine(root, "site.conf");
            Assert.Contains(error.Errors, e => e.Key == "tools.expires.on" && e.Origin == site + ", line 6" && e.Message.Contains("is not a Python literal"));
            Assert.Contains(error.Errors, e => e.Key == Path.Combine(root, "missing.conf") && e.Message.Contains("the INI file does not exist") && e.Message.Contains($"The content root is {root}"));
            Assert.Contains(error.Errors, e => e.Key == "tools.sessions.name" && e.Origin!.Contains("MemoryConfigurationProvider") && e.Message.Contains("write sid."));
            Assert.Contains(error.Errors, e => e.Key == "request.show_traceback" && e.Origin!.Contains("MemoryConfigurationProvider") && e.Message.Contains("Did you mean 'request.show_tracebacks'?"));
            Assert.Contains(error.Errors, e => e.Key == "tools.gzipp.on" && e.Origin == "Set in code" && e.Message.Contains("Did you mean 'gzip'?"));
            Assert.Contains(error.Errors, e => e.Key == "tools.caching.dealy" && e.Origin == site + ", line 3" && e.Message.EndsWith($"the tool 'caching' has no argument 'dealy'. Did you mean 'delay'? ({site}, line 3)", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>
    /// Outside INI files values are plain text: a value quoted as in an INI file kept its quotes ("'links_sid'" sent
    /// Set-Cookie: 'links_sid'=...). Each one is named at start-up with its plain form, all at once.
    /// </summary>
    [Fact]
    public async Task Values_quoted_as_in_an_ini_file_are_refused_outside_ini_files()
    {
        var error = await Assert.ThrowsAsync<CherryConfigurationException>(() => CherryServer.StartAsync(
            app => app.MapCherry<StampRoot>("/"),
            settings: new Dictionary<string, string?>
            {
                ["Cherry:Apps:/:/:tools.sessions.name"] = "'links_sid'",
                ["Cherry:Apps:/:/:tools.gzip.mime_types"] = "['text/html', \"text/css\"]",
                ["Cherry:Apps:/:/:response.headers.X-Note"] = "\"quoted\"",
            }));
        Assert.Equal(3, error.Errors.Count);
        Assert.Contains("key 'tools.sessions.name': the value 'links_sid' is written as in an INI file", error.Message);
        Assert.Contains("values are plain text: write links_sid.", error.Message);
        Assert.Contains("write text/html, text/css.", error.Message);
        Assert.Contains("write quoted.", error.Message);

        var inCode = Assert.Throws<CherryConfigurationException>(() => new CherryConfig().Set("/", "tools.auth_basic.realm", "'admin'"));
        Assert.Contains("write admin.", inCode.Message);
        // Quotes inside a value are its own; an INI file's literal is read by INI rules.
        Assert.Equal("default-src 'self'", ValueOf(new CherryConfig().Set("/", "response.headers.Content-Security-Policy", "default-src 'self'"), "/", "response.headers.Content-Security-Policy"));
        using var ini = new MemoryStream("[/]\ntools.sessions.name = 'links_sid'\n"u8.ToArray());
        Assert.Equal("links_sid", ValueOf(CherryConfig.FromIni(ini), "/", "tools.sessions.name"));
    }

    /// <summary>A JSON array is one list value, as "a, b" is; it became keys ending in .0, .1, which start-up refused.</summary>
    [Fact]
    public async Task A_json_array_is_a_list_value()
    {
        await using var server = await CherryServer.StartAsync(
            app => app.MapCherry<ReferenceRoot>("/", o => ReferenceAppFixture.WithSessions(o)),
            settings: new Dictionary<string, string?>
            {
                ["Cherry:Apps:/:/:tools.allow.on"] = "True",
                ["Cherry:Apps:/:/:tools.allow.methods:0"] = "GET",
                ["Cherry:Apps:/:/:tools.allow.methods:1"] = "HEAD",
            });
        Assert.Equal(HttpStatusCode.OK, (await server.Client.FetchAsync("/")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await server.Client.FetchAsync(HttpMethod.Post, "/one", "p1=a", "application/x-www-form-urlencoded")).Response.StatusCode);
    }

    private static string? ValueOf(CherryConfig config, string path, string key) => config.ForPath(path).Last(e => e.Key == key).Value;

    /// <summary>The analyzers read a script name without its slash as a mount at /x; so does MapCherry (it threw).</summary>
    [Theory]
    [InlineData("stamps")]
    [InlineData("/stamps/")]
    [InlineData("stamps/")]
    public async Task A_script_name_is_read_as_the_analyzers_read_it(string scriptName)
    {
        await using var server = await CherryServer.StartAsync(app => app.MapCherry<StampRoot>(scriptName));
        Assert.Equal("plain page", (await server.Client.FetchAsync("/stamps/plain")).Body);
    }

    [Theory]
    [InlineData("/my-area", "/my_area")]
    [InlineData("/favicon.ico", "/favicon_ico")]
    [InlineData("/a.b/c-d", "/a_b/c_d")]
    [InlineData("global", "global")]
    [InlineData("/", "/")]
    public void A_section_names_the_tree_path_its_url_reaches(string section, string treePath) =>
        Assert.Equal(treePath, CherryConfig.TreeForm(section));

    [Fact]
    public async Task A_user_tool_is_turned_on_by_its_attribute_and_configured_like_a_built_in_one()
    {
        await using var server = await CherryServer.StartAsync(
            app => app.MapCherry<StampRoot>("/", o => o.Set("/plain", "tools.stamp.on", "True")),
            configure: options => options.Tools.Register(() => new StampTool()));
        Assert.Equal("by attribute", (await server.Client.FetchAsync("/")).Response.Headers.GetValues("X-Stamp").Single());
        Assert.Equal("stamped", (await server.Client.FetchAsync("/plain")).Response.Headers.GetValues("X-Stamp").Single());

        await using var configured = await CherryServer.StartAsync(
            app => app.MapCherry<StampRoot>("/", o => o.Set("/", "tools.stamp.text", "by config").Set("/plain", "tools.stamp.on", "False")),
            configure: options => options.Tools.Register(() => new StampTool()));
        Assert.Equal("by config", (await configured.Client.FetchAsync("/")).Response.Headers.GetValues("X-Stamp").Single());
        Assert.False((await configured.Client.FetchAsync("/plain")).Response.Headers.Contains("X-Stamp"));
    }

    [Fact]
    public async Task Relative_paths_resolve_against_the_content_root_not_the_current_directory()
    {
        var contentRoot = Directory.CreateTempSubdirectory("cherry-content-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(contentRoot, "static"));
            File.WriteAllText(Path.Combine(contentRoot, "static", "hello.txt"), "hello from the content root");
            File.WriteAllText(Path.Combine(contentRoot, "missing.html"), "<p>%(status)s from the content root</p>");
            // No root: a relative staticdir needs none, as a relative path in ASP.NET Core needs none.
            File.WriteAllText(Path.Combine(contentRoot, "app.conf"), """
                [/section]
                tools.staticdir.on = True
                tools.staticdir.dir = 'static'
                error_page.404 = 'missing.html'
                tools.sessions.on = True
                tools.sessions.storage_class = 'file'
                tools.sessions.storage_path = 'sessions'
                """);
            Assert.NotEqual(contentRoot, Directory.GetCurrentDirectory());
            await using var server = await CherryServer.StartAsync(app => app.MapCherry<LifecycleRoot>("/", o => o.AddIniFile("app.conf")), contentRoot: contentRoot);

            Assert.Equal("hello from the content root", (await server.Client.FetchAsync("/section/hello.txt")).Body);
            var (missing, page) = await server.Client.FetchAsync("/section/nothing/here.txt");
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.StartsWith("<p>404 Not Found from the content root</p>", page);
            Assert.True(Directory.Exists(Path.Combine(contentRoot, "sessions")));
        }
        finally
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    [Fact]
    public async Task A_value_an_attribute_sets_and_a_rule_refuses_stops_start_up_naming_the_attribute_and_where_it_is_written()
    {
        var error = await Assert.ThrowsAsync<CherryConfigurationException>(() => CherryServer.StartAsync(app => app.MapCherry<App.BadAttributeRoot>("/")));
        Assert.Contains("section '/ ([Gzip] on Cherry.Integration.Tests.App.BadAttributeRoot.Index)', key 'tools.gzip.compress_level'", error.Message);
        Assert.Contains("section '/ ([Expires] on Cherry.Integration.Tests.App.BadAttributeRoot)', key 'tools.expires.secs'", error.Message);
    }
}
