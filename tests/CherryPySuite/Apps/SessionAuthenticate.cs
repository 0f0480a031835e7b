using Cherry;
using Keywords = System.Collections.Generic.IReadOnlyList<System.Collections.Generic.KeyValuePair<string, string>>;

namespace CherryPySuite.Apps;

/// <summary>
/// test_sessionauthenticate: sessions and session_auth on the whole app with a dummy credentials check, plus a
/// tool of the app's own (<c>augment_params</c>, before_handler priority 30) that adds a request parameter.
/// </summary>
public static class SessionAuthenticate
{
    public static void AddServices(IServiceCollection services) =>
        services.AddKeyedSingleton("default", new SessionAuthenticator
        {
            // check(username, password): None for good credentials, else the message.
            CheckUsernameAndPassword = (username, password) =>
                username != "test" || password != "password" ? "Wrong login/password" : null,
        });

    // cherrypy.tools.augment_params = cherrypy.Tool('before_handler', augment_params, None, priority=30)
    public static void Configure(CherryOptions options) => options.Tools.Register(() => new AugmentParamsTool());

    // Test._cp_config: tools.sessions.on, tools.session_auth.on (its check above), tools.augment_params.on.
    public static void Map(WebApplication app) => app.MapCherry<Test>("/", options => options
        .Set("/", "tools.sessions.on", "True")
        .Set("/", "tools.session_auth.on", "True")
        .Set("/", "tools.augment_params.on", "True"));

    public sealed class AugmentParamsTool : HookTool
    {
        public override string Name => "augment_params";

        public override HookPoint Point => HookPoint.BeforeHandler;

        public override int Priority => 30;

        public override ValueTask RunAsync(Request request)
        {
            // cherrypy.request.params['test'] = 'test' (a parameter a tool adds counts as Path-sourced).
            request.Parameters.Add("test", "test", ParameterSource.Path);
            return ValueTask.CompletedTask;
        }
    }

    public sealed class Test
    {
        [Exposed]
        public string Index(Request request, Keywords kwargs) => $"Hi {request.Login}, you are logged in";
    }
}
