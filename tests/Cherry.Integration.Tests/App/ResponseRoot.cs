using Microsoft.AspNetCore.Http;

namespace Cherry.Integration.Tests.App;

/// <summary>The request and response facades: header values, sequence bodies with and without streaming, URLs, ids.</summary>
public sealed class ResponseRoot
{
    public StreamedPages Streamed { get; } = new();

    public LatinPages Latin { get; } = new();

    public QuietPages Quiet { get; } = new();

    public DavPages Dav { get; } = new();

    /// <summary>Non-ASCII header text (ISO-8859-1 and beyond it) and a value with a line break in it.</summary>
    [Exposed]
    public string Headers(Response response)
    {
        response.Headers["X-Latin"] = "My d\u00f6g has fleas";
        response.Headers.ETag = "\u212bngstr\u00f6m";
        response.Headers.Append("X-Split", "a\r\nSet-Cookie: evil=1");
        response.Headers["X-Plain"] = "plain\tascii";
        return "headers";
    }

    [Exposed]
    public IEnumerable<string> Chunks()
    {
        yield return "one ";
        yield return "two";
    }

    [Exposed]
    public IEnumerable<string> FailsLater()
    {
        yield return "partial";
        throw new InvalidOperationException("the sequence failed");
    }

    [Exposed, Gzip]
    public IEnumerable<string> FailsFirst()
    {
        throw new InvalidOperationException("before the first item");
#pragma warning disable CS0162 // an iterator needs a yield to be one
        yield return "never";
#pragma warning restore CS0162
    }

    /// <summary>A handler that turns streaming on for itself.</summary>
    [Exposed]
    public IEnumerable<string> StreamsItself(Response response)
    {
        response.Streaming = true;
        return Chunks();
    }

    [Exposed("request_header")]
    public string RequestHeader(Request request, string name) => request.Header(name) ?? "absent";

    [Exposed]
    public string Ids(Request request) => request.UniqueId + " " + request.UniqueId;

    [Exposed]
    public string Required(string[] tag) => string.Join(",", tag);

    [Exposed]
    public string Optional(string[]? tag) => tag is null or [] ? "none" : string.Join(",", tag);

    [Exposed]
    public string Cookie(Request request, string name) => request.HttpContext.Request.Cookies[name] ?? "absent";

    /// <summary>Sets a cookie for each name and value, in order.</summary>
    [Exposed]
    public string SetCookies(Response response, string[] name, string[] value)
    {
        for (var i = 0; i < name.Length; i++)
        {
            response.Cookies.Append(name[i], value[i]);
        }
        return name.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The request's cookies as <c>name=value</c> pairs sorted by name, each part percent-encoded.</summary>
    [Exposed]
    public string Cookies(Request request) => string.Join("&", request.HttpContext.Request.Cookies
        .OrderBy(cookie => cookie.Key, StringComparer.Ordinal)
        .Select(cookie => Uri.EscapeDataString(cookie.Key) + "=" + Uri.EscapeDataString(cookie.Value)));

    [Exposed]
    public string Redirect(string to) => throw new HttpRedirect(to);

    public UrlPages Url { get; } = new();
}

public sealed class StreamedPages
{
    [Exposed]
    public IEnumerable<string> Index()
    {
        yield return "streamed ";
        yield return "body";
    }
}

public sealed class LatinPages
{
    [Exposed]
    public string Index(Request request, string q) => q;
}

public sealed class QuietPages
{
    [Exposed]
    public string Index() => throw new InvalidOperationException("hidden");
}

public sealed class DavPages
{
    [Exposed]
    public string Index(Request request, string? data = null) => request.Method + " " + (data ?? "no data");
}

public sealed class UrlPages
{
    [Exposed]
    public string Index(Request request, string path, UrlForm form = UrlForm.Absolute) => request.Url(path, form: form);

    [Exposed]
    public string Leaf(Request request, string path, UrlForm form = UrlForm.Absolute) => request.Url(path, form: form);
}
