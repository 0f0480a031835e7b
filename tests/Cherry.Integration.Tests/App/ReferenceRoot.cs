using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace Cherry.Integration.Tests.App;

// A C# mirror of ../shared/conformance/reference_app.py, sections 1 to 4 (dispatch, REST, errors, JSON),
// written the way a Cherry user would write it. Answers keep CherryPy's text so tests can compare with cases.md.

using Keywords = IReadOnlyList<KeyValuePair<string, string>>;

public sealed class ReferenceRoot
{
    public Dir1 Dir1 { get; } = new();

    public DefNoIndex Defnoindex { get; } = new();

    public Blog Blog { get; } = new();

    public Dyn Dyn { get; } = new();

    public RestItems Rest { get; } = new();

    public JsonApp Json { get; } = new();

    public NoDef Nodef { get; } = new();

    [Exposed]
    public string Index(string name = "world") => "Hello " + name;

    [Exposed]
    public string Args(string a, Keywords kw, string b = "B", params string[] rest) =>
        $"a={a} b={b} rest={PyRepr.Tuple(rest)} kw={PyRepr.SortedItems(kw)}";

    [Exposed]
    public string One(string p1) => "one p1=" + p1;

    [Exposed]
    public string Nothing() => "nothing";

    [Exposed]
    public string Multi(string[] x) => "multi x=" + PyRepr.List(x);

    [Exposed]
    public string TranslateHtml() => "translated";

    public string NotExposed() => "should not be reachable";

    [Exposed]
    public string Default(Keywords kwargs, params string[] args) => "root default args=" + PyRepr.Tuple(args);

    [Exposed]
    public string Error(string code = "500", string? msg = null) => throw new HttpError(int.Parse(code, System.Globalization.CultureInfo.InvariantCulture), msg);

    [Exposed]
    public string Notfound() => throw new NotFound();

    [Exposed]
    public string Boom() => throw new InvalidOperationException("boom");

    [Exposed]
    public string Redirect(string url = "dir1/", int? code = null) => throw new HttpRedirect(url, code);

    [Exposed]
    public string Internal() => throw new InternalRedirect("/index?name=internal");

    [Exposed]
    public string Loop() => throw new InternalRedirect("/loop");

    [Exposed]
    public string Status(Response response, string s)
    {
        response.Status = s;
        return "status body";
    }

    [Exposed]
    public string Cookie(Response response, string name = "c", string value = "v")
    {
        response.Cookies.Append(name, value, new CookieOptions { Path = "/" });
        return "cookie set";
    }

    [Exposed]
    public string Typed(int limit = 10) => $"limit={limit} type=int";

    [Exposed]
    public string Url(Request request, string path = "", string qs = "", string? relative = null)
    {
        var url = request.Url(path, qs);
        return relative == "server" ? new Uri(url).PathAndQuery : url;
    }

    [Exposed]
    public string Kinds(Guid id, DateTimeOffset when, Color color, bool flag = false, double ratio = 0.5, long[]? ids = null) =>
        $"id={id} when={when:O} color={color} flag={flag} ratio={ratio.ToString(System.Globalization.CultureInfo.InvariantCulture)} ids={string.Join(",", ids ?? [])}";

    [Exposed]
    public async Task<string> Slow(CancellationToken cancellation)
    {
        await Task.Delay(1, cancellation);
        return "slow done";
    }
}

public enum Color
{
    Red,
    Green,
}

public sealed class Dir1
{
    public Dir2 Dir2 { get; } = new();

    [Exposed]
    public string Index() => "dir1 index";

    [Exposed, TrailingSlash(Extra = true)]
    public string Leaf(Request request) => "dir1 leaf, path_info=" + request.PathInfo;

    [Exposed]
    public string Default(Keywords kwargs, params string[] args) =>
        $"dir1 default args={PyRepr.Tuple(args)} kwargs={PyRepr.SortedItems(kwargs)}";
}

public sealed class Dir2
{
    [Exposed]
    public string Index(Request request) => "dir2 index, path_info=" + request.PathInfo;

    [Exposed]
    public string Posparam(params string[] vpath) => "posparam:" + string.Join("/", vpath);
}

public sealed class DefNoIndex
{
    [Exposed]
    public string Default(Request request, params string[] args) =>
        $"defnoindex default args={PyRepr.Tuple(args)} is_index={(request.IsIndex ? "True" : "False")}";
}

[PopArgs("year", "month")]
public sealed class Blog
{
    [Exposed]
    public string Index(string? year = null, string? month = null) => $"blog year={year ?? "None"} month={month ?? "None"}";

    [Exposed]
    public string Create() => "blog create";
}

public sealed class Dyn
{
    [Exposed]
    public string Index() => "dyn root";

    [Dispatch]
    public DynNode? Next(VirtualPath path) =>
        path.Count > 0 && path[0].All(char.IsAsciiDigit) ? new DynNode(path.Pop()) : null;
}

public sealed class DynNode(string name)
{
    [Exposed]
    public string Index() => "dyn node " + name;

    [Exposed]
    public string Info() => "dyn info " + name;
}

[Rest]
public sealed class RestItems
{
    private readonly List<string> _items = ["a", "b"];
    private readonly Lock _lock = new();

    public string Get(string? index = null)
    {
        lock (_lock)
        {
            if (index is null)
            {
                return string.Join(",", _items);
            }
            return int.TryParse(index, out var i) && i >= 0 && i < _items.Count ? _items[i] : throw new NotFound();
        }
    }

    public string Post(Response response, string value)
    {
        lock (_lock)
        {
            _items.Add(value);
            response.StatusCode = 201;
            return "created " + (_items.Count - 1);
        }
    }

    public string Put(string value) => "put " + value;

    public string Delete(string index)
    {
        lock (_lock)
        {
            if (!int.TryParse(index, out var i) || i < 0 || i >= _items.Count)
            {
                throw new NotFound();
            }
            var value = _items[i];
            _items.RemoveAt(i);
            return "deleted " + value;
        }
    }
}

[JsonOut]
public sealed class JsonApp
{
    [Exposed]
    public OutAnswer Out() => new(42, [1, "two"]);

    [Exposed, JsonIn]
    public Received Echo(Request request) => new(request.Json);

    [Exposed, JsonIn]
    public Payload Typed([JsonBody] Payload payload) => payload with { Name = payload.Name + "!" };

    [Exposed, JsonIn(Force = false)]
    public Lenient Lenient(Request request, Keywords kw) => new(request.Json, kw.ToDictionary(k => k.Key, k => k.Value));
}

public sealed record OutAnswer(int Answer, object[] List);

public sealed record Received(JsonElement? received);

public sealed record Payload(string Name, int Count);

public sealed record Lenient(JsonElement? Json, Dictionary<string, string> Params);

[JsonSerializable(typeof(OutAnswer))]
[JsonSerializable(typeof(Received))]
[JsonSerializable(typeof(Payload))]
[JsonSerializable(typeof(Lenient))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class ReferenceJsonContext : JsonSerializerContext;

public sealed class NoDef
{
    [Exposed]
    public string Index() => "nodef index";

    [Exposed]
    public string Missing() => throw new NotFound();
}

public sealed class MountedRoot
{
    [Exposed]
    public string Index(Request request) => $"mounted index sn='{request.ScriptName}' pi='{request.PathInfo}'";

    [Exposed]
    public string Here(Request request) => request.Url();
}
