using Cherry;
using Conformance;
using Keywords = System.Collections.Generic.IReadOnlyList<System.Collections.Generic.KeyValuePair<string, string>>;

namespace CherryPySuite.Apps;

/// <summary>
/// test_dynamicobjectmapping: <c>_cp_dispatch</c> hooks ([Dispatch]) choosing sub-nodes from dictionaries, a
/// MethodDispatcher resource ([Rest]) whose dispatch method makes a user node per request, and <c>popargs</c>
/// ([PopArgs]) with and without a handler. One Root per script name; the Python's per-mount <c>user</c> key is read by
/// no test and is left out.
/// </summary>
public static class DynamicObjectMapping
{
    public static readonly string[] ScriptNames = ["", "/foo", "/users/fred/blog", "/corp/blog"];

    public static void Map(WebApplication app)
    {
        foreach (var url in ScriptNames)
        {
            app.MapCherry(new Root(), url.Length == 0 ? "/" : url);
        }
    }

    private static readonly Dictionary<string, SubSubRoot> SubSubNodes = new(StringComparer.Ordinal) { ["1"] = new(), ["2"] = new() };

    private static readonly Dictionary<string, SubRoot> SubNodes = new(StringComparer.Ordinal) { ["1"] = new(), ["2"] = new() };

    public sealed class SubSubRoot
    {
        [Exposed]
        public string Index() => "SubSubRoot index";

        [Exposed]
        public string Default(params string[] args) => "SubSubRoot default";

        [Exposed]
        public string Handler() => "SubSubRoot handler";

        [Exposed]
        public string Dispatch() => "SubSubRoot dispatch";
    }

    public sealed class SubRoot
    {
        [Exposed]
        public string Index() => "SubRoot index";

        [Exposed]
        public string Default(params string[] args) => "SubRoot " + PyRepr.Tuple(args);

        [Exposed]
        public string Handler() => "SubRoot handler";

        [Dispatch]
        public SubSubRoot? Find(VirtualPath vpath) => SubSubNodes.GetValueOrDefault(vpath[0]);
    }

    public sealed class Root
    {
        // Class attributes in the Python (Root.decorated = DecoratedPopArgs(), ...): shared by the four mounts.
        private static readonly DecoratedPopArgs SharedDecorated = new();
        private static readonly NonDecoratedPopArgs SharedUndecorated = new();
        private static readonly IndexOnly SharedIndexOnly = new();
        private static readonly ParameterizedPopArgs SharedParameterTest = new();
        private static readonly UserContainerNode SharedUsers = new();

        public DecoratedPopArgs Decorated => SharedDecorated;

        public NonDecoratedPopArgs Undecorated => SharedUndecorated;

        public IndexOnly IndexOnly => SharedIndexOnly;

        public ParameterizedPopArgs ParameterTest => SharedParameterTest;

        public UserContainerNode Users => SharedUsers;

        [Exposed]
        public string Index() => "index";

        [Exposed]
        public string Default(params string[] args) => "default " + PyRepr.Tuple(args);

        [Exposed]
        public string Handler() => "handler";

        [Dispatch]
        public SubRoot? Find(VirtualPath vpath) => SubNodes.GetValueOrDefault(vpath[0]);
    }

    public sealed class User(int id, string name)
    {
        public int Id { get; } = id;

        public string Name { get; set; } = name;
    }

    /// <summary>The Python's module-level <c>user_lookup</c>, shared by every mount and request.</summary>
    private static class UserLookup
    {
        private static readonly Dictionary<int, User> Lookup = new() { [1] = new(1, "foo"), [2] = new(2, "bar") };

        public static readonly Lock Gate = new();

        public static User? Find(int id)
        {
            lock (Gate)
            {
                return Lookup.GetValueOrDefault(id);
            }
        }

        public static int Make(string name, int? id = null)
        {
            lock (Gate)
            {
                // max(*list(user_lookup.keys())) + 1
                var newId = id ?? Lookup.Keys.Max() + 1;
                Lookup[newId] = new User(newId, name);
                return newId;
            }
        }

