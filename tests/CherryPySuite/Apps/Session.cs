using System.Text.Json.Nodes;
using Cherry;
using Cherry.Stores;

namespace CherryPySuite.Apps;

/// <summary>
/// test_session: sessions on the whole app with a one-second timeout and sweep, over a store the test switches at run
/// time (<c>/set_session_cls/cherrypy.lib.sessions.FileSession</c>). Cherry's sessions take their store from DI, so the
/// port registers a store of its own that holds the three the test names and serves from the one last chosen: RAM,
/// files in the test module's folder (where the test looks for <c>session-*</c> files), and memcached at the address
/// cherry_suite.py starts one on (<c>CHERRY_SUITE_MEMCACHED</c>).
/// </summary>
public static class Session
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddSingleton<SwitchedSessionStore>();
        services.AddSingleton<ISessionStore>(provider => provider.GetRequiredService<SwitchedSessionStore>());
    }

    // Root._cp_config: sessions on, RAM storage (DI's store here), storage_path localDir (the file store's folder),
    // timeout and clean_freq 1/60 of a minute. The cookie attributes Cherry adds by default, and CherryPy does not
    // (HttpOnly, SameSite), are off, as the test parses the cookie's attributes into name=value pairs.
    public static void Map(WebApplication app) => app.MapCherry(new Root(app.Services.GetRequiredService<SwitchedSessionStore>()), "/", options => options
        .Set("/", "tools.sessions.on", "True")
        .Set("/", "tools.sessions.timeout", "0.016666666666666666")
        .Set("/", "tools.sessions.clean_freq", "0.016666666666666666")
        .Set("/", "tools.sessions.httponly", "False")
        .Set("/", "tools.sessions.samesite", "Unspecified")
        .Set("/set_session_cls", "tools.sessions.on", "False")
        .Set("/restricted", "tools.allow.on", "True")
        .Set("/restricted", "tools.allow.methods", "GET")
        .Set("/session_cookie", "tools.sessions.path", "/session_cookie")
        .Set("/session_cookie", "tools.sessions.name", "temp")
        .Set("/session_cookie", "tools.sessions.persistent", "False"));

    public sealed class Root(SwitchedSessionStore store)
    {
        // cherrypy.session.cache.clear(): the RAM sessions.
        [Exposed]
        public void Clear() => store.ClearRam();

        // cherrypy.session._data as JSON; the port keeps the counter as the number it is.
        [Exposed, JsonOut]
        public JsonObject Data(Cherry.Session session)
        {
            session["aha"] = "foo";
            var data = new JsonObject();
            foreach (var key in session.Keys)
            {
                data[key] = key == "counter" ? JsonValue.Create(session.GetInt32(key)) : JsonValue.Create(session[key]);
            }
            return data;
        }

        [Exposed("testGen")]
        public IEnumerable<string> TestGen(Cherry.Session session)
        {
            var counter = session.GetInt32("counter") + 1;
            session.Set("counter", counter);
            yield return counter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        [Exposed("testStr")]
        public string TestStr(Cherry.Session session)
        {
            var counter = session.GetInt32("counter") + 1;
            session.Set("counter", counter);
            return counter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        // new_cls_name is cherrypy.lib.sessions.<Class>; sessions are off for this page.
        [Exposed]
        public void SetSessionCls(string newClsName) => store.Use(newClsName[(newClsName.LastIndexOf('.') + 1)..]);

        [Exposed]
        public async Task<string> Index(Cherry.Session session)
        {
            var counter = session.GetInt32("counter") + 1;
            await Task.Delay(10);
            session.Set("counter", counter);
            return counter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        [Exposed]
        public string Keyin(Cherry.Session session, string key) => session.Keys.Contains(key) ? "True" : "False";

        // cherrypy.session.delete(); sessions.expire()
        [Exposed]
        public string Delete(Cherry.Session session)
        {
            session.Delete();
            session.Expire();
            return "done";
        }

        [Exposed]
        public string Delkey(Cherry.Session session, string key)
        {
            session.Remove(key);
            return "OK";
        }

        [Exposed]
        public string RedirTarget() => store.ClassName;

        [Exposed]
        public string Iredir() => throw new InternalRedirect("/redir_target");

        [Exposed]
        public string Restricted(Request request) => request.Method;

        [Exposed]
        public string Regen(Cherry.Session session)
        {
            session.Regenerate();
            return "logged in";
        }

        // len(cherrypy.session) is the number of sessions in the store in CherryPy.
        [Exposed]
        public string Length() => store.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);

        [Exposed]
        public string SessionCookie(Cherry.Session session) => session.Id;
    }

    /// <summary>
    /// The sessions of the class the test chose last (CherryPy's <c>tools.sessions.storage_class</c>, which the Python
    /// rewrites on its class at run time): every call goes to that store; the sweep cleans all three.
    /// </summary>
    public sealed class SwitchedSessionStore(TimeProvider time) : ISessionStore, IAsyncDisposable
    {
        private readonly FileSessionStore _file = new(TestModule.Directory, time);
        private readonly MemcachedSessionStore? _memcached =
            Environment.GetEnvironmentVariable("CHERRY_SUITE_MEMCACHED") is { Length: > 0 } endpoint ? new(endpoint) : null;
        private RamSessionStore _ram = new(time);

        public string ClassName { get; private set; } = "RamSession";

        private ISessionStore Current => ClassName switch
        {
            "FileSession" => _file,
            "MemcachedSession" => _memcached ?? throw new InvalidOperationException("No memcached: CHERRY_SUITE_MEMCACHED is not set."),
            _ => _ram,
        };

        public void Use(string className) => ClassName = className is "RamSession" or "FileSession" or "MemcachedSession"
            ? className
            : throw new HttpError(400, $"No session class '{className}'.");

        public void ClearRam() => _ram = new(time);

        /// <summary>How many sessions the store holds: RAM's entries, the folder's session files; memcached cannot say.</summary>
        public int Count => Current switch
        {
            RamSessionStore ram => ram.Count,
            FileSessionStore file => Directory.EnumerateFiles(file.Directory, "session-*")
                .Count(path => !path.EndsWith(".lock", StringComparison.Ordinal) && !path.EndsWith(".tmp", StringComparison.Ordinal)),
            _ => throw new NotImplementedException("memcached cannot count its sessions."),
        };

        public ValueTask<IReadOnlyDictionary<string, string>?> LoadAsync(string id, CancellationToken cancellation) => Current.LoadAsync(id, cancellation);

        public ValueTask SaveAsync(string id, IReadOnlyDictionary<string, string> data, DateTimeOffset expires, CancellationToken cancellation) =>
            Current.SaveAsync(id, data, expires, cancellation);

        public ValueTask RenewAsync(string id, IReadOnlyDictionary<string, string> data, DateTimeOffset expires, CancellationToken cancellation) =>
            Current.RenewAsync(id, data, expires, cancellation);

        public ValueTask DeleteAsync(string id, CancellationToken cancellation) => Current.DeleteAsync(id, cancellation);

        public ValueTask<IAsyncDisposable> LockAsync(string id, TimeSpan? timeout, CancellationToken cancellation) => Current.LockAsync(id, timeout, cancellation);

        public async ValueTask CleanUpAsync(CancellationToken cancellation)
        {
            await _ram.CleanUpAsync(cancellation);
            await _file.CleanUpAsync(cancellation);
        }

        public ValueTask DisposeAsync() => _memcached?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(JsonObject))]
internal sealed partial class SessionJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
