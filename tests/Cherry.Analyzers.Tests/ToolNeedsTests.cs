using static Cherry.Analyzers.Tests.Verify;

namespace Cherry.Analyzers.Tests;

/// <summary>CHERRY0021: a tool on where what its catalog entry needs is missing, in config files, code and attributes.</summary>
public sealed class ToolNeedsTests
{
    private const string Tree = """
        using Microsoft.AspNetCore.Routing;
        using Microsoft.Extensions.DependencyInjection;

        public class Admin
        {
            [Exposed] public string Index() => "admin";
        }

        [Sessions]
        public class Account
        {
            [Exposed] public string Index() => "account";
        }

        public class Root
        {
            public Admin Admin { get; } = new();
            public Account Account { get; } = new();
            [Exposed] public string Index() => "home";
        }

        public static class Site
        {
            public static void Services(IServiceCollection services)
            {
                services.AddKeyedSingleton<CheckPassword>("admin", (realm, user, password) => password == "secret");
                services.AddKeyedSingleton("default", new SessionAuthenticator { CheckUsernameAndPassword = (user, password) => null });
            }

            public static void Map(IEndpointRouteBuilder app) => app.MapCherry<Root>("/", o => o.AddIniFile("site.conf"));
        }

        """;

    [Fact]
    public Task Needs_met_by_config_attributes_and_registrations_get_no_diagnostic() => AnalyzerAsync<ToolNeedsAnalyzer>(Tree, [("site.conf", """
        [/admin]
        tools.sessions.on = True
        tools.session_auth.on = True
        tools.auth_basic.on = True
        tools.auth_basic.realm = 'admin'

        [/account]
        tools.session_auth.on = True
        """)]);

    [Fact]
    public Task Session_auth_where_sessions_are_off_is_reported_on_its_line() => AnalyzerAsync<ToolNeedsAnalyzer>(Tree, [("site.conf", """
        [global]
        tools.sessions.on = True

        [/admin]
        tools.sessions.on = False
        tools.session_auth.on = True
        """)],
        Warning("CHERRY0021").WithSpan("site.conf", 6, 1, 6, 29).WithArguments(
            "session_auth is on at /admin, but sessions is not: session_auth needs it on the same path. Add tools.sessions.on = True to the section, or [Sessions] to the class."));

    [Fact]
    public Task A_realm_without_a_password_check_or_without_a_realm_is_reported() => AnalyzerAsync<ToolNeedsAnalyzer>(Tree, [("site.conf", """
        [/admin]
        tools.auth_basic.on = True
        tools.auth_basic.realm = 'earth'

        [/account]
        tools.auth_digest.on = True
        tools.auth_digest.key = 'a565c27146791cfb'
        """)],
        Warning("CHERRY0021").WithSpan("site.conf", 3, 1, 3, 33).WithArguments(
            "auth_basic resolves the CheckPassword registered under 'earth' at start-up, and the build sees none: add builder.Services.AddKeyedSingleton<CheckPassword>(\"earth\", ...)."),
        Warning("CHERRY0021").WithSpan("site.conf", 6, 1, 6, 28).WithArguments("auth_digest is on at /account without its realm: add tools.auth_digest.realm."));

    [Fact]
    public Task Appsettings_and_constant_set_calls_are_folded_with_the_ini_file() => AnalyzerAsync<ToolNeedsAnalyzer>(
        Tree.Replace("o.AddIniFile(\"site.conf\")", "o.AddIniFile(\"site.conf\").Set(\"/admin\", \"tools.sessions.on\", \"False\")"),
        [("site.conf", """
        [/admin]
        tools.session_auth.on = True
        tools.session_auth.authenticator = 'staff'
        """), ("appsettings.json", """
        {
          "Cherry": { "Apps": { "/": { "/": { "tools.sessions.on": true } } } }
        }
        """)],
        Warning("CHERRY0021").WithSpan("site.conf", 2, 1, 2, 29).WithArguments(
            "session_auth is on at /admin, but sessions is not: session_auth needs it on the same path. Add tools.sessions.on = True to the section, or [Sessions] to the class."),
        Warning("CHERRY0021").WithSpan("site.conf", 3, 1, 3, 43).WithArguments(
            "session_auth resolves the SessionAuthenticator registered under 'staff' at start-up, and the build sees none: add builder.Services.AddKeyedSingleton<SessionAuthenticator>(\"staff\", ...)."));

    [Fact]
    public Task An_attribute_realm_without_a_password_check_is_reported_on_the_attribute() => AnalyzerAsync<ToolNeedsAnalyzer>(
        Tree.Replace("public class Admin", "[{|#0:AuthBasic(Realm = \"earth\")|}]\npublic class Admin"), [("site.conf", "[/]\ncolour = 'red'\n")],
        Warning("CHERRY0021").WithLocation(0).WithArguments(
            "auth_basic resolves the CheckPassword registered under 'earth' at start-up, and the build sees none: add builder.Services.AddKeyedSingleton<CheckPassword>(\"earth\", ...)."));

    /// <summary>A per-path checkpassword names the key before the realm does, in configuration and on the attribute.</summary>
    [Fact]
    public Task A_checkpassword_names_the_key_before_the_realm() => AnalyzerAsync<ToolNeedsAnalyzer>(
        Tree.Replace("public class Admin", "[{|#0:AuthBasic(Realm = \"admin\", CheckPassword = \"staff\")|}]\npublic class Admin"), [("site.conf", """
        [/]
        tools.auth_basic.on = True
        tools.auth_basic.realm = 'earth'
        tools.auth_basic.checkpassword = 'admin'

        [/account]
        tools.auth_basic.checkpassword = 'clerks'
        """)],
        Warning("CHERRY0021").WithLocation(0).WithArguments(
            "auth_basic resolves the CheckPassword registered under 'staff' at start-up, and the build sees none: add builder.Services.AddKeyedSingleton<CheckPassword>(\"staff\", ...)."),
        Warning("CHERRY0021").WithSpan("site.conf", 7, 1, 7, 42).WithArguments(
            "auth_basic resolves the CheckPassword registered under 'clerks' at start-up, and the build sees none: add builder.Services.AddKeyedSingleton<CheckPassword>(\"clerks\", ...)."));

    [Fact]
    public Task A_computed_key_or_an_unreadable_source_is_not_judged() => AnalyzerAsync<ToolNeedsAnalyzer>(
        Tree.Replace("services.AddKeyedSingleton<CheckPassword>(\"admin\"", "services.AddKeyedSingleton<CheckPassword>(System.Environment.GetEnvironmentVariable(\"REALM\")")
            .Replace("o.AddIniFile(\"site.conf\")", "o.AddIniFile(\"site.conf\").AddIniFile(\"deployed.conf\")"),
        [("site.conf", """
        [/admin]
        tools.session_auth.on = True
        tools.auth_basic.on = True
        tools.auth_basic.realm = 'earth'
        """)]);

    [Fact]
    public async Task The_fix_adds_the_needed_tool_under_the_line()
    {
        var fixedText = await FixRunner.ApplyToConfigAsync(new ToolNeedsAnalyzer(), new Cherry.CodeFixes.ConfigFileCodeFix(), Tree, ("site.conf", """
            [/admin]
            tools.session_auth.on = True
            tools.session_auth.session_key = 'user'
            """));
        Assert.Equal("""
            [/admin]
            tools.session_auth.on = True
            tools.sessions.on = True
            tools.session_auth.session_key = 'user'
            """, fixedText.ReplaceLineEndings());
    }
}