        public static void Delete(int id)
        {
            lock (Gate)
            {
                Lookup.Remove(id);
            }
        }

        public static string Ids()
        {
            lock (Gate)
            {
                return "[" + string.Join(", ", Lookup.Keys.Order()) + "]";
            }
        }
    }

    /// <summary>MethodDispatcher('dynamic_dispatch'): the container answers by verb, and a numeric segment is a user.</summary>
    [Rest]
    public sealed class UserContainerNode
    {
        public string Post(string name) => "POST " + UserLookup.Make(name);

        public string Get() => UserLookup.Ids();

        [Dispatch]
        public UserInstanceNode? DynamicDispatch(VirtualPath vpath, Request request) =>
            int.TryParse(vpath[0], out var id) ? new UserInstanceNode(id, request.Method) : null;
    }

    [Rest]
    public sealed class UserInstanceNode
    {
        private readonly int _id;
        private User? _user;

        public UserInstanceNode(int id, string method)
        {
            _id = id;
            _user = UserLookup.Find(id);
            // For all but PUT there must be a user with this id.
            if (_user is null && method != "PUT")
            {
                throw new HttpError(404);
            }
        }

        public string Get(Keywords kwargs, params string[] args) => _user!.Name;

        public string Post(string name)
        {
            _user!.Name = name;
            return "POST " + _user.Id;
        }

        public string Put(string name)
        {
            if (_user is not null)
            {
                _user.Name = name;
                return "PUT " + _user.Id;
            }
            return "PUT " + UserLookup.Make(name, _id);
        }

        public string Delete()
        {
            var id = _user!.Id;
            UserLookup.Delete(id);
            _user = null;
            return "DELETE " + id;
        }
    }

    public sealed class AbHandler
    {
        public sealed class CustomDispatch
        {
            [Exposed]
            public string Index(string a, string b) => "custom";
        }

        /// <summary>Pops nothing: dispatch still goes on past the segment.</summary>
        [Dispatch]
        public CustomDispatch Find(VirtualPath vpath) => new();

        [Exposed]
        public string Index(string a, string? b = null) => "a:" + a + (b is null ? "" : ",b:" + b);

        [Exposed]
        public string Delete(string a, string b) => "deleting " + a + " and " + b;
    }

    /// <summary>Popping all of the path still shows the index.</summary>
    public sealed class IndexOnly
    {
        [Dispatch]
        public IndexOnly Find(VirtualPath vpath)
        {
            while (vpath.Count > 0)
            {
                vpath.Pop();
            }
            return this;
        }

        [Exposed]
        public string Index() => "IndexOnly index";
    }

    /// <summary><c>cherrypy.popargs('a', 'b', handler=ABHandler())(DecoratedPopArgs)</c>.</summary>
    [PopArgs("a", "b", Handler = nameof(Next))]
    public sealed class DecoratedPopArgs
    {
        private static readonly AbHandler SharedHandler = new();

        public AbHandler Next => SharedHandler;

        [Exposed]
        public string Index() => "no params";

        [Exposed]
        public string Hi() => "hi was not interpreted as 'a' param";
    }

    /// <summary><c>_cp_dispatch = cherrypy.popargs('a')</c>.</summary>
    [PopArgs("a")]
    public sealed class NonDecoratedPopArgs
    {
        [Exposed]
        public string Index(string a) => "index: " + a;
    }

    /// <summary>A handler made per request from the popped value, which then is not a request parameter.</summary>
    public sealed class ParameterizedHandler(string a)
    {
        [Exposed]
        public string Index(Request request) =>
            request.Parameters["a"] is not null
                ? throw new InvalidOperationException("Parameterized handler argument ended up in request.params")
                : a;
    }

    /// <summary><c>cherrypy.popargs('a', handler=ParameterizedHandler)(ParameterizedPopArgs)</c>.</summary>
    [PopArgs("a", Handler = nameof(Create))]
    public sealed class ParameterizedPopArgs
    {
        public ParameterizedHandler Create(string a) => new(a);
    }
}
