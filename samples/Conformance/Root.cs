using Cherry;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Keywords = System.Collections.Generic.IReadOnlyList<System.Collections.Generic.KeyValuePair<string, string>>;

namespace Conformance;

/// <summary>reference_app.py's Root: object-tree dispatch, errors, redirects, status and lib.static calls. Unsealed: the integration tests extend it.</summary>
public class Root
{
    public Dir1 Dir1 { get; } = new();

    public DefNoIndex Defnoindex { get; } = new();

    public Blog Blog { get; } = new();

    public Dyn Dyn { get; } = new();

    public JsonApp Json { get; } = new();

    public Protected Basic { get; } = new();

    public Protected Digest { get; } = new();

    public CacheApp Cache { get; } = new();

    public ExpiresApp Expires { get; } = new();

    public CondApp Cond { get; } = new();

    public GzipApp Gzip { get; } = new();

    public SessApp Sram { get; } = new();

    public SessApp Sfile { get; } = new();

    public SessAuthApp Sauth { get; } = new();

    public MiscTools Tools { get; } = new();

    public RestItems Rest { get; } = new();

    public XmlRpcApp Xmlrpc { get; } = new();

    public NoDef Nodef { get; } = new();

    private static readonly System.Buffers.SearchValues<char> CookieNameCharacters =
        System.Buffers.SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private static string StaticFile(string name) => Path.Combine(AppContext.BaseDirectory, "static", name);

    [Exposed]
    public string Index(string name = "world") => "Hello " + name;

    [Exposed]
    public string Args(string a, Keywords kw, string b = "B", params string[] rest) =>
        $"a={a} b={b} rest={PyRepr.Tuple(rest)} kw={PyRepr.SortedItems(kw)}";

    [Exposed]
    public string One(string p1) => "one p1=" + p1;

    /// <summary>Two required parameters: the argument errors name both.</summary>
    [Exposed]
    public string Signin(string mail, string pwd) => "signin mail=" + mail;

    [Exposed]
    public string Nothing() => "nothing";

    [Exposed]
    public string Multi(string[]? x = null) => "multi x=" + PyRepr.Value(x);

    [Exposed]
    public string TranslateHtml() => "translated";

    public string NotExposed() => "should not be reachable";

    [Exposed]
    public string Default(Keywords kwargs, params string[] args) => "root default args=" + PyRepr.Tuple(args);

    [Exposed, ProducesResponseType(500)]
    public string Error(int code = 500, string? msg = null) => throw new HttpError(code, msg);

    [Exposed, ProducesResponseType(404)]
    public string Notfound() => throw new NotFound();

    [Exposed, ProducesResponseType(500)]
    public string Boom() => throw new InvalidOperationException("boom");

    [Exposed, ProducesResponseType(303)]
    public string Redirect(string url = "dir1/", int? code = null) => throw new HttpRedirect(url, code);

    [Exposed]
    public string Internal() => throw new InternalRedirect("/index?name=internal");

    [Exposed]
    public string Status(Response response, string s)
    {
        response.Status = s;
        return "status body";
    }

    [Exposed]
    public string Cookie(Response response, string name = "c", string value = "v")
    {
        // The name comes from the client: one that is no RFC 6265 token is its mistake, not a failure here.
        if (name.Length == 0 || name.AsSpan().ContainsAnyExcept(CookieNameCharacters))
        {
            throw new HttpError(400, "A cookie name is a token: letters, digits and !#$%&'*+-.^_`|~.");
        }
        response.Cookies.Append(name, value, new CookieOptions { Path = "/" });
        return "cookie set";
    }

    [Exposed]
    public string Typed(int limit = 10) => "limit=" + limit.ToString(CultureInfo.InvariantCulture) + " type=int";

    [Exposed]
    public string Url(Request request, string path = "", string qs = "", string? relative = null)
    {
        var url = request.Url(path, qs);
        return relative == "server" ? new Uri(url).PathAndQuery : url;
    }

    [Exposed]
    public void Servefile(Request request) => Static.ServeFile(request, StaticFile("digits.txt"));

    [Exposed]
    public void Download(Request request) => Static.ServeDownload(request, StaticFile("digits.txt"));

    [Exposed]
    public void DownloadUtf8(Request request) =>
        Static.ServeFile(request, StaticFile("digits.txt"), disposition: "attachment", name: "dígits ☃.txt");

    [Exposed]
    public void Fileobj(Request request) => Static.ServeFileObj(request, new MemoryStream("Fee\nfie\nfo\nfum"u8.ToArray()), "text/plain");
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

    /// <summary>Consumes one segment when it looks like an id, as the reference app's _cp_dispatch does.</summary>
    [Dispatch]
    public DynNode? Next(VirtualPath path) =>
        path.Count > 0 && path[0].Length > 0 && path[0].All(char.IsAsciiDigit) ? new DynNode(path.Pop()) : null;
}

public sealed class DynNode(string name)
{
    [Exposed]
    public string Index() => "dyn node " + name;

    [Exposed]
    public string Info() => "dyn info " + name;
}

/// <summary>The MethodDispatcher subtree mounted at /rest.</summary>
[Rest]
public class RestItems
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

    [ProducesResponseType(201)]
    public string Post(Response response, string value)
    {
        lock (_lock)
        {
            _items.Add(value);
            response.StatusCode = 201;
            return "created " + (_items.Count - 1);
        }
    }

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

public sealed class NoDef
{
    [Exposed]
    public string Index() => "nodef index";

    [Exposed, ProducesResponseType(404)]
    public string Missing() => throw new NotFound();
}

/// <summary>The second application, mounted under a script name.</summary>
public sealed class Mounted
{
    [Exposed]
    public string Index(Request request) => $"mounted index sn='{request.ScriptName}' pi='{request.PathInfo}'";

    [Exposed]
    public string Here(Request request) => request.Url();
}
