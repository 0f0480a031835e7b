using Cherry;
using Microsoft.AspNetCore.Mvc;
using System.Text.Json;
using System.Text.Json.Serialization;
using Keywords = System.Collections.Generic.IReadOnlyList<System.Collections.Generic.KeyValuePair<string, string>>;

namespace Conformance;

// reference_app.py's section 2: one class per tool family, with the tools switched on by attribute where
// the reference app uses a decorator or a class config, and by conformance.conf where it uses the app config.
// Classes left unsealed are extended by tests/Cherry.Integration.Tests with handlers beyond the reference app.

[JsonOut]
public class JsonApp
{
    [Exposed]
    public OutAnswer Out() => new(42, [1, "two"]);

    [Exposed, JsonIn]
    public Received Echo(Request request) => new(request.Json);

    [Exposed, JsonIn(Force = false)]
    public Lenient Lenient(Request request, Keywords kw) =>
        // As CherryPy's **kw: a repeated name carries the list of its values.
        new(request.Json, kw.GroupBy(k => k.Key).ToDictionary(g => g.Key, g => g.Count() == 1 ? (object)g.First().Value : g.Select(k => k.Value).ToArray()));
}

public sealed record OutAnswer(int Answer, object[] List);

public sealed record Received([property: JsonPropertyName("received")] JsonElement? Document);

public sealed record Lenient(JsonElement? Json, Dictionary<string, object> Params);

[JsonSerializable(typeof(OutAnswer))]
[JsonSerializable(typeof(Received))]
[JsonSerializable(typeof(Lenient))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(int))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class ConformanceJsonContext : JsonSerializerContext;

/// <summary>Behind auth_basic at /basic and auth_digest at /digest (conformance.conf).</summary>
public sealed class Protected
{
    [Exposed]
    public string Index(Request request) => "Hello " + request.Login;
}

/// <summary>Cached at /cache by conformance.conf; the counters show whether the handler ran.</summary>
public class CacheApp
{
    private int _counter;
    private int _lastModifiedCounter;

    [Exposed]
    public string Index() => "visit #" + Interlocked.Increment(ref _counter);

    [Exposed]
    public string Lastmod(Response response)
    {
        response.Headers.LastModified = "Sun, 28 Jan 2007 00:00:00 GMT";
        return "lastmod visit #" + Interlocked.Increment(ref _lastModifiedCounter);
    }
}

public sealed class ExpiresApp
{
    [Exposed, Expires(Secs = 60)]
    public string Plain() => "no cache indicator => expires tool does nothing";

    [Exposed, Expires(Secs = 60)]
    public string WithEtag(Response response)
    {
        response.Headers.ETag = "\"abc\"";
        return "etag present => Expires set";
    }

    [Exposed, Expires(Secs = 0, Force = true)]
    public string Force0() => "forced no-cache";
}

public class CondApp
{
    [Exposed, Etags(AutoTags = true)]
    public string Auto() => "Oh wah ta goo Siam.";

    [Exposed]
    public string Since(Request request)
    {
        request.Response.Headers.LastModified = "Sun, 28 Jan 2007 00:00:00 GMT";
        Conditional.ValidateSince(request);
        return "since body";
    }
}

[Gzip]
public class GzipApp
{
    [Exposed]
    public string Index() => string.Concat(Enumerable.Repeat("Hello, gzip world! ", 10));

    [Exposed, ResponseHeaders("Content-Type", "application/json")]
    public string Json() => "{\"not\": \"gzipped by default mime_types\"}";
}

/// <summary>Sessions at /sram (RAM) and /sfile (files), configured in conformance.conf.</summary>
public class SessApp
{
    [Exposed]
    public string Index(Session session)
    {
        var counter = session.GetInt32("counter") + 1;
        session.Set("counter", counter);
        return $"counter={counter} id={session.Id}";
    }

    /// <summary>Does not touch session data, so the session is never loaded nor saved.</summary>
    [Exposed]
    public string Peek(Request request) => "peek id=" + request.RequiredSession.Id;

    [Exposed]
    public string Regen(Session session)
    {
        session.Set("x", 1);
        session.Regenerate();
        return "regenerated id=" + session.Id;
    }

    [Exposed]
    public string Expire(Session session)
    {
        session.Expire();
        return "expired";
    }
}

/// <summary>Behind session_auth at /sauth (conformance.conf; the login check is registered in Program.cs).</summary>
public sealed class SessAuthApp
{
    [Exposed]
    public string Index(Request request) => $"Hi {request.Login}, you are logged in";
}

public class MiscTools
{
    [Exposed, Accept("text/html", "text/plain")]
    public string Accept() => "accept ok";

    [Exposed]
    public string Select(Request request) => "selected " + AcceptTool.Select(request, "text/html", "text/plain");

    [Exposed, Allow("GET", "POST")]
    public string Allow(Request request) => "allowed " + request.Method;

    [Exposed, Referer(@"http://[^/]*example\.com"), ProducesResponseType(200), ProducesResponseType(403)]
    public string Referer() => "referer ok";

    [Exposed, Referer(@"http://[^/]*example\.com", Accept = false, AcceptMissing = true)]
    public string RefererReject() => "referer_reject ok";

    [Exposed, Proxy(Base = "www.proxied.test")]
    public string Proxy(Request request) => $"base={request.Base} remote={request.RemoteAddress} url={request.Url()}";

    [Exposed, Proxy]
    public string ProxyDefault(Request request) => $"base={request.Base} remote={request.RemoteAddress}";

    [Exposed, ResponseHeaders("X-Custom", "yes", "Content-Type", "text/plain")]
    public string Headers() => "custom headers";

    [Exposed, Redirect("/index?name=toolredirect")]
    public string RedirectInternal() => "never";

    [Exposed, Redirect("/dir1/", Internal = false)]
    public string RedirectExternal() => "never";

    [Exposed, ErrRedirect("/index?name=errredirect", Internal = false), ProducesResponseType(303)]
    public string ErrRedirect() => throw new InvalidOperationException("goes to err_redirect");

    [Exposed, Autovary]
    public string Autovary(Request request)
    {
        _ = request.Headers.AcceptLanguage;
        _ = request.Headers.ContainsKey("If-Modified-Since");
        return "autovary";
    }

    [Exposed, Flatten]
    public IEnumerable<object?> Flatten()
    {
        yield return Inner();
        yield return "c"u8.ToArray();

        static IEnumerable<byte[]> Inner()
        {
            yield return "a"u8.ToArray();
            yield return "b"u8.ToArray();
        }
    }

    [Exposed, IgnoreHeaders("Range")]
    public void IgnoreRange(Request request) => Static.ServeFile(request, Path.Combine(AppContext.BaseDirectory, "static", "digits.txt"));

    [Exposed, Encode(Encoding = "iso-8859-1")]
    public string Latin1() => "caf\u00e9";
}

/// <summary>The XMLRPCController at /xmlrpc.</summary>
[XmlRpc]
public sealed class XmlRpcApp
{
    [Exposed]
    public int Add(int a, int b) => a + b;

    [Exposed]
    public string Hello() => "Hello world!";
}
